import { toSimplified } from '../util/traditional-chinese.js';

/**
 * The text that rules match: full-width forms folded to half-width, curly quotes straightened, Traditional Chinese
 * read as Simplified, runs of white space made one space, the spaces PDF extraction puts between CJK and Latin or
 * digits removed, lower case. `map[i]` is the offset in the original of normalised character i, so findings point at
 * the original text.
 */
export interface NormalizedText {
  text: string;
  /** A typed array: a clause of megabytes must not cost a boxed number per character. */
  map: Uint32Array;
}

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"',
  '\u300c': '"', '\u300d': '"', '\u300e': '"', '\u300f': '"',
};

/** Spaces of other widths: the ideographic space, no-break, en, em, thin and narrow no-break spaces. */
const SPACES = '\u3000\u00a0\u2002\u2003\u2009\u202f';

function fold(ch: string): string {
  const c = ch.charCodeAt(0);
  // Full-width ASCII (！ to ～) to ASCII; but keep Chinese punctuation that carries meaning (，。；：) as it is,
  // except the full-width forms of ASCII, which are the same character in a different width.
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (SPACES.includes(ch)) return ' ';
  return QUOTES[ch] ?? ch;
}

const isCjk = (code: number) => (code >= 0x3000 && code <= 0x303f) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef);

export function normalize(text: string): NormalizedText {
  // Same length as the text, so offsets into it are offsets into the original.
  const original = toSimplified(text);
  // First pass: fold, collapse white space, lower-case. The result is never longer than the original in UTF-16
  // units (lower-casing that would change length is skipped), so the offsets fit a buffer of that size.
  const units = new Uint16Array(original.length);
  const from = new Uint32Array(original.length);
  let n = 0;
  // Appends one code unit taken from offset `at`; a space after a space (or at the start) is dropped.
  const push = (code: number, at: number) => {
    if (code === 0x20 && (n === 0 || units[n - 1] === 0x20)) return;
    units[n] = code;
    from[n++] = at;
  };
  let i = 0;
  while (i < original.length) {
    const c = original.charCodeAt(i);
    // Fast path: ASCII and CJK ideographs, most of every contract, need no string per character.
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) {
      push(c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 0x20 : c >= 0x41 && c <= 0x5a ? c + 0x20 : c, i);
      i++;
      continue;
    }
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    const folded = fold(ch);
    const f = /\s/.test(folded) ? ' ' : folded;
    const lower = f.toLowerCase();
    // Lower-casing never changes length for the scripts contracts use; guard anyway so the map stays aligned.
    const piece = lower.length === f.length ? lower : f;
    for (let k = 0; k < piece.length; k++) push(piece.charCodeAt(k), i);
    i += ch.length;
  }
  // Second pass: drop a space next to a CJK character (pdf.js puts them there) and trailing spaces.
  let end = n;
  while (end > 0 && units[end - 1] === 0x20) end--;
  const map = new Uint32Array(end);
  const kept = new Uint16Array(end);
  let m = 0;
  for (let k = 0; k < end; k++) {
    if (units[k] === 0x20 && k > 0 && k < end - 1 && (isCjk(units[k - 1]) || isCjk(units[k + 1]))) continue;
    kept[m] = units[k];
    map[m++] = from[k];
  }
  return { text: decodeUnits(kept.subarray(0, m)), map: map.slice(0, m) };
}

/** UTF-16 code units to a string, in chunks small enough for String.fromCharCode's argument limit. */
function decodeUnits(units: Uint16Array): string {
  // Node's UTF-16 decoding reads the array as it is (String.fromCharCode(...units) spread it into arguments, ~100
  // times slower on a long clause) and keeps a lone surrogate, where TextDecoder would make it U+FFFD.
  return Buffer.from(units.buffer, units.byteOffset, units.length * 2).toString('utf16le');
}

/** The original offset range of a normalised match. */
export function originalRange(n: NormalizedText, start: number, end: number): [number, number] {
  if (n.map.length === 0) return [0, 0];
  const s = n.map[Math.min(start, n.map.length - 1)];
  const e = end > 0 ? n.map[Math.min(end - 1, n.map.length - 1)] + 1 : s;
  return [s, Math.max(s, e)];
}

/**
 * A pattern as written in a rule, folded like the text so that width, quotes and script do not matter. Full-width
 * characters that are regular-expression syntax once folded (（ ） ［ ］ ｛ ｝ ． ＊ ＋ ？ ｜ ＾ ＄ ＼) stay literal.
 */
export function normalizePattern(source: string): string {
  // Only these characters fold (see fold()); a pattern is mostly ASCII and CJK, which pass through untouched.
  const folded = source.replace(FOLDS_IN_PATTERN, (ch) => {
    const f = fold(ch);
    return f.length === 1 && '()[]{}.*+?|^$\\'.includes(f) && ch.charCodeAt(0) >= 0xff01 ? '\\' + f : f;
  });
  return toSimplified(folded);
}

const FOLDS_IN_PATTERN = new RegExp(`[\\uff01-\\uff5e${SPACES}${Object.keys(QUOTES).join('')}]`, 'g');

/** A clause number as references to it are read: folded like rule text, without spaces or a trailing dot (3.2. → 3.2, 第九條 → 第九条). */
export function bareClauseNumber(number: string): string {
  // (asked for every clause of a contract by each rule that follows cross-references: the few distinct numbers of
  // a run are worked out once)
  let bare = bareNumbers.get(number);
  if (bare === undefined) {
    bare = normalize(number).text.replace(/\s+/g, '').replace(/[.、．]$/, '');
    if (bareNumbers.size < 10_000) bareNumbers.set(number, bare);
  }
  return bare;
}

const bareNumbers = new Map<string, string>();
