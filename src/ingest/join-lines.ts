import type { Segment } from '../types.js';

const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Joins the lines a paragraph was wrapped into: no space between CJK characters, a space between Latin words,
 * a hyphen at the end of a line dropped when the next line goes on in lower case (manage-⏎ment).
 * Returns the text and, for each line, the offset where it starts.
 */
export function joinWrappedLines(lines: Array<{ text: string; line: number; page?: number }>): {
  text: string;
  segments: Segment[];
} {
  let text = '';
  const segments: Segment[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (text) {
      if (/[A-Za-z]-$/.test(text) && /^[a-z]/.test(t) && !/\b(?:non|self|third|co|pre|re|anti|multi|cross)-$/i.test(text)) {
        text = text.slice(0, -1);
      } else if (!(CJK_END.test(text) && CJK_START.test(t)) && !/[\s/]$/.test(text)) {
        text += ' ';
      }
    }
    segments.push(l.page ? { offset: text.length, line: l.line, page: l.page } : { offset: text.length, line: l.line });
    text += t;
  }
  return { text, segments };
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
