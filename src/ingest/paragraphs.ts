import type { Block } from '../types.js';
import { startsWithClauseNumber } from '../structure/clause-number.js';
import { isSignatureStart } from '../structure/document-parts.js';
import { displayWidth, joinWrappedLines } from './join-lines.js';

export interface SourceLine {
  text: string;
  line: number;
}

/**
 * The width at which a plain-text file was hard-wrapped, or null when its lines are whole paragraphs. A wrapped
 * file has many lines just short of one width; an unwrapped one has lines of every length.
 */
export function wrapWidth(lines: SourceLine[]): number | null {
  const widths = lines.map((l) => displayWidth(l.text.trimEnd())).filter((w) => w > 0).sort((a, b) => a - b);
  if (widths.length < 8) return null;
  const p90 = widths[Math.floor(widths.length * 0.9)];
  if (p90 < 30 || p90 > 130) return null;
  const nearFull = widths.filter((w) => w >= p90 * 0.8 && w <= p90 * 1.05).length;
  return nearFull / widths.length >= 0.35 ? p90 : null;
}

const PARAGRAPH_END = /[。；;：:！!？?]$/;
const LABEL_LINE = /^(?:甲方|乙方|丙方|委托方|受托方|地址|住所|法定代表人|联系人|电话|邮箱|日期|签订日期|Address|Attn|Attention|Email|Phone|Date|Name|Title|By)\s*[:：]/i;

/**
 * Groups the non-blank lines of a text paragraph run into blocks: a clause number or a signature line starts a
 * new block, and a line continues the previous one only where the previous line was wrapped (full width, not
 * ending a sentence).
 */
export function linesToBlocks(run: SourceLine[], width: number | null, kind: Block['kind'] = 'paragraph'): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (!current.length) return;
    const { text, segments } = joinWrappedLines(current);
    const first = current[0];
    const last = current[current.length - 1];
    blocks.push({ text, kind, line: first.line, endLine: last.line, ...(current.length > 1 ? { segments } : {}) });
    current = [];
  };
  for (const l of run) {
    const t = l.text.trim();
    const prev = current[current.length - 1];
    // "…in reliance on paragraph⏎(a) of clause 6.3": a line cannot end a paragraph on these words.
    const unfinished = prev !== undefined && /(?:\b(?:paragraph|clause|section|article|schedule|exhibit|annex|and|or|of|in|under|to|the|a|an)|根据|依据|按照|依照|[第和及或、，,])$/i.test(prev.text.trimEnd());
    const continues =
      unfinished ||
      prev !== undefined &&
      width !== null &&
      displayWidth(prev.text.trimEnd()) >= width * 0.75 &&
      !PARAGRAPH_END.test(prev.text.trimEnd()) &&
      !startsWithClauseNumber(t) &&
      !isSignatureStart(t) &&
      !LABEL_LINE.test(t);
    if (!continues) flush();
    current.push({ text: t, line: l.line });
  }
  flush();
  return blocks;
}
