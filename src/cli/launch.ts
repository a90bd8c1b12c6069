import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import type { RunIO, RunResult } from './run.js';

/** The command line as one CommonJS bundle (scripts/bundle-cli.mjs), and V8's compiled code for it. */
export const CLI_BUNDLE = fileURLToPath(new URL('../bundle/contract-lint.cjs', import.meta.url));
export const CLI_CODE_CACHE = `${CLI_BUNDLE}.code-cache`;

export interface LoadedCli {
  main(): Promise<void>;
  run(argv: string[], io?: RunIO): Promise<RunResult>;
  /** Whether V8 took the code cache: `absent` when there is none (or it is older than the bundle). */
  codeCache: 'accepted' | 'rejected' | 'absent';
  /** V8's code for the bundle as it stands, functions compiled so far included (for the build to save). */
  createCodeCache(): Buffer;
}

/**
 * Loads the command line for bin/contract-lint. Node 20 compiles every start-up from source; parsing and compiling the
 * bundle, and then each function the first time it runs, was a sixth of a short lint (bench: cold start). The build
 * runs a few lints and saves what V8 compiled for them; a start-up hands it back and skips that work. V8 checks that
 * the cache was made by the same V8 with the same flags for a source of the same length, and compiles from source when
 * it was not (another Node, say).
 */
export function loadCli(): LoadedCli {
  // V8 first interprets a regular expression and compiles it to machine code when it runs again; the rules' few hundred
  // patterns all run again (once per clause), so the first, interpreted pass is paid for nothing. Compiling at once saves
  // a fifth of a short lint's start-up (bench: cold start). Set before the bundle is compiled: V8 takes a code cache only
  // under the flags it was made with.
  setFlagsFromString('--no-regexp-tier-up');
  const source = readFileSync(CLI_BUNDLE, 'utf8');
  const cachedData = freshCodeCache();
  // Node's own wrapper for a CommonJS module, kept on the first line so that the bundle's line numbers still hold.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __importEsm) {${source}\n})`, { filename: CLI_BUNDLE, cachedData });
  const module = { exports: {} as Pick<LoadedCli, 'main' | 'run'> };
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  // A script compiled from a cache cannot import() on Node 20; the ES modules of pdf.js are imported from here instead.
  const importEsm = (url: string) => import(url);
  init(module.exports, createRequire(CLI_BUNDLE), module, CLI_BUNDLE, path.dirname(CLI_BUNDLE), importEsm);
  return {
    main: module.exports.main,
    run: module.exports.run,
    codeCache: !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted',
    createCodeCache: () => script.createCachedData(),
  };
}

/**
 * How much newer than its code cache a bundle may be: the build writes the cache after the bundle, a package manager
 * writes the two within milliseconds of each other in either order, and an edit comes later than that.
 */
const STALE_AFTER_MS = 2000;

/**
 * The saved code, unless the bundle was changed after it was made: V8 itself compares only the source's length, and
 * would run old code for a hand-edited bundle of the same length.
 */
function freshCodeCache(): Buffer | undefined {
  try {
    if (statSync(CLI_BUNDLE).mtimeMs - statSync(CLI_CODE_CACHE).mtimeMs > STALE_AFTER_MS) return undefined;
    return readFileSync(CLI_CODE_CACHE);
  } catch {
    return undefined;
  }
}
