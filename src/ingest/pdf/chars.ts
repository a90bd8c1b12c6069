/** Character classes the layout and joining rules need. */

/**
 * CJK ideographs, kana, hangul, CJK symbols and punctuation (、。《》「」) and full-width forms (，：（）１２).
 * These are written without spaces between them and between them and Latin text.
 */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x2e80 && c <= 0x2fdf) || // radicals
    (c >= 0x3000 && c <= 0x33ff) || // CJK punctuation, kana, bopomofo, hangul jamo, enclosed/compat
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x4e00 && c <= 0x9fff) || // unified ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // vertical/compatibility forms
    (c >= 0xff00 && c <= 0xffef) || // full-width and half-width forms
    (c >= 0x20000 && c <= 0x3134f) // extensions B–G
  );
}

export function firstChar(s: string): string | undefined {
  const c = s.codePointAt(0);
  return c === undefined ? undefined : String.fromCodePoint(c);
}

export function lastChar(s: string): string | undefined {
  if (s === '') return undefined;
  const c = s.charCodeAt(s.length - 1);
  // A trailing low surrogate belongs to a pair.
  return c >= 0xdc00 && c <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1);
}

/** Letters and digits of any script, for deciding whether a space separates words. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
