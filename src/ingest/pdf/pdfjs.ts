/**
 * Lazy access to pdf.js, taken from the copy pdf-parse depends on.
 *
 * pdf-parse's own `getText()` returns plain strings, and reliable lines and paragraphs need each text item's position
 * and size, so we talk to pdf.js directly. We resolve `pdfjs-dist` from pdf-parse's location rather than our own so the
 * import works whatever the install layout (hoisted or not) and is the very module instance pdf-parse uses. pdf.js
 * costs ~200 ms to load (it also pulls in its canvas polyfills), so it is imported on first use only.
 */

import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DirectPort } from './direct-port.js';
import { importEsm } from '../../util/import-esm.js';

/** The few pdf.js types we use, declared here so type-checking does not depend on pdfjs-dist being resolvable. */
export interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface PdfJsTextContent {
  items: Array<PdfJsTextItem | { type: string }>;
}

export interface PdfJsViewport {
  width: number;
  height: number;
  transform: number[];
}

export interface PdfJsPage {
  getViewport(params: { scale: number }): PdfJsViewport;
  getTextContent(params?: {
    includeMarkedContent?: boolean;
    disableNormalization?: boolean;
  }): Promise<PdfJsTextContent>;
  cleanup(): boolean;
}

export interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
}

export interface PdfJsLoadingTask {
  promise: Promise<PdfJsDocument>;
  destroy(): Promise<void>;
}

/** pdf.js's handle on its parsing side, which documents can share. */
export interface PdfJsWorker {
  readonly destroyed: boolean;
}

export interface PdfJs {
  getDocument(params: Record<string, unknown>): PdfJsLoadingTask;
  PDFWorker: new (params: { port: DirectPort; verbosity: number }) => PdfJsWorker;
  VerbosityLevel: { ERRORS: number };
}

interface PdfJsWorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: DirectPort): void };
}

export interface LoadedPdfJs {
  pdfjs: PdfJs;
  /** The parsing side of pdf.js, in this thread, joined to the API side by `port`; every document uses it. */
  worker: PdfJsWorker;
  port: DirectPort;
  /** Directory of Adobe's predefined CMaps, with the trailing slash pdf.js requires. */
  cMapDir: string;
}

let loading: Promise<LoadedPdfJs> | undefined;

export function loadPdfJs(): Promise<LoadedPdfJs> {
  loading ??= importPdfJs().catch((e: unknown) => {
    // A failed import (broken install) should not be cached forever in a long-lived process.
    loading = undefined;
    throw e;
  });
  return loading;
}

/**
 * pdf.js's legacy build bundles core-js, which on Node 20 replaces Array.prototype.push and JSON.parse process-wide
 * with JavaScript versions (to fix edge cases: arrays longer than 2^32 elements, JSON.parse source-text access) that
 * neither pdf.js nor we need. They are several times slower, and after the first PDF every push and JSON.parse of the
 * whole linter would go through them, so the engine's own are put back.
 */
const NATIVE_BUILTINS: Array<[object, string]> = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
];

async function importPdfJs(): Promise<LoadedPdfJs> {
  const natives = NATIVE_BUILTINS.map(
    ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const,
  );
  // While its modules load, pdf.js writes "Warning: …" (console.warn in pdf.js 5, console.log before) before any
  // verbosity option can apply: that it has no canvas to draw with (see withoutNativeCanvas). A linter's output may
  // be JSON, so those lines are dropped; anything else still gets through.
  const log = console.log;
  const warn = console.warn;
  const quiet =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      write(...args);
    };
  console.log = quiet(log);
  console.warn = quiet(warn);
  const restoreCanvas = withoutNativeCanvas();
  try {
    return await importPdfJsModules();
  } finally {
    restoreCanvas();
    console.log = log;
    console.warn = warn;
    for (const [owner, key, descriptor] of natives) if (descriptor) Object.defineProperty(owner, key, descriptor);
  }
}

/**
 * On Node, pdf.js requires @napi-rs/canvas as it loads, a 31 MB native Skia library, for DOMMatrix, ImageData and
 * Path2D: what it needs to render pages, which we never do. Loading it took ~26 ms of every thread that reads a PDF,
 * and where no build of it exists for the platform, every PDF failed, since pdf.js makes one DOMMatrix as it loads.
 * So pdf.js is told, while it loads, that the package is not there, and is given an identity DOMMatrix while it loads,
 * which nothing of text extraction calls on. Returns what puts things back.
 */
function withoutNativeCanvas(): () => void {
  const getBuiltinModule = process.getBuiltinModule;
  const hadDomMatrix = 'DOMMatrix' in globalThis;
  if (!hadDomMatrix) (globalThis as { DOMMatrix?: unknown }).DOMMatrix = IdentityMatrix;
  const restoreMatrix = () => {
    if (!hadDomMatrix) delete (globalThis as { DOMMatrix?: unknown }).DOMMatrix;
  };
  if (typeof getBuiltinModule !== 'function') return restoreMatrix;
  process.getBuiltinModule = ((id: string) => {
    const real = getBuiltinModule(id);
    if (id !== 'module' && id !== 'node:module') return real;
    const module = real as typeof import('node:module');
    return {
      ...module,
      createRequire: (from: string | URL) => {
        const require = module.createRequire(from);
        return Object.assign((request: string) => {
          if (request === '@napi-rs/canvas') throw new Error('@napi-rs/canvas is not loaded: contract-lint reads text only');
          return require(request);
        }, require);
      },
    };
  }) as typeof getBuiltinModule;
  return () => {
    process.getBuiltinModule = getBuiltinModule;
    restoreMatrix();
  };
}

/** The DOMMatrix pdf.js makes as it loads (a constant for drawing); the identity, with no operations. */
class IdentityMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

async function importPdfJsModules(): Promise<LoadedPdfJs> {
  const fromHere = createRequire(import.meta.url);
  const fromPdfParse = createRequire(fromHere.resolve('pdf-parse'));
  // pdf.js asks for its legacy build under Node: the modern one needs newer JavaScript than Node 20 has.
  const mainPath = fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const buildDir = path.dirname(mainPath);
  const pdfjs = (await importEsm(pathToFileURL(mainPath).href)) as PdfJs;

  // Node has no Web Worker, so pdf.js would run its worker side in this thread anyway, behind a port that clones every
  // message (see DirectPort). Setting the two sides up ourselves, once, makes that the deliberate path: no guessing of
  // a worker file URL, no per-document set-up, and nothing left running that could keep the process alive.
  const workerModule = (await importEsm(pathToFileURL(path.join(buildDir, 'pdf.worker.mjs')).href)) as PdfJsWorkerModule;
  const port = new DirectPort();
  workerModule.WorkerMessageHandler.initializeFromPort(port);
  const worker = new pdfjs.PDFWorker({ port, verbosity: pdfjs.VerbosityLevel.ERRORS });

  return { pdfjs, worker, port, cMapDir: path.join(buildDir, '..', '..', 'cmaps') + path.sep };
}
