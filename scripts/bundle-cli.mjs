#!/usr/bin/env node
// Build step: the command line's code, and the code every lint runs, bundled into dist/bundle/ for bin/contract-lint.
//
// Loading some sixty modules one by one (each resolved, read, decoded and parsed by Node's ESM loader) was the largest
// part of a short lint's start-up after Node's own. The command line is one CommonJS file, so that src/cli/launch.ts
// can compile it with a V8 code cache, which Node 20 offers for scripts and not for ES modules; this script then runs
// a few lints and saves that cache (see code-cache.mjs). What only some runs need stays out of the bundle and loads
// when needed: pdf.js, the YAML parser, Ajv, glob matching. mammoth and JSZip, which take ~95 ms to require from
// source, are a bundle of their own with a cache of its own, compiled the first time a DOCX is read. The report
// formats are inside the main bundle, but their code is compiled and run only by the runs that ask for them.
//
// The lint worker is a bundle of its own, an ES module as before: a worker starts a fresh V8 isolate either way and
// shares no code with the main thread.
//
// The bundles are made from tsc's output, so TypeScript is compiled by one compiler only. Their files sit one folder
// below dist/, as dist/cli/ and dist/node/ do, so that the paths the code finds from its own file (dist/packs, rules/,
// the worker beside it) are the same from either.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/bundle');
const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Loaded only by the runs that need them (a PDF, a DOCX, a user's YAML rules or config, a glob): kept as packages.
  external: ['mammoth', 'pdf-parse', 'pdfjs-dist', 'jszip', 'ajv', 'yaml', 'tinyglobby', 'picomatch', 'ignore'],
  // Names are kept, so that a --debug stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  // (maps point at the sources, as tsc's do, rather than carrying them: the package stays small)
  sourcesContent: false,
  legalComments: 'eof',
  logLevel: 'warning',
};
rmSync(outdir, { recursive: true, force: true });
const cli = path.join(outdir, 'contract-lint.cjs');
await build({
  ...common,
  entryPoints: { 'contract-lint': 'dist/cli/main.js' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // A CommonJS file has no import.meta: the code's own address is made from __filename, which launch.ts passes in.
  // Our modules were written as ES modules, which are strict: the directive must come first to hold for the file.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: '"use strict";var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  // A script compiled from a code cache cannot import() on Node 20 (it needs --experimental-vm-modules). Packages are
  // required instead (each of ours has a CommonJS build), and the ES modules of pdf.js are imported by the launcher,
  // which passes its import() in as __importEsm.
  supported: { 'dynamic-import': false },
  plugins: [
    {
      name: 'launcher-import',
      setup(b) {
        b.onLoad({ filter: /[\\/]dist[\\/]util[\\/]import-esm\.js$/ }, () => ({ contents: 'export const importEsm = (url) => __importEsm(url);', loader: 'js' }));
      },
    },
  ],
});
// (an import() left in would fail only when its path is taken, perhaps long after a release)
if (/\bimport\(/.test(readFileSync(cli, 'utf8'))) {
  process.stderr.write(`bundle-cli: ${cli} has an import(), which fails in a script compiled from a code cache; use importEsm (src/util/import-esm.ts)\n`);
  process.exit(1);
}
// (launch.ts hands these two to the main bundle's require("mammoth") and require("jszip"))
await build({
  ...common,
  outdir: undefined,
  outfile: path.join(outdir, 'docx-packages.cjs'),
  stdin: { contents: 'module.exports = { mammoth: require("mammoth"), jszip: require("jszip") };', resolveDir: root, sourcefile: 'docx-packages.js' },
  external: [],
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: { 'lint-worker': 'dist/node/lint-worker.js' },
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  // commander is CommonJS and requires Node's modules: an ES module has no `require` of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// A fresh process, started as bin/contract-lint is, so that V8's flags are the ones a start-up has.
const made = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs')], { cwd: root, stdio: 'inherit' });
if (made.status !== 0) process.exit(made.status ?? 1);
