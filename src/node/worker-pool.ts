import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileReport } from './lint-files.js';
import type { LintTask } from './lint-task.js';

const WORKER = new URL('./lint-worker.js', import.meta.url);

/** Worker threads exist only in the built package (dist/); from TypeScript sources the run stays in-process. */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

export function defaultWorkers(files: number): number {
  // Starting a worker costs about as much as reading a few short contracts: small runs stay in-process.
  return files < 8 ? 1 : Math.max(1, Math.min(availableParallelism(), Math.ceil(files / 4)));
}

/**
 * Lints tasks on `size` worker threads. Results come back in task order whatever order they finish in, and
 * `onDone` is told of each as it finishes (for a progress line).
 */
export async function runInPool(tasks: LintTask[], size: number, onDone?: (done: number) => void): Promise<FileReport[]> {
  const results: FileReport[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(size, tasks.length) }, () => new Worker(WORKER));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) return resolve();
              const id = next++;
              worker.postMessage({ id, task: tasks[id] });
            };
            worker.on('message', (m: { id: number; report: FileReport }) => {
              results[m.id] = m.report;
              onDone?.(++done);
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
