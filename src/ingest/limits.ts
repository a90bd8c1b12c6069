/**
 * Limits that keep a hostile input from hanging a run or exhausting memory, and the per-file time budget.
 *
 * Every input is treated as hostile: a DOCX may be a zip bomb or carry XML built to overflow a parser's stack, a PDF
 * may have thousands of pages or a structure that keeps pdf.js busy. The values are far above any real contract and
 * far below what hurts a CI machine.
 */
import { ReadError } from './read-error.js';

const MB = 1024 * 1024;

export const LIMITS = {
  /**
   * The zip-bomb guard: what all parts of a DOCX may expand to together, checked against the sizes the zip
   * directory declares before anything is inflated, and against the bytes actually produced while inflating. Real
   * contracts expand to a few MB.
   */
  docxExpandedBytes: 200 * MB,
  /**
   * One XML part of a DOCX, inflated (checked on the declared size first, then while inflating). Our rewrite of
   * document.xml shrinks Word's XML to a quarter or a half, so this matches `docxParsedXmlBytes` below.
   */
  docxPartBytes: 48 * MB,
  /**
   * The XML mammoth parses in one go: the document after our rewrite (document-xml.ts), notes, comments. mammoth's
   * DOM takes some 50 bytes of memory per byte of XML and 0.3 s per MB (measured: 30 MB → 1.6 GB peak RSS, 9 s),
   * so this keeps the largest document readable under ~1 GB and a few seconds. A 300-page contract is a few MB.
   */
  docxParsedXmlBytes: 16 * MB,
  /** A DOCX has a few dozen parts; a zip with more is not one Word wrote. */
  docxEntries: 10_000,
  /** A part that expands to more than this with more than `docxMaxRatio` : 1 compression is a bomb. */
  docxRatioCheckFrom: 10 * MB,
  /** Real document.xml compresses 5-30 : 1; megabytes of one repeated byte compress ~1,000 : 1. */
  docxMaxRatio: 200,
  /**
   * Element nesting in a DOCX part. Word's deepest real structures (tables in tables in content controls) are a few
   * dozen levels; mammoth's recursive reader overflows the stack at some 2,000-4,000.
   */
  xmlDepth: 500,
  /** Pages in a PDF. */
  pdfPages: 2_000,
  /**
   * One Flate stream that text extraction decodes (a page's contents, a font), inflated. Real ones are KB to a few
   * MB; an embedded full CJK font is some 20 MB.
   */
  pdfStreamBytes: 64 * MB,
  /** All such streams of a PDF together, inflated: 2,000 pages of dense text and a dozen fonts stay far below. */
  pdfInflatedBytes: 512 * MB,
} as const;

/** Seconds one file may take to read (`--timeout`); 0 means no limit. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/**
 * One file's time budget, handed to its reader, which calls `check()` between units of work (PDF pages, DOCX stages).
 * It is passed explicitly rather than kept in an AsyncLocalStorage: that turns on Node's promise hooks for the whole
 * thread, a cost on each of the many promises pdf.js makes (~2% of reading a PDF).
 */
export class TimeBudget {
  readonly #deadline: number;

  constructor(readonly seconds: number) {
    this.#deadline = Date.now() + seconds * 1000;
  }

  /** Throws a 'timeout' ReadError once the budget is spent. */
  check(): void {
    if (Date.now() >= this.#deadline) throw timeoutError(this.seconds);
  }
}

export function timeoutError(seconds: number): ReadError {
  const s = formatSeconds(seconds);
  return new ReadError(
    'timeout',
    `reading took more than ${s} s (a damaged file, or one built to stall readers); check the file, or raise --timeout if it is genuine / 读取超过 ${s} 秒（文件可能已损坏或被恶意构造），请检查文件；如确属正常文件，可调大 --timeout`,
  );
}

/**
 * Runs `read` with a time budget of `seconds` (none when 0, negative or not finite), which it hands to its reader.
 * The reader stops with a 'timeout' ReadError at its next check once the budget is spent. Work that is waiting
 * rather than computing when the time runs out is abandoned the same way; work that computes without ever yielding
 * cannot be interrupted and is only stopped at the reader's next check.
 */
export async function withTimeBudget<T>(
  seconds: number | undefined,
  read: (budget: TimeBudget | undefined) => Promise<T>,
): Promise<T> {
  if (seconds === undefined || !(seconds > 0) || !Number.isFinite(seconds)) return read(undefined);
  const budget = new TimeBudget(seconds);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(seconds)), Math.min(seconds * 1000, 2 ** 31 - 1));
  });
  try {
    return await Promise.race([read(budget), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : String(Math.round(seconds * 1000) / 1000);
}
