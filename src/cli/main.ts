import { setFlagsFromString } from 'node:v8';
import { run } from './run.js';

/** Entry point of bin/contract-lint: the only place that touches process output and the exit code. */
export async function main(): Promise<void> {
  // V8 first interprets a regular expression and compiles it to machine code when it runs again; the rules' few
  // hundred patterns all run again (once per clause), so the first, interpreted pass is paid for nothing. Compiling
  // at once saves a fifth of a short lint's start-up (bench: cold start).
  setFlagsFromString('--no-regexp-tier-up');
  // pdf.js rejects promises of its own that nobody awaits (a bad xref noticed after the text was read); every
  // promise of ours is awaited, so such a stray must not end the process after the report is written.
  process.on('unhandledRejection', (reason) => {
    if (process.argv.includes('--debug')) process.stderr.write(`contract-lint: ignored a stray rejection inside a reader: ${String(reason)}\n`);
  });
  const result = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    color: process.stdout.isTTY === true,
    progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  });
  // A reader that stops early (`contract-lint … | head`) closes the pipe: not an error of the run.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitStatus;
}
