import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { FileReport } from './lint-files.js';
import type { LintTask } from './lint-task.js';

const WORKER = new URL('./lint-worker.js', import.meta.url);

/** Worker threads exist only in the built package (dist/); from TypeScript sources the run stays in-process. */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

export function defaultWorkers(files: number): number {
  // Starting a worker (modules, rules, regular expressions compiled cold) costs about as much as linting a dozen
  // contracts, so a worker is worth its start only with some 16 files to do (measured: 22 DOCX on 2 cores took
  // 1.6 s with 2 workers, 1.4 s in one thread).
  return files < 32 ? 1 : Math.max(1, Math.min(availableParallelism(), Math.ceil(files / 16)));
}

/** Grace beyond a task's own time budget before its worker is stopped from outside. */
const GRACE_MS = 5_000;

function stalled(task: LintTask): FileReport {
  const s = task.timeout ?? 60;
  return {
    path: task.path,
    findings: [],
    concerns: {},
    error: {
      code: 'timeout',
      message: `reading took more than ${s} s and was stopped (a damaged file, or one built to stall readers); check the file, or raise --timeout if it is genuine / 读取超过 ${s} 秒已中止（文件可能已损坏或被恶意构造），请检查文件；如确属正常文件，可调大 --timeout`,
    },
  };
}

/** Heap a worker may use: far above any real contract (the largest DOCX we accept peaks near 1 GB in all). */
const WORKER_HEAP_MB = 2048;

function crashed(task: LintTask, e: Error & { code?: string }): FileReport {
  const error =
    e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? { code: 'too-large' as const, message: `needed more than ${WORKER_HEAP_MB} MB of memory to read and was stopped (a file built to exhaust readers, or one far larger than a contract) / 读取所需内存超过 ${WORKER_HEAP_MB} MB，已中止（文件可能被恶意构造或远超合同规模）` }
      : { code: 'corrupt' as const, message: `could not be read (${e.message}) / 无法读取此文件` };
  return { path: task.path, findings: [], concerns: {}, error };
}

/**
 * Lints tasks on `size` worker threads. Results come back in task order whatever order they finish in, and
 * `onDone` is told of each as it finishes (for a progress line). A task that outlives its time budget is a reader
 * stuck in a loop that never yields (pdf.js on a crafted font, say): its worker is terminated, the file is reported
 * as unreadable and a fresh worker takes the next task.
 */
export async function runInPool(tasks: LintTask[], size: number, onDone?: (done: number) => void): Promise<FileReport[]> {
  // Loaded when a pool runs: one file linted in this thread does not pay for the module.
  const { Worker } = await import('node:worker_threads');
  const results: FileReport[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const live = new Set<Worker>();
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker;
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const finish = (id: number, report: FileReport) => {
        if (timer) clearTimeout(timer);
        results[id] = report;
        onDone?.(++done);
        feed();
      };
      const start = () => {
        const w = (worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
        live.add(w);
        w.on('message', (m: { id: number; report: FileReport }) => finish(m.id, m.report));
        // The worker is gone (out of memory, or a crash pdf.js let through): a fresh one takes the next task.
        w.on('error', (e) => {
          live.delete(w);
          if (current < 0 || results[current]) return reject(e);
          start();
          finish(current, crashed(tasks[current], e));
        });
      };
      const feed = () => {
        if (next >= tasks.length) return resolve();
        const id = (current = next++);
        const budget = tasks[id].timeout ?? 60;
        if (budget > 0) {
          timer = setTimeout(() => {
            const stuck = worker;
            live.delete(stuck);
            void stuck.terminate();
            start();
            finish(id, stalled(tasks[id]));
          }, budget * 1000 + GRACE_MS);
        }
        worker.postMessage({ id, task: tasks[id] });
      };
      start();
      feed();
    });
  try {
    await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, lane));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  return results;
}
