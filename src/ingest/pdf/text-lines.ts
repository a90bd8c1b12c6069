/**
 * Positioned text items → visual lines. pdf.js returns items in content-stream order, which follows the visual order
 * for most generators but not all (tables, headers written last, text drawn twice for fake bold), so lines are rebuilt
 * from geometry: items whose baselines are close belong to one line, read left to right. Where a page sets its text in
 * two columns (general terms on the back of an order form), each column is read down before the next.
 */

import { firstChar, isCjk, lastChar } from './chars.js';
import type { PageText, PlacedText, TextLine } from './page-text.js';

/** Baselines closer than this (in em of the larger font) are one line; superscripts sit ~0.35 em up. */
const SAME_LINE = 0.5;
/** Gaps wider than this (em) are a word space; CJK glyphs are set with no spaces, so justification gaps look bigger. */
const SPACE_GAP = 0.15;
const SPACE_GAP_CJK = 0.3;
/** Gaps wider than this (em) are a deliberate separation (a tab, a column, 第一条　总则) and become two spaces. */
const WIDE_GAP = 2.5;
const WIDE_GAP_CJK = 0.8;

export function buildLines(page: PageText): TextLine[] {
  const rows = clusterRows(page.items);
  const gutter = findGutter(rows, page.width);
  const lines: TextLine[] = [];
  const emit = (items: PlacedText[], y: number, column?: Column) => {
    const line = joinCluster(items, page.page, y);
    if (line) lines.push(column ? { ...line, column } : line);
  };
  if (gutter === undefined) {
    for (const row of rows) emit(row.items, row.y);
    return lines;
  }
  for (const run of runsBetweenCrossings(rows, gutter, page.width)) {
    const column = run.length >= MIN_COLUMN_ROWS ? columnsOf(run, gutter) : undefined;
    if (!column) {
      for (const row of run) emit(row.items, row.y);
      continue;
    }
    for (const row of run) {
      const left = row.items.filter((i) => i.x < gutter);
      if (left.length) emit(left, row.y, column.left);
    }
    for (const row of run) {
      const right = row.items.filter((i) => i.x >= gutter);
      if (right.length) emit(right, row.y, column.right);
    }
  }
  return lines;
}

interface Row {
  items: PlacedText[];
  /** The items that put ink on the page (not pdf.js's space runs): what the column search measures. */
  ink: PlacedText[];
  y: number;
}

/** Left and right ends of some runs of text. */
function spanOf(items: readonly PlacedText[]): [number, number] {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const i of items) [x0, x1] = [Math.min(x0, i.x), Math.max(x1, i.x + i.width)];
  return [x0, x1];
}

const row = (items: PlacedText[], y: number): Row => ({ items, ink: items.filter((i) => i.str.trim() !== ''), y });

/** The left and right edges of a column of text, which paragraph building takes instead of the page's. */
export interface Column {
  left: number;
  right: number;
}

function clusterRows(pageItems: readonly PlacedText[]): Row[] {
  const items = pageItems.slice().sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  let cluster: PlacedText[] = [];
  let baseY = 0;
  let baseSize = 0;
  for (const item of items) {
    if (cluster.length > 0 && Math.abs(item.y - baseY) <= SAME_LINE * Math.max(baseSize, item.size)) {
      cluster.push(item);
      // The biggest glyphs carry the line's baseline; a leading superscript must not set it.
      if (item.size > baseSize && item.str.trim() !== '') {
        baseSize = item.size;
        baseY = item.y;
      }
      continue;
    }
    if (cluster.length > 0) rows.push(row(cluster, baseY));
    cluster = [item];
    baseY = item.y;
    baseSize = item.size;
  }
  if (cluster.length > 0) rows.push(row(cluster, baseY));
  return rows;
}

/** Rows of a two-column stretch needed before it is read as columns. */
const MIN_COLUMN_ROWS = 8;

/**
 * The x of a gutter between two columns: in the middle part of the page, where the most rows have a stretch of text
 * wholly to its left and the most a stretch wholly to its right, with nothing crossing it (the columns' baselines may
 * or may not line up). None on a page set in one column, whose lines cross the middle.
 */
function findGutter(rows: readonly Row[], pageWidth: number): number | undefined {
  const texts = rows.map((r) => r.ink).filter((items) => items.length > 0);
  // Most pages are one column: unless enough rows leave the middle of the page open (a gap there, or text on one
  // side only), there is no gutter to look for.
  const [lo, hi] = [0.3 * pageWidth, 0.7 * pageWidth];
  const open = texts.filter((items) => {
    const [x0, x1] = spanOf(items);
    if (x0 > lo || x1 < hi) return true;
    const sorted = items.slice().sort((a, b) => a.x - b.x);
    return sorted.some((i, k) => k > 0 && i.x - (sorted[k - 1].x + sorted[k - 1].width) >= 0.6 * i.size && i.x > lo && sorted[k - 1].x + sorted[k - 1].width < hi);
  });
  if (open.length < 2 * MIN_COLUMN_ROWS) return undefined;
  // Typewriter text (SEC filings set in Courier) is one column whose justification spaces can line up by chance.
  if (isFixedPitch(texts.flat())) return undefined;
  const wide = 0.2 * pageWidth;
  let bestScore = 0;
  let from = 0;
  let to = 0;
  for (let x = lo; x <= hi; x += 2) {
    let left = 0;
    let right = 0;
    for (const items of open) {
      if (crossesAt(items, x)) continue;
      // (one pass, no arrays: this runs for every row at every candidate x)
      let l0 = Infinity;
      let l1 = -Infinity;
      let r0 = Infinity;
      let r1 = -Infinity;
      for (const i of items) {
        if (i.x < x) [l0, l1] = [Math.min(l0, i.x), Math.max(l1, i.x + i.width)];
        else [r0, r1] = [Math.min(r0, i.x), Math.max(r1, i.x + i.width)];
      }
      if (l1 - l0 >= wide) left++;
      if (r1 - r0 >= wide) right++;
    }
    const score = Math.min(left, right);
    if (score > bestScore) [bestScore, from, to] = [score, x, x];
    else if (score === bestScore && x === to + 2) to = x;
  }
  return bestScore >= MIN_COLUMN_ROWS ? (from + to) / 2 : undefined;
}

/**
 * Whether a row's text runs on across x: a run covers it, or the runs either side of it are closer than a gutter.
 * (Chinese is set on a fixed pitch, so a boundary between runs can fall on the same x in every line of one column.
 * Half an em of slack: a justified line's last CJK punctuation mark is set wider than its glyph.)
 */
function crossesAt(items: readonly PlacedText[], x: number): boolean {
  let leftEnd = -Infinity;
  let rightStart = Infinity;
  let size = 0;
  for (const i of items) {
    if (i.x < x - 0.5 * i.size && i.x + i.width > x + 0.5 * i.size) return true;
    size = Math.max(size, i.size);
    if (i.x + i.width / 2 < x) leftEnd = Math.max(leftEnd, i.x + i.width);
    else rightStart = Math.min(rightStart, i.x);
  }
  return rightStart - leftEnd < 0.6 * size;
}

/** Nearly every run of Latin text advances the same width per character: a fixed-pitch font. */
function isFixedPitch(items: readonly PlacedText[]): boolean {
  const pitches = items.filter((i) => i.str.length >= 8 && /^[\x20-\x7e]+$/.test(i.str)).map((i) => i.width / i.str.length / i.size);
  if (pitches.length < 10) return false;
  const mean = pitches.reduce((a, b) => a + b, 0) / pitches.length;
  return pitches.filter((p) => Math.abs(p - mean) <= 0.02).length >= 0.9 * pitches.length;
}

/**
 * Runs of consecutive rows that no line crosses the gutter in: a full-width paragraph ends a run, and so does a short
 * line centred on the gutter (第二部分  通用条款, "— 第 2 页 —"), though a gap between its words may fall on it.
 */
function runsBetweenCrossings(rows: readonly Row[], gutter: number, pageWidth: number): Row[][] {
  const runs: Row[][] = [];
  let run: Row[] = [];
  for (const r of rows) {
    const crosses = crossesAt(r.ink, gutter);
    const [x0, x1] = spanOf(r.ink);
    const em = Math.max(...r.ink.map((i) => i.size));
    const centred = r.ink.length > 0 && x0 < gutter && x1 > gutter && x1 - x0 < 0.5 * pageWidth && Math.abs((x0 + x1) / 2 - gutter) < 2 * em;
    if (crosses || centred) {
      if (run.length) runs.push(run);
      runs.push([r]);
      run = [];
    } else run.push(r);
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * The two columns of a run, if it holds running text on both sides: lines that mostly fill their column. A table of
 * labels and values (Term | 12 months) has short cells on the left and is read row by row.
 */
function columnsOf(run: readonly Row[], gutter: number): { left: Column; right: Column } | undefined {
  // Each row's inked runs on either side of the gutter, in reading order.
  const partsOf = (pick: (i: PlacedText) => boolean) =>
    run.map((r) => r.ink.filter(pick).sort((a, b) => a.x - b.x)).filter((items) => items.length > 0);
  const [leftParts, rightParts] = [partsOf((i) => i.x < gutter), partsOf((i) => i.x >= gutter)];
  const spans = (parts: PlacedText[][]) => parts.map(spanOf).map(([x0, x1]) => ({ x0, x1 }));
  const [left, right] = [spans(leftParts), spans(rightParts)];
  if (left.length < MIN_COLUMN_ROWS / 2 || right.length < MIN_COLUMN_ROWS / 2) return undefined;
  const frame = (spans: Array<{ x0: number; x1: number }>): Column => ({ left: Math.min(...spans.map((s) => s.x0)), right: Math.max(...spans.map((s) => s.x1)) });
  const [l, r] = [frame(left), frame(right)];
  const filled = (spans: Array<{ x0: number; x1: number }>, col: Column) => {
    const widths = spans.map((s) => s.x1 - col.left).sort((a, b) => a - b);
    return widths[widths.length >> 1] >= 0.6 * (col.right - col.left);
  };
  // A column has a margin: most of its lines start at its left edge (or one indent in). Words of a single column of
  // fixed-pitch text that happen to leave a gap at the same place start anywhere.
  const em = Math.max(...run.flatMap((row) => row.items.map((i) => i.size)));
  const aligned = (spans: Array<{ x0: number; x1: number }>, col: Column) => spans.filter((s) => s.x0 - col.left <= 2.5 * em).length >= 0.7 * spans.length;
  // and a gutter between them wider than a word space: a chunk boundary in one column's line has none
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const gutterWidth = median(right.map((s) => s.x0)) - median(left.map((s) => s.x1));
  // and words on both sides, not a table's figures (94 Camillus | NY 13031 64,700)
  const wordy = (parts: PlacedText[][]) => {
    const text = parts.flat().map((i) => i.str).join('');
    return (text.match(/[\p{L}]/gu)?.length ?? 0) >= 0.6 * text.replace(/\s/g, '').length;
  };
  // and lines of prose, not rows of a table whose cells leave wide gaps inside each side (冯某某  项目总监)
  const prose = (parts: PlacedText[][]) => {
    const tabular = parts.filter((items) => items.some((item, k) => k > 0 && item.x - (items[k - 1].x + items[k - 1].width) > 1.5 * item.size));
    return tabular.length <= 0.2 * parts.length;
  };
  const columns =
    filled(left, l) && filled(right, r) && aligned(left, l) && aligned(right, r) && gutterWidth >= 1.2 * em && wordy(leftParts) && wordy(rightParts) && prose(leftParts) && prose(rightParts);
  return columns ? { left: l, right: r } : undefined;
}

/** 0 = nothing, 1 = a space, 2 = a wide gap (two spaces). */
type Separation = 0 | 1 | 2;

function joinCluster(cluster: PlacedText[], page: number, y: number): TextLine | undefined {
  cluster.sort((a, b) => a.x - b.x);
  let text = '';
  let pending: Separation = 0;
  let prev: PlacedText | undefined;
  let x0 = Infinity;
  let x1 = -Infinity;
  // The line's size and baseline are those of the run covering most characters, so a bold 12 pt "1. SERVICES." at
  // the start of 10 pt text or a footnote mark does not make the line look like a different paragraph.
  const charsBySize = new Map<number, number>();
  let size = 0;
  let sizeChars = 0;
  let baseline = y;
  for (const item of cluster) {
    let str = item.str;
    if (str.trim() === '') {
      // pdf.js's explicit space items: trust them as word separators, the gap decides how wide.
      if (text !== '') pending = Math.max(pending, str.length >= 2 ? 2 : 1) as Separation;
      continue;
    }
    // Fake bold: the same run painted again a fraction of a point to the side.
    const near = 0.2 * item.size;
    if (prev && str === prev.str && Math.abs(item.x - prev.x) < near && Math.abs(item.y - prev.y) < near) continue;
    const lead = str.length - str.trimStart().length;
    if (lead > 0) {
      pending = Math.max(pending, lead >= 2 ? 2 : 1) as Separation;
      str = str.slice(lead);
    }
    if (prev && text !== '') {
      const em = Math.min(item.size, prev.size);
      const gap = item.x - (prev.x + prev.width);
      const cjk = isCjk(lastChar(text)) || isCjk(firstChar(str));
      let geometric: Separation = 0;
      if (gap > (cjk ? WIDE_GAP_CJK : WIDE_GAP) * em) geometric = 2;
      else if (gap > (cjk ? SPACE_GAP_CJK : SPACE_GAP) * em) geometric = 1;
      const sep = Math.max(pending, geometric);
      if (sep > 0) text += sep === 2 ? '  ' : ' ';
    }
    const trail = str.length - str.trimEnd().length;
    pending = trail === 0 ? 0 : trail >= 2 ? 2 : 1;
    text += trail > 0 ? str.slice(0, str.length - trail) : str;
    prev = item;
    x0 = Math.min(x0, item.x);
    x1 = Math.max(x1, item.x + item.width);
    const key = Math.round(item.size * 10) / 10;
    const chars = (charsBySize.get(key) ?? 0) + str.length;
    charsBySize.set(key, chars);
    if (chars > sizeChars) {
      sizeChars = chars;
      if (size !== key) baseline = item.y;
      size = key;
    }
  }
  if (text === '') return undefined;
  return { page, text, x0, x1, y: baseline, size };
}
