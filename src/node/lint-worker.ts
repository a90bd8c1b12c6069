import { parentPort } from 'node:worker_threads';
import { RuleCache, runLintTask, type LintTask } from './lint-task.js';

/** A worker thread of the lint pool: tasks in, file reports out, in whatever order they finish. */
const cache = new RuleCache();
parentPort?.on('message', async (message: { id: number; task: LintTask }) => {
  const report = await runLintTask(message.task, cache);
  // An Error does not survive structured cloning with its stack; keep what --debug prints.
  const cause = report.cause instanceof Error ? { message: report.cause.message, stack: report.cause.stack } : undefined;
  parentPort!.postMessage({ id: message.id, report: { ...report, cause } });
});
