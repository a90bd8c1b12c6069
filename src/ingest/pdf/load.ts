/**
 * Reading a PDF's positioned text with pdf.js: one getTextContent per page, nothing rendered.
 */

import { LIMITS, type TimeBudget } from '../limits.js';
import { ReadError } from '../read-error.js';
import type { PageText, PlacedText } from './page-text.js';
import { checkStreamBudget } from './stream-budget.js';
import { hasEofMarker, hasPdfHeader, MESSAGES, toReadError } from './pdf-errors.js';
import {
  loadPdfJs,
  type LoadedPdfJs,
  type PdfJsLoadingTask,
  type PdfJsTextContent,
  type PdfJsTextItem,
  type PdfJsViewport,
} from './pdfjs.js';

export interface PdfReadOptions {
  password?: string;
  /** Read only this many pages (and say so in a note). */
  maxPages?: number;
  /** Refuse ('too-large') a PDF with more pages than this; default `LIMITS.pdfPages`. */
  maxPageCount?: number;
  /** The file's time budget (--timeout), checked between pages. */
  budget?: TimeBudget;
}

export interface PdfText {
  pages: PageText[];
  /** Pages in the file, including any not read because of maxPages. */
  pageCount: number;
  /** No end-of-file marker: pdf.js recovered what it could from a file cut short. */
  truncated: boolean;
  notes: string[];
}

export async function readPdfText(data: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  if (data.length === 0) throw new ReadError('empty', MESSAGES.emptyFile);
  // Cheap checks first: a non-PDF should not cost loading pdf.js.
  if (!hasPdfHeader(data)) throw new ReadError('corrupt', MESSAGES.notPdf);

  checkStreamBudget(data, options.budget);

  const loaded = await loadPdfJs();
  let task: PdfJsLoadingTask;
  try {
    task = openDocument(loaded, data, options.password);
  } catch (e) {
    throw toReadError(e, data, options.password !== undefined);
  }

  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      throw toReadError(e, data, options.password !== undefined);
    }
    const pageCount = doc.numPages;
    if (pageCount === 0) throw new ReadError('empty', MESSAGES.empty);
    const maxPageCount = options.maxPageCount ?? LIMITS.pdfPages;
    if (pageCount > maxPageCount) throw new ReadError('too-large', MESSAGES.tooManyPages(pageCount, maxPageCount));

    const notes: string[] = [];
    const max = options.maxPages;
    const limit = max !== undefined && max > 0 ? Math.min(max, pageCount) : pageCount;
    if (limit < pageCount) {
      notes.push(`only the first ${limit} of ${pageCount} pages were read / 只读取了前 ${limit} 页（共 ${pageCount} 页）`);
    }

    const pages: PageText[] = [];
    const unreadable: number[] = [];
    let lastError: unknown;
    for (let n = 1; n <= limit; n++) {
      // The per-file time budget (--timeout) is checked between pages: a file built to keep pdf.js busy stops here.
      options.budget?.check();
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
        pages.push({ page: n, width: viewport.width, height: viewport.height, items: placeItems(content, viewport) });
        page.cleanup();
      } catch (e) {
        unreadable.push(n);
        lastError = e;
      }
    }
    if (pages.length === 0) throw toReadError(lastError, data, options.password !== undefined);
    if (unreadable.length > 0) {
      const list = unreadable.join(', ');
      notes.push(`pages that could not be read were skipped: ${list} / 以下页面无法读取，已跳过：${list}`);
    }
    const truncated = !hasEofMarker(data);
    if (truncated) {
      notes.push(
        'the PDF seems truncated (no %%EOF end marker); some text may be missing / PDF 文件似乎不完整（缺少 %%EOF 结束标记），可能缺失部分内容',
      );
    }
    return { pages, pageCount, truncated, notes };
  } finally {
    // Also ends pdf.js's (main-thread) worker side of this document; never let cleanup hide the real error.
    await task.destroy().catch(() => undefined);
  }
}

function openDocument({ pdfjs, worker, cMapDir }: LoadedPdfJs, data: Uint8Array, password: string | undefined): PdfJsLoadingTask {
  return pdfjs.getDocument({
    worker,
    // pdf.js takes over the buffer it gets (a real worker would have it transferred); the caller keeps its own bytes.
    data: new Uint8Array(data),
    password,
    // Untrusted input: never compile PDF functions (PostScript calculator) to JS.
    isEvalSupported: false,
    // No font loading, system font lookup or fetch(): text extraction needs none of them.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    // WASM only speeds up image decoding, which text extraction never does.
    useWasm: false,
    enableXfa: false,
    // Recover what can be read from a damaged page rather than failing the whole file.
    stopAtErrors: false,
    // pdf.js logs warnings with console.log; a linter's output is its own.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // CJK PDFs with non-embedded fonts name Adobe's predefined CMaps; they are read from disk, never fetched.
    cMapUrl: cMapDir,
    cMapPacked: true,
  });
}

/**
 * Maps each text item into top-down page space and keeps the horizontal ones. Rotated or vertical runs (diagonal
 * "DRAFT" watermarks, margin notes, vertical CJK) would otherwise be spliced into the lines they cross.
 */
function placeItems(content: PdfJsTextContent, viewport: PdfJsViewport): PlacedText[] {
  const [va, vb, vc, vd, ve, vf] = viewport.transform;
  const out: PlacedText[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str === '') continue;
    const item = raw as PdfJsTextItem;
    const [a, b, c, d, e, f] = item.transform;
    // The item's matrix combined with the viewport's (which flips y and applies /Rotate).
    const m0 = va * a + vc * b;
    const m1 = vb * a + vd * b;
    const m2 = va * c + vc * d;
    const m3 = vb * c + vd * d;
    if (!(m0 > 0) || Math.abs(m1) > 0.1 * m0) continue;
    const size = Math.hypot(m2, m3) || item.height;
    if (!(size > 0)) continue;
    out.push({
      str: normalizeSpaces(item.str),
      x: va * e + vc * f + ve,
      y: vb * e + vd * f + vf,
      width: item.width,
      size,
    });
  }
  return out;
}

/**
 * Runs of whitespace inside an item say nothing reliable about layout, so they become one space; an ideographic
 * space is a deliberate separator in CJK text (第一条　总则) and becomes two, which later CJK-space removal keeps.
 */
function normalizeSpaces(s: string): string {
  if (!/\s/.test(s)) return s;
  return s.replace(/\s+/g, (run) => (run.includes('\u3000') ? '  ' : ' '));
}
