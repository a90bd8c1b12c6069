#!/usr/bin/env node
// Build step, after bundle-cli.mjs: runs the command line on a few of the project's own contracts, as short runs use
// it (stylish and JSON reports; text, Markdown and DOCX; Chinese and English), and saves the code V8 compiled for
// them beside each bundle (the command line's, and that of mammoth and JSZip). bin/contract-lint hands it back to V8
// at start-up (src/cli/launch.ts). A PDF is not among them: the main thread never reads one.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCachePath, loadCli } from '../dist/cli/launch.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = loadCli();
const runs = [
  ['--version'],
  ['fixtures/eval/en-03-complete.txt'],
  ['fixtures/contracts/zh-agency.md'],
  ['--format', 'json', 'fixtures/contracts/zh-agency-typed.docx'],
];
for (const argv of runs) {
  const result = await cli.run(argv, { cwd: root, color: false });
  // (findings are expected, trouble is not: exit code 2 means the bundle cannot read its own fixtures)
  if (result.exitStatus > 1) {
    process.stderr.write(`code-cache: contract-lint ${argv.join(' ')} exited ${result.exitStatus}\n${result.stderr}`);
    process.exit(1);
  }
}
for (const { bundle, data } of cli.createCodeCaches()) writeFileSync(codeCachePath(bundle), data);
