/**
 * Positioned text items → visual lines. pdf.js returns items in content-stream order, which follows the visual order
 * for most generators but not all (tables, headers written last, text drawn twice for fake bold), so lines are rebuilt
 * from geometry: items whose baselines are close belong to one line, read left to right. Two-column layouts come out
 * as lines spanning both columns; contracts are almost always single-column.
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
  const items = page.items.slice().sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextLine[] = [];
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
    const line = cluster.length > 0 ? joinCluster(cluster, page.page, baseY) : undefined;
    if (line) lines.push(line);
    cluster = [item];
    baseY = item.y;
    baseSize = item.size;
  }
  const last = cluster.length > 0 ? joinCluster(cluster, page.page, baseY) : undefined;
  if (last) lines.push(last);
  return lines;
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
