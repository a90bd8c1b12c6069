/**
 * Chinese is written without spaces, but PDF text is full of them: pdf.js reports a space wherever glyphs are set
 * apart (justification, a font switch between CJK and Latin runs) and authors type "不少于 10 款". Rules match Chinese
 * text without spaces, so a single space with CJK on one side and a letter, digit, CJK character, bracket or quote on
 * the other is removed from block text. Two or more spaces mark a deliberate gap (a tab, 第一条　总则, signature
 * columns) and stay.
 */

import { isCjk, isWordChar } from './chars.js';
import { lowerBound } from '../../util/lower-bound.js';

export interface Respaced {
  text: string;
  /** Maps an offset in the original text to the offset of the same character in `text`. */
  mapOffset(offset: number): number;
}

const JOINABLE_PUNCT = new Set([...'()[]{}%"\'“”‘’«»']);

function joinable(ch: string | undefined): boolean {
  return ch !== undefined && (isCjk(ch) || isWordChar(ch) || JOINABLE_PUNCT.has(ch));
}

/**
 * @param keepUntil spaces before this offset are kept (the space after a leading clause number: "1.1 乙方" stays
 *   readable as number + text).
 */
export function removeCjkSpaces(text: string, keepUntil = 0): Respaced {
  const removed: number[] = [];
  let out = '';
  let from = 0;
  for (let i = text.indexOf(' ', keepUntil); i !== -1; i = text.indexOf(' ', i + 1)) {
    if (i === 0 || text[i - 1] === ' ' || text[i + 1] === ' ') continue;
    const before = charBefore(text, i);
    const after = String.fromCodePoint(text.codePointAt(i + 1) ?? 32);
    if ((isCjk(before) && joinable(after)) || (isCjk(after) && joinable(before))) {
      out += text.slice(from, i);
      from = i + 1;
      removed.push(i);
    }
  }
  if (removed.length === 0) return { text, mapOffset: (o) => o };
  out += text.slice(from);
  return {
    text: out,
    mapOffset(offset) {
      // Less the number of removed positions before `offset` (segments are few but blocks can be long).
      return offset - lowerBound(removed, offset);
    },
  };
}

function charBefore(text: string, i: number): string | undefined {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}
