import { run } from './run.js';

/** Entry point of bin/contract-lint: the only place that touches process output and the exit code. */
export async function main(): Promise<void> {
  const result = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    color: process.stdout.isTTY === true,
    progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  });
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitStatus;
}
