import { run } from './run.js';

// (for the build, which runs a few lints to save V8's code for them: see launch.ts)
export { run };

/** Entry point of bin/contract-lint: the only place that touches process output and the exit code. */
export async function main(): Promise<void> {
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
  process.exitCode = result.exitStatus;
  await Promise.all([writeOut(process.stdout, result.stdout), writeOut(process.stderr, result.stderr)]);
  // The run is over once its output is out. Left to itself, Node would first wait for the functions V8 is still
  // optimizing in the background: 0–18 ms of a short lint's 250 (bench: cold start), for code that will not run again.
  process.exit();
}

/** Resolves once the text is handed to the system (on a pipe, that can be later than `write` returns). */
function writeOut(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
}
