import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import type { RunIO, RunResult } from './run.js';

const bundled = (name: string) => fileURLToPath(new URL(`../bundle/${name}`, import.meta.url));
/** The command line as one CommonJS bundle (scripts/bundle-cli.mjs). */
export const CLI_BUNDLE = bundled('contract-lint.cjs');
/** mammoth and JSZip as one CommonJS bundle: ~95 ms of require() when compiled from source, needed only for a DOCX. */
export const DOCX_PACKAGES_BUNDLE = bundled('docx-packages.cjs');
/** Where V8's compiled code for a bundle is kept, beside it. */
export const codeCachePath = (bundle: string) => `${bundle}.code-cache`;

export type CodeCacheUse = 'accepted' | 'rejected' | 'absent';

export interface LoadedCli {
  main(): Promise<void>;
  run(argv: string[], io?: RunIO): Promise<RunResult>;
  /** The bundles compiled so far, and whether V8 took each one's code cache (`absent`: none, or older than the bundle). */
  compiled(): { bundle: string; codeCache: CodeCacheUse }[];
  /** V8's code for each bundle compiled so far, functions compiled since included (for the build to save). */
  createCodeCaches(): { bundle: string; data: Buffer }[];
}

/**
 * Loads the command line for bin/contract-lint. Node 20 compiles every start-up from source; parsing and compiling the
 * bundle, and then each function the first time it runs, was ~35 ms of a short lint's 250 (bench: cold start), and
 * mammoth's modules take ~95 ms to require. The build runs a few lints and saves what V8 compiled for them; a start-up
 * hands it back and skips that work. V8 checks that a cache was made by the same V8 with the same flags for a source
 * of the same length, and compiles from source when it was not (another Node, say).
 */
export function loadCli(): LoadedCli {
  // V8 first interprets a regular expression and compiles it to machine code when it runs again; the rules' few hundred
  // patterns all run again (once per clause), so the first, interpreted pass is paid for nothing. Compiling at once saves
  // a fifth of a short lint's start-up (bench: cold start). Set before any bundle is compiled: V8 takes a code cache only
  // under the flags it was made with.
  setFlagsFromString('--no-regexp-tier-up');
  const scripts: CompiledBundle[] = [];
  const fromNodeModules = createRequire(CLI_BUNDLE);
  let docxPackages: Record<string, unknown> | undefined;
  // The bundle's require() (it calls nothing else of it): mammoth and JSZip come from their own cached bundle, the
  // first time a DOCX needs them.
  const bundleRequire = (id: string) => {
    if (id !== 'mammoth' && id !== 'jszip') return fromNodeModules(id);
    docxPackages ??= runBundle(DOCX_PACKAGES_BUNDLE, fromNodeModules, scripts) as Record<string, unknown>;
    return docxPackages[id];
  };
  const cli = runBundle(CLI_BUNDLE, bundleRequire, scripts) as Pick<LoadedCli, 'main' | 'run'>;
  return {
    main: cli.main,
    run: cli.run,
    compiled: () => scripts.map(({ bundle, codeCache }) => ({ bundle, codeCache })),
    createCodeCaches: () => scripts.map(({ bundle, script }) => ({ bundle, data: script.createCachedData() })),
  };
}

interface CompiledBundle {
  bundle: string;
  script: vm.Script;
  codeCache: CodeCacheUse;
}

/** Compiles a CommonJS bundle with its code cache, runs it as Node runs a module, and returns its exports. */
function runBundle(bundle: string, require: (id: string) => unknown, scripts: CompiledBundle[]): unknown {
  const cachedData = freshCodeCache(bundle);
  // Node's own wrapper for a CommonJS module, kept on the first line so that the bundle's line numbers still hold.
  const source = `(function (exports, require, module, __filename, __dirname, __importEsm) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: bundle, cachedData });
  scripts.push({ bundle, script, codeCache: !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted' });
  const module = { exports: {} };
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  init(module.exports, require, module, bundle, path.dirname(bundle), importEsm);
  return module.exports;
}

/** A script compiled from a cache cannot import() on Node 20; the ES modules of pdf.js are imported from here instead. */
const importEsm = (url: string) => import(url);

/**
 * How much newer than its code cache a bundle may be: the build writes the cache after the bundle, a package manager
 * writes the two within milliseconds of each other in either order, and an edit comes later than that.
 */
const STALE_AFTER_MS = 2000;

/**
 * The saved code, unless the bundle was changed after it was made: V8 itself compares only the source's length, and
 * would run old code for a hand-edited bundle of the same length.
 */
function freshCodeCache(bundle: string): Buffer | undefined {
  const cache = codeCachePath(bundle);
  try {
    if (statSync(bundle).mtimeMs - statSync(cache).mtimeMs > STALE_AFTER_MS) return undefined;
    return readFileSync(cache);
  } catch {
    return undefined;
  }
}
