/**
 * Removing running headers, footers and page numbers, which would otherwise be spliced into the paragraph that
 * continues across the page break. Text is compared across pages with digits ignored ("Page 3 of 10", "Source: ACME
 * INC, 10-K, 3/1/2020", "合同编号：XH-2024-018 第 3 页"), and only in the same font size (a cover-page title often
 * reads like the running header but is set bigger).
 *
 * - At the page edges (first and last few lines): text found at the same edge on a good share of the pages, and page
 *   numbers by their form even on a single page.
 * - Anywhere on the page: short text found on most pages, and lone numbers counting up like page numbers. Filings
 *   converted from text or HTML (SEC exhibits) print the original document's page headers and numbers wherever its
 *   pages broke, mid-way down the PDF page.
 */

import { clauseStart } from './clause-start.js';
import type { TextLine } from './page-text.js';

/** How many lines at each edge of a page are candidates. */
const EDGE_LINES = 3;
/** Share of the pages text must appear on (same edge) to be a running header or footer; odd/even headers make 50%. */
const EDGE_SHARE = 0.4;
/** Away from the edges the bar is higher, and the text must be short and not end like a sentence. */
const FLOATING_SHARE = 0.5;
const FLOATING_MIN_PAGES = 3;
const FLOATING_MAX_LENGTH = 80;

const PAGE_NUMBER = [
  /^第\s*\d+\s*页\s*[,，、/]?\s*(?:共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*[,，、/]?\s*第\s*\d+\s*页$/,
  /^第\s*[一二三四五六七八九十百零〇]+\s*页$/,
  /^(?:page|pg\.?|p\.)\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
  /^[-–—]\s*\d+\s*[-–—]$/,
  /^\d{1,4}$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^[-–—]?\s*(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})\s*[-–—]?$/,
  /^\d{1,4}\s*页$/,
];

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(text));
}

/**
 * Text compared across pages: digits and spacing ignored, font size not. A line opening with a clause number is
 * compared as is, so "ARTICLE 2" and "ARTICLE 3" each opening a page are not mistaken for a running header.
 */
function runningKey(line: TextLine): string {
  const compact = line.text.replace(/\s+/g, '').toLowerCase();
  const text = clauseStart(line.text) ? `=${compact}` : compact.replace(/\d+/g, '#');
  return `${Math.round(line.size)}:${text}`;
}

export function removeRunningText(pages: TextLine[][]): { pages: TextLine[][]; removed: number } {
  const keys = pages.map((lines) => lines.map(runningKey));
  // Pages each key is found on, by where it is found.
  const top = new Map<string, Set<number>>();
  const bottom = new Map<string, Set<number>>();
  const anywhere = new Map<string, Set<number>>();
  pages.forEach((lines, p) => {
    const n = lines.length;
    lines.forEach((line, i) => {
      const key = keys[p][i];
      if (i < EDGE_LINES) tally(top, key, line);
      if (i >= n - EDGE_LINES) tally(bottom, key, line);
      if (mayFloat(line.text)) tally(anywhere, key, line);
    });
  });
  const edgeNeeded = Math.max(2, Math.ceil(EDGE_SHARE * pages.length));
  const floatNeeded = Math.max(FLOATING_MIN_PAGES, Math.ceil(FLOATING_SHARE * pages.length));
  const matches = (table: Map<string, Set<number>>, key: string, needed: number) =>
    (table.get(key)?.size ?? 0) >= needed;

  const drops = pages.map((lines, p) => {
    const n = lines.length;
    const drop = lines.map((line, i) => {
      const key = keys[p][i];
      return (
        (i < EDGE_LINES && matches(top, key, edgeNeeded)) ||
        (i >= n - EDGE_LINES && matches(bottom, key, edgeNeeded)) ||
        (mayFloat(line.text) && matches(anywhere, key, floatNeeded))
      );
    });
    // Page numbers right at the edge (once running text is gone); further in, see floatingPageNumbers.
    const pageNumberAt = (i: number) => drop[i] || isPageNumber(lines[i].text);
    for (let i = 0; i < Math.min(n, EDGE_LINES) && pageNumberAt(i); i++) drop[i] = true;
    for (let i = n - 1; i >= Math.max(0, n - EDGE_LINES) && pageNumberAt(i); i--) drop[i] = true;
    return drop;
  });
  for (const [p, i] of floatingPageNumbers(pages, drops)) drops[p][i] = true;

  let removed = 0;
  const kept = pages.map((lines, p) => {
    const drop = drops[p];
    const count = drop.filter(Boolean).length;
    removed += count;
    if (count === 0) return lines;
    const rest: TextLine[] = [];
    lines.forEach((line, i) => {
      if (!drop[i]) rest.push(i > 0 && drop[i - 1] ? { ...line, afterRemoved: true } : line);
    });
    return rest;
  });
  return { pages: kept, removed };
}

/**
 * Page numbers away from the edges, as filings converted from text print them ("6" then "7" mid-way down the page
 * where the original pages broke). A lone number there may also be content (a table cell), so only a run that counts
 * up through the document like page numbers do (each the same as or at most two more than the one before, on more
 * than one PDF page) is taken: the longest such run among the lone numbers.
 */
function floatingPageNumbers(pages: TextLine[][], drops: boolean[][]): Array<[number, number]> {
  const found: Array<{ at: [number, number]; value: number; page: number }> = [];
  pages.forEach((lines, p) =>
    lines.forEach((line, i) => {
      if (drops[p][i] || !isPageNumber(line.text)) return;
      const digits = /\d+/.exec(line.text);
      if (digits) found.push({ at: [p, i], value: Number(digits[0]), page: line.page });
    }),
  );
  if (found.length < 3) return [];
  // Longest chain by dynamic programming; a document has at most a few hundred candidates.
  const length = found.map(() => 1);
  const before = found.map(() => -1);
  let end = 0;
  for (let i = 1; i < found.length; i++) {
    for (let j = 0; j < i; j++) {
      const step = found[i].value - found[j].value;
      if (step >= 0 && step <= 2 && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        before[i] = j;
      }
    }
    if (length[i] > length[end]) end = i;
  }
  const chain: typeof found = [];
  for (let i = end; i !== -1; i = before[i]) chain.push(found[i]);
  const values = new Set(chain.map((c) => c.value));
  const onPages = new Set(chain.map((c) => c.page));
  return values.size >= 3 && onPages.size >= 2 ? chain.map((c) => c.at) : [];
}

function tally(table: Map<string, Set<number>>, key: string, line: TextLine): void {
  let pages = table.get(key);
  if (!pages) table.set(key, (pages = new Set()));
  pages.add(line.page);
}

/** Short, with some words, not a clause, not ending like a sentence: "Ashworth/Nantz", "Promotion Agreement". */
function mayFloat(text: string): boolean {
  return (
    text.length <= FLOATING_MAX_LENGTH &&
    /\p{L}.*\p{L}.*\p{L}/u.test(text) &&
    !/[.;:,。；：，]$/.test(text) &&
    clauseStart(text) === undefined
  );
}
