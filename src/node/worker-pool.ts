import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { LintTask } from './lint-task.js';
import type { IngestResult } from './read-contract.js';
import type { FileReport } from './lint-files.js';

const WORKER = new URL('./lint-worker.js', import.meta.url);

/** Worker threads exist only in the built package (dist/); from TypeScript sources the run stays in-process. */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/** Grace beyond a task's own time budget before its worker is stopped from outside. */
const GRACE_MS = 5_000;

/** Heap a worker may use: far above any real contract (the largest DOCX we accept peaks near 1 GB in all). */
const WORKER_HEAP_MB = 2048;

/**
 * What a worker does with a file: `lint` it whole, or only `read` it into text blocks (a PDF, whose pdf.js part is
 * the slow and the dangerous one) and hand the blocks back for the clause tree and rules to run in this thread.
 */
export type PoolJob = 'lint' | 'read';
export type PoolResult = { report: FileReport; read?: undefined } | { read: IngestResult; report?: undefined };

type Failure = { code: string; message: string };

function stalled(task: LintTask): Failure {
  const s = task.timeout ?? 60;
  return {
    code: 'timeout',
    message: `reading took more than ${s} s and was stopped (a damaged file, or one built to stall readers); check the file, or raise --timeout if it is genuine / 读取超过 ${s} 秒已中止（文件可能已损坏或被恶意构造），请检查文件；如确属正常文件，可调大 --timeout`,
  };
}

function crashed(e: Error & { code?: string }): Failure {
  return e.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? { code: 'too-large', message: `needed more than ${WORKER_HEAP_MB} MB of memory to read and was stopped (a file built to exhaust readers, or one far larger than a contract) / 读取所需内存超过 ${WORKER_HEAP_MB} MB，已中止（文件可能被恶意构造或远超合同规模）` }
    : { code: 'corrupt', message: `could not be read (${e.message}) / 无法读取此文件` };
}

function failed(task: LintTask, job: PoolJob, error: Failure): PoolResult {
  return job === 'read' ? { read: { path: task.path, error } } : { report: { path: task.path, findings: [], concerns: {}, error } };
}

export interface PoolJobSpec {
  /** Reported back with the result. */
  id: number;
  task: LintTask;
  job: PoolJob;
}

/**
 * Runs jobs on up to `size` worker threads. Each worker asks `next()` for its next job, so the caller can share one
 * queue between the workers and this thread; `onResult` is told of each job as it finishes. A job that outlives its
 * task's time budget is a reader stuck in a loop that never yields (pdf.js on a crafted font, say): its worker is
 * terminated, the file is reported as unreadable and a fresh worker takes the next job.
 */
export async function runInPool(size: number, next: () => PoolJobSpec | undefined, onResult: (id: number, result: PoolResult) => void): Promise<void> {
  // Loaded when a pool runs: one file linted in this thread does not pay for the module.
  const { Worker } = await import('node:worker_threads');
  const live = new Set<Worker>();
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      let worker: Worker | undefined;
      let current: PoolJobSpec | undefined;
      let timer: NodeJS.Timeout | undefined;
      const finish = (spec: PoolJobSpec, result: PoolResult) => {
        if (timer) clearTimeout(timer);
        current = undefined;
        // The worker gets its next job before this thread spends time on the result.
        feed();
        onResult(spec.id, result);
      };
      const start = () => {
        const w = (worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
        live.add(w);
        w.on('message', (m: PoolResult) => current && finish(current, m));
        // The worker is gone (out of memory, or a crash pdf.js let through): a fresh one takes the next job.
        w.on('error', (e) => {
          live.delete(w);
          worker = undefined;
          if (!current) return reject(e);
          finish(current, failed(current.task, current.job, crashed(e)));
        });
      };
      const feed = () => {
        const spec = (current = next());
        if (!spec) return resolve();
        // A worker starts with its first job: a lane with nothing to do costs nothing.
        if (!worker) start();
        const budget = spec.task.timeout ?? 60;
        if (budget > 0) {
          timer = setTimeout(() => {
            const stuck = worker!;
            live.delete(stuck);
            worker = undefined;
            void stuck.terminate();
            finish(spec, failed(spec.task, spec.job, stalled(spec.task)));
          }, budget * 1000 + GRACE_MS);
        }
        worker!.postMessage({ task: spec.task, job: spec.job });
      };
      feed();
    });
  try {
    await Promise.all(Array.from({ length: size }, lane));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
}
