import { parentPort } from 'node:worker_threads';
import { RuleCache, runLintTask, type LintTask } from './lint-task.js';

/** A worker thread of the lint pool: tasks in, file reports out, in whatever order they finish. */
const cache = new RuleCache();
// pdf.js rejects promises of its own that nobody awaits (a bad xref found after the text was read): they must not
// kill the worker, whose task has its result already.
process.on('unhandledRejection', () => undefined);
parentPort?.on('message', async (message: { id: number; task: LintTask }) => {
  const report = await runLintTask(message.task, cache);
  // An Error does not survive structured cloning with its stack; keep what --debug prints.
  const cause = report.cause instanceof Error ? { message: report.cause.message, stack: report.cause.stack } : undefined;
  parentPort!.postMessage({ id: message.id, report: { ...report, cause } });
});
