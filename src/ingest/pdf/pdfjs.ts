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

export interface PdfJs {
  getDocument(params: Record<string, unknown>): PdfJsLoadingTask;
  VerbosityLevel: { ERRORS: number };
}

export interface LoadedPdfJs {
  pdfjs: PdfJs;
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
  // While its modules load, pdf.js logs "Warning: …" with console.log before any verbosity option can apply (e.g.
  // when the optional @napi-rs/canvas it polyfills rendering APIs from is missing, which text extraction does not
  // need). A linter's stdout may be JSON, so those lines are dropped; anything else still gets through.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
    log(...args);
  };
  try {
    return await importPdfJsModules();
  } finally {
    console.log = log;
    for (const [owner, key, descriptor] of natives) if (descriptor) Object.defineProperty(owner, key, descriptor);
  }
}

async function importPdfJsModules(): Promise<LoadedPdfJs> {
  const fromHere = createRequire(import.meta.url);
  const fromPdfParse = createRequire(fromHere.resolve('pdf-parse'));
  // pdf.js asks for its legacy build under Node: the modern one needs newer JavaScript than Node 20 has.
  const mainPath = fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const buildDir = path.dirname(mainPath);
  const pdfjs = (await import(pathToFileURL(mainPath).href)) as PdfJs;

  // Node has no Web Worker, so pdf.js falls back to running its worker code on the main thread. Handing it the worker
  // module up front makes that the deliberate path: no worker thread, no guessing of a worker file URL
  // (GlobalWorkerOptions.workerSrc is not needed), and nothing left running that could keep the process alive.
  const global = globalThis as { pdfjsWorker?: unknown };
  global.pdfjsWorker ??= await import(pathToFileURL(path.join(buildDir, 'pdf.worker.mjs')).href);

  return { pdfjs, cMapDir: path.join(buildDir, '..', '..', 'cmaps') + path.sep };
}
