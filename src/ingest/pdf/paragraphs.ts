/**
 * Visual lines → blocks (paragraphs). A PDF keeps no paragraph marks, so a paragraph is recovered the way a reader
 * sees one. A new block starts at
 *   - a line opening with a clause number or bullet (unless the line before cannot end there:
 *     "…set out in\nSection 2.1");
 *   - a change of font size;
 *   - a vertical gap clearly larger than the document's usual line pitch;
 *   - a centred line (title, heading), alone or after non-centred text;
 *   - a line with a wide gap inside (a table row, "Name:      Title"), and the line after it;
 *   - a line after one that started much further right (a right-aligned "EXHIBIT 10.1", a signature column);
 *   - a line after a short one: ending in sentence punctuation well before the right margin, or leaving room for the
 *     next line's first word (had the paragraph continued, the word would have been set there);
 *   - an indented line after a less indented one (first-line indent), except the hanging indent that follows a number.
 * Short of a gap, a size change, a number, a table row or a centred line, a line continuing an unfinished sentence
 * (the one before ends in "in", "of", "及"…, or it goes on in lowercase) never starts a block. Page breaks are
 * transparent: a paragraph continuing on the next page is joined across it.
 */

import type { Block, BlockKind, Segment } from '../../types.js';
import { firstChar, isCjk, isWordChar, lastChar } from './chars.js';
import { removeCjkSpaces } from './cjk-spacing.js';
import { type ClauseStart, clauseStart, continuesInto, endsMidSentence } from './clause-start.js';
import { keepLineEndHyphen, wordIndex } from './hyphenation.js';
import type { TextLine } from './page-text.js';

export interface NumberedLine extends TextLine {
  /** 1-based line number in the document. */
  line: number;
}

interface Frame {
  left: number;
  right: number;
}

interface LineInfo extends NumberedLine {
  clause: ClauseStart | undefined;
  centered: boolean;
  /** Has a wide gap (two spaces) after any leading number: a table row or a "Label:   value" line. */
  columns: boolean;
  frame: Frame;
}

const SENTENCE_END = /[。；;：:.!?！？]["'”’)）」』]*$/u;

export function buildBlocks(lines: readonly NumberedLine[]): Block[] {
  if (lines.length === 0) return [];
  const frames = pageFrames(lines);
  const pitch = linePitch(lines);
  let words: Set<string> | undefined;
  const wordsOnce = () => (words ??= wordIndex(lines.map((l) => l.text)));

  const infos: LineInfo[] = lines.map((l) => {
    const frame = l.column ?? frames.get(l.page)!;
    const clause = clauseStart(l.text);
    const columns = l.text.indexOf('  ', clause ? clause.length + 2 : 0) !== -1;
    return { ...l, clause, centered: isCentered(l, frame), columns, frame };
  });

  const blocks: Block[] = [];
  let group: LineInfo[] = [];
  for (const line of infos) {
    const prev = group[group.length - 1];
    if (prev && !startsNewBlock(prev, line, pitch, group.length === 1 && group[0].clause !== undefined)) {
      group.push(line);
      continue;
    }
    if (group.length > 0) blocks.push(makeBlock(group, wordsOnce));
    group = [line];
  }
  blocks.push(makeBlock(group, wordsOnce));
  return blocks;
}

/** A party's details line (乙方（品牌方）：佛山…) is a paragraph of its own, however the line before it ends. */
const PARTY_LINE = /^(?:甲方|乙方|丙方|丁方)\s*(?:[（(][^）)]{1,16}[）)])?\s*[:：]/;

function startsNewBlock(p: LineInfo, c: LineInfo, pitch: number, hangingIndentAllowed: boolean): boolean {
  if (c.clause && !continuesInto(p.text, c.clause)) return true;
  if (PARTY_LINE.test(c.text)) return true;
  if (Math.abs(c.size - p.size) > 0.15 * Math.max(c.size, p.size)) return true;
  if (c.page === p.page && !c.afterRemoved) {
    const expected = pitch * p.size;
    if (c.y - p.y > expected + Math.max(0.3 * p.size, 0.25 * expected)) return true;
  }
  // Table rows and label/value lines are not wrapped prose.
  if (p.columns || c.columns) return true;
  // A title wrapped over centred lines stays one block.
  if (p.centered || c.centered) return !(p.centered && c.centered) || SENTENCE_END.test(p.text);
  // A word broken with a hyphen continues, however short the line looks.
  if (/[\p{L}\p{N}][-‐\u00ad]$/u.test(p.text) && isWordChar(firstChar(c.text))) return false;
  // Nor does a paragraph end on "in", "of", "及", or go on in lowercase after an unfinished sentence, whatever the
  // layout suggests (a short last line before a page break, a manual line break, an indented continuation).
  if (endsMidSentence(p.text) || (/^[a-z]/.test(c.text) && !SENTENCE_END.test(p.text))) return false;

  const em = p.size;
  const pIndent = p.x0 - p.frame.left;
  const cIndent = c.x0 - c.frame.left;
  if (pIndent - cIndent > 0.25 * (p.frame.right - p.frame.left)) return true;

  const room = p.frame.right - p.x1;
  if (room > 1.5 * em && SENTENCE_END.test(p.text)) return true;
  if (room > firstWordWidth(c) + em) return true;

  return cIndent > pIndent + 0.8 * em && cIndent > 0.8 * em && !hangingIndentAllowed;
}

function firstWordWidth(line: TextLine): number {
  if (isCjk(firstChar(line.text))) return line.size;
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  return (word.length * (line.x1 - line.x0)) / Math.max(1, line.text.length);
}

function makeBlock(group: LineInfo[], words: () => Set<string>): Block {
  const first = group[0];
  const last = group[group.length - 1];
  let text = first.text;
  const offsets: number[] = [0];
  for (let i = 1; i < group.length; i++) {
    const next = group[i].text;
    const joined = joinLine(text, next, words);
    text = joined.before + joined.separator;
    offsets.push(text.length);
    text += next;
  }
  // Keep the space after a leading number ("1.1 乙方…") so number and text stay apart.
  const respaced = removeCjkSpaces(text, first.clause ? first.clause.length + 1 : 0);

  const block: Block = {
    text: respaced.text,
    kind: blockKind(group, respaced.text),
    line: first.line,
    endLine: last.line,
    page: first.page,
  };
  if (group.length > 1) {
    block.segments = group.map(
      (l, i): Segment => ({ offset: respaced.mapOffset(offsets[i]), line: l.line, page: l.page }),
    );
  }
  return block;
}

function blockKind(group: LineInfo[], text: string): BlockKind {
  if (group[0].clause?.bullet) return 'list-item';
  if (group.length <= 3 && group.every((l) => l.centered) && !/[。；;.!?！？]$/.test(text)) return 'heading';
  return 'paragraph';
}

/** How the text so far and the next line join: no space in CJK text, none after a word-break hyphen. */
function joinLine(before: string, next: string, words: () => Set<string>): { before: string; separator: string } {
  const a = lastChar(before);
  const b = firstChar(next);
  if (a === '\u00ad') return { before: before.slice(0, -1), separator: '' };
  if ((a === '-' || a === '‐') && isWordChar(lastChar(before.slice(0, -1)))) {
    const drop =
      /[A-Za-z]$/.test(before.slice(0, -1)) && /^[a-z]/.test(next) && !keepLineEndHyphen(before, next, words);
    return { before: drop ? before.slice(0, -1) : before, separator: '' };
  }
  // "the Company—\nincluding", "2019–\n2020"
  if ((a === '—' || a === '–') && before.length > 1 && before[before.length - 2] !== ' ') {
    return { before, separator: '' };
  }
  if (isCjk(a) || isCjk(b)) return { before, separator: '' };
  return { before, separator: ' ' };
}

/**
 * Left and right text edges of each page. Left: the leftmost edge that several lines share (a lone outdented line
 * does not move it). Right: the median end of the long lines, which for justified text is the margin and for ragged
 * text where a full line typically ends; a few overlong lines (tables, unwrapped URLs) do not move it. Erring to the
 * left only makes a line look less short, i.e. joins rather than splits. Pages with few lines use the document's.
 */
function pageFrames(lines: readonly NumberedLine[]): Map<number, Frame> {
  const byPage = new Map<number, NumberedLine[]>();
  for (const l of lines) {
    let list = byPage.get(l.page);
    if (!list) byPage.set(l.page, (list = []));
    list.push(l);
  }
  const docFrame = frameOf(lines);
  const frames = new Map<number, Frame>();
  for (const [page, list] of byPage) frames.set(page, list.length >= 6 ? frameOf(list) : docFrame);
  return frames;
}

function frameOf(lines: readonly TextLine[]): Frame {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const x = Math.round(l.x0);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  const enough = Math.max(2, Math.ceil(lines.length * 0.1));
  let left = Infinity;
  let modeX = 0;
  let modeCount = 0;
  for (const [x, n] of counts) {
    if (n >= enough && x < left) left = x;
    if (n > modeCount) [modeX, modeCount] = [x, n];
  }
  if (left === Infinity) left = modeX;
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  const far = ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.95))];
  const long = ends.filter((x) => x - left >= 0.6 * (far - left));
  const right = long[long.length >> 1];
  return { left, right: Math.max(right, left + 1) };
}

/** The usual distance between baselines, in em: the most common one between consecutive same-size lines. */
function linePitch(lines: readonly NumberedLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const p = lines[i - 1];
    const c = lines[i];
    if (c.page !== p.page || Math.abs(c.size - p.size) > 0.5) continue;
    const ratio = (c.y - p.y) / p.size;
    if (ratio < 0.9 || ratio > 3) continue;
    const key = Math.round(ratio * 50) / 50;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 1.2;
  let bestCount = 0;
  for (const [key, n] of counts) if (n > bestCount || (n === bestCount && key < best)) [best, bestCount] = [key, n];
  return best;
}

/**
 * Short, and set apart from both edges by about as much. Long lines are left out: an indented list item can end as far
 * from the margin as it starts. A centred line ending a sentence is rare, while an indented one-line paragraph that
 * happens to be symmetric is not, hence the punctuation.
 */
function isCentered(line: TextLine, frame: Frame): boolean {
  const width = frame.right - frame.left;
  const em = line.size;
  if (line.x1 - line.x0 > 0.75 * width) return false;
  if (line.x0 - frame.left < em || frame.right - line.x1 < em) return false;
  if (/[。；;.!?！？]$/.test(line.text)) return false;
  const offCentre = Math.abs((line.x0 + line.x1) / 2 - (frame.left + frame.right) / 2);
  return offCentre <= Math.max(0.6 * em, 0.02 * width);
}
