#!/usr/bin/env node
// Build step: the command line's code, and the code every lint runs, bundled into dist/bundle/ for bin/contract-lint.
//
// Loading some sixty modules one by one (each resolved, read, decoded and parsed by Node's ESM loader) was the largest
// part of a short lint's start-up after Node's own. One bundle, with its comments and white space left out, takes
// about a sixth less work to load (bench: cold start). What only some runs need stays out of the bundle and loads when
// needed: the readers of PDF and DOCX files, the YAML parser, Ajv, glob matching, and each report format (split into
// chunks of their own). The library (dist/index.js) is tsc's output as before.
//
// The bundle is made from tsc's output, so TypeScript is compiled by one compiler only. Its files sit one folder below
// dist/, as dist/cli/ and dist/node/ do, so that the paths the code finds from its own file (dist/packs, rules/, the
// worker beside it) are the same from either.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'contract-lint': 'dist/cli/main.js', 'lint-worker': 'dist/node/lint-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
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
  chunkNames: '[name]-[hash]',
  // commander is CommonJS and requires Node's modules: an ES module has no `require` of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
