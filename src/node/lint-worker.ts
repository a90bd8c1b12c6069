import { parentPort } from 'node:worker_threads';
import type { LintTask, RuleCache } from './lint-task.js';
import { ingestContract } from './read-contract.js';
import type { PoolJob } from './worker-pool.js';

/** A worker thread of the lint pool: jobs in, file reports (or, for `read` jobs, text blocks) out. */
// pdf.js rejects promises of its own that nobody awaits (a bad xref found after the text was read): they must not
// kill the worker, whose task has its result already.
process.on('unhandledRejection', () => undefined);
// An Error does not survive structured cloning with its stack; keep what --debug prints.
const cloneable = (cause: unknown) => (cause instanceof Error ? { message: cause.message, stack: cause.stack } : undefined);
// A worker that only reads PDFs never loads the rule engine.
let linting: Promise<{ cache: RuleCache; run: typeof import('./lint-task.js').runLintTask }> | undefined;
parentPort?.on('message', async (message: { task: LintTask; job: PoolJob }) => {
  const { task, job } = message;
  if (job === 'read') {
    const read = await ingestContract(task.path, task);
    parentPort!.postMessage({ read: read.error ? { ...read, cause: cloneable(read.cause) } : read });
    return;
  }
  linting ??= import('./lint-task.js').then((m) => ({ cache: new m.RuleCache(), run: m.runLintTask }));
  const { cache, run } = await linting;
  const report = await run(task, cache);
  parentPort!.postMessage({ report: { ...report, cause: cloneable(report.cause) } });
});
