import type { Block, Language } from '../types.js';

/** zh when CJK ideographs carry the text: one ideograph is worth about one Latin word (≈5 letters). */
export function detectLanguage(blocks: Block[]): Language {
  let cjk = 0;
  let latin = 0;
  for (const b of blocks) {
    for (const ch of b.text) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x3400 && c <= 0x9fff) cjk++;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    }
  }
  return cjk * 5 >= latin ? (cjk > 0 ? 'zh' : 'en') : 'en';
}
