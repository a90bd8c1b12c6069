/**
 * The text that rules match: full-width forms folded to half-width, curly quotes straightened, runs of white space
 * made one space, the spaces PDF extraction puts between CJK and Latin or digits removed, lower case. `map[i]` is
 * the offset in the original of normalised character i, so findings point at the original text.
 */
export interface NormalizedText {
  text: string;
  map: number[];
}

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"',
  '\u300c': '"', '\u300d': '"', '\u300e': '"', '\u300f': '"',
};
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function fold(ch: string): string {
  const c = ch.charCodeAt(0);
  // Full-width ASCII (！ to ～) to ASCII; but keep Chinese punctuation that carries meaning (，。；：) as it is,
  // except the full-width forms of ASCII, which are the same character in a different width.
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) return ' ';
  return QUOTES[ch] ?? ch;
}

export function normalize(original: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    let f = fold(ch);
    if (/\s/.test(f)) f = ' ';
    if (f === ' ') {
      if (out.length === 0 || out[out.length - 1] === ' ') {
        i += ch.length;
        continue;
      }
    }
    const lower = f.toLowerCase();
    // Lower-casing never changes length for the scripts contracts use; guard anyway so the map stays aligned.
    const piece = lower.length === f.length ? lower : f;
    for (let k = 0; k < piece.length; k++) {
      out.push(piece[k]);
      map.push(i);
    }
    i += ch.length;
  }
  // Remove a space between a CJK character and anything (and between anything and CJK): pdf.js puts them there.
  const text: string[] = [];
  const finalMap: number[] = [];
  for (let k = 0; k < out.length; k++) {
    if (out[k] === ' ' && k > 0 && k < out.length - 1 && (CJK.test(out[k - 1]) || CJK.test(out[k + 1]))) continue;
    text.push(out[k]);
    finalMap.push(map[k]);
  }
  while (text.length && text[text.length - 1] === ' ') {
    text.pop();
    finalMap.pop();
  }
  return { text: text.join(''), map: finalMap };
}

/** The original offset range of a normalised match. */
export function originalRange(n: NormalizedText, start: number, end: number): [number, number] {
  if (n.map.length === 0) return [0, 0];
  const s = n.map[Math.min(start, n.map.length - 1)];
  const e = end > 0 ? n.map[Math.min(end - 1, n.map.length - 1)] + 1 : s;
  return [s, Math.max(s, e)];
}

/**
 * A pattern as written in a rule, folded like the text so that width and quotes do not matter. Full-width
 * characters that are regular-expression syntax once folded (（ ） ［ ］ ｛ ｝ ． ＊ ＋ ？ ｜ ＾ ＄ ＼) stay literal.
 */
export function normalizePattern(source: string): string {
  let out = '';
  for (const ch of source) {
    const folded = fold(ch);
    if (folded !== ch && folded.length === 1 && '()[]{}.*+?|^$\\'.includes(folded) && ch.charCodeAt(0) >= 0xff01) out += '\\' + folded;
    else out += folded;
  }
  return out;
}
