/**
 * What a regular expression cannot match without: a list of strings, one of which is in every text it matches.
 *
 * A contract is checked by some five hundred patterns, and most of them can never match it: an English contract holds
 * none of the Chinese patterns' words, nor most of the English ones'. Looking for a pattern's words in the document
 * once is far cheaper than having V8 compile the pattern and run it over every clause (bench: cold start).
 *
 * The analysis only ever says less than it could, never more: whatever it does not understand (a class of
 * characters, a back-reference, a repetition that may match nothing) stands for "any text", which requires nothing.
 * So `null` (nothing is required) is always a safe answer, and a list it returns is a true necessary condition.
 */

/** Either the exact strings a part matches, or strings one of which it must contain (`null`: nothing known). */
type Info = { exact: string[] } | { contains: string[] | null };

const ANY: Info = { contains: null };
const EMPTY: Info = { exact: [''] };
/** More alternatives than this and an exact set is kept only as what a match contains. */
const MAX_EXACT = 64;

class Unsupported extends Error {}

const containsOf = (info: Info): string[] | null => {
  if ('contains' in info) return info.contains;
  return info.exact.includes('') ? null : info.exact;
};

/** Of two necessary conditions on one text, the one that rules out more: longer strings are rarer. */
function stronger(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (l: string[]) => Math.min(...l.map((s) => s.length));
  return shortest(b) > shortest(a) || (shortest(b) === shortest(a) && b.length < a.length) ? b : a;
}

function concat(a: Info, b: Info): Info {
  if ('exact' in a && 'exact' in b && a.exact.length * b.exact.length <= MAX_EXACT) {
    const out = new Set<string>();
    for (const x of a.exact) for (const y of b.exact) out.add(x + y);
    return { exact: [...out] };
  }
  return { contains: stronger(containsOf(a), containsOf(b)) };
}

function alternation(options: Info[]): Info {
  if (options.every((o) => 'exact' in o)) {
    const out = new Set(options.flatMap((o) => (o as { exact: string[] }).exact));
    if (out.size <= MAX_EXACT) return { exact: [...out] };
  }
  const all: string[] = [];
  for (const o of options) {
    const c = containsOf(o);
    if (!c) return ANY;
    all.push(...c);
  }
  return { contains: all };
}

function repeat(atom: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return atom;
  if (min === 0) return max === 1 && 'exact' in atom ? { exact: [...new Set(['', ...atom.exact])] } : ANY;
  return { contains: containsOf(atom) };
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

class Parser {
  i = 0;
  constructor(private readonly src: string) {}

  private peek(): string {
    return this.src[this.i];
  }

  alternation(): Info {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : alternation(options);
  }

  /**
   * A run of items. The exact strings of its latest stretch of fixed text are kept apart from what the items before
   * require, so that "terminat\w* for convenience" requires " for convenience", not only its first letter.
   */
  private sequence(): Info {
    let before: string[] | null = null;
    let exactSoFar = true;
    let run: Info = EMPTY;
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      const item = repeat(atom, min, max);
      const joined = concat(run, item);
      if ('exact' in joined) {
        run = joined;
        continue;
      }
      exactSoFar = false;
      before = stronger(stronger(before, containsOf(run)), containsOf(item));
      run = EMPTY;
    }
    return exactSoFar ? run : { contains: stronger(before, containsOf(run)) };
  }

  /** The repetition after an atom, as [min, max]; [1, 1] when there is none. */
  private quantifier(): [number, number] {
    const ch = this.peek();
    let q: [number, number] | null = null;
    if (ch === '*') q = [0, Infinity];
    else if (ch === '+') q = [1, Infinity];
    else if (ch === '?') q = [0, 1];
    if (q) this.i++;
    else if (ch === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24));
      // A brace that is not a repetition is a literal brace, read as the next atom.
      if (!m) return [1, 1];
      this.i += m[0].length;
      const min = Number(m[1]);
      q = [min, m[2] ? (m[3] ? Number(m[3]) : Infinity) : min];
    } else return [1, 1];
    if (this.peek() === '?') this.i++;
    return q;
  }

  private atom(): Info {
    const ch = this.src[this.i++];
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '.':
        return ANY;
      case '^':
      case '$':
        return EMPTY;
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new Unsupported();
      default:
        return { exact: [ch] };
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
      lookaround = true;
      this.i += this.src[this.i + 1] === '<' ? 3 : 2;
    } else if (this.src.startsWith('?<', this.i)) {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unsupported();
      this.i = end + 1;
    } else if (this.peek() === '?') throw new Unsupported();
    const inner = this.alternation();
    if (this.src[this.i++] !== ')') throw new Unsupported();
    // A look-around matches no text of its own.
    return lookaround ? EMPTY : inner;
  }

  /** A short list of plain characters ([甲乙]) is read as alternatives; any other class as any character. */
  private characterClass(): Info {
    const chars = new Set<string>();
    let plain = this.peek() !== '^';
    while (this.i < this.src.length && this.peek() !== ']') {
      let ch = this.src[this.i++];
      if (ch === '\\') {
        ch = this.src[this.i++] ?? '';
        if (/[\w]/.test(ch)) plain = false;
      } else if (ch === '-' && chars.size > 0 && this.peek() !== ']') plain = false;
      if (ch && isSurrogate(ch.charCodeAt(0))) plain = false;
      chars.add(ch);
    }
    if (this.src[this.i++] !== ']') throw new Unsupported();
    return plain && chars.size > 0 && chars.size <= 8 ? { exact: [...chars] } : ANY;
  }

  private escape(): Info {
    const ch = this.src[this.i++];
    if (ch === undefined) throw new Unsupported();
    if (ch === 'b' || ch === 'B') return EMPTY;
    if (ch === 'k' && this.peek() === '<') {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unsupported();
      this.i = end + 1;
      return ANY;
    }
    if ((ch === 'p' || ch === 'P') && this.peek() === '{') {
      const end = this.src.indexOf('}', this.i);
      if (end < 0) throw new Unsupported();
      this.i = end + 1;
      return ANY;
    }
    if (ch === 'c') {
      this.i++;
      return ANY;
    }
    // A code point or a back-reference is read whole, so that its digits are not taken for text.
    const whole = ch === 'u' ? /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/ : ch === 'x' ? /^[0-9a-fA-F]{2}/ : /[0-9]/.test(ch) ? /^[0-9]*/ : null;
    if (whole) this.i += whole.exec(this.src.slice(this.i, this.i + 12))?.[0].length ?? 0;
    // Letters and digits are classes, back-references and code points (\d, \1, \u4e00): any text.
    // Other characters stand for themselves (\. \( \/).
    return /[0-9A-Za-z_]/.test(ch) ? ANY : { exact: [ch] };
  }
}

/** Drops a string that holds another of the list: the shorter one is in every text the longer one is. */
function simplify(list: string[]): string[] {
  const unique = [...new Set(list)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of unique) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/**
 * Strings one of which every match of `source` contains, or null when nothing is known. `source` is a pattern as
 * compiled (no `i` flag: the text and the pattern are both lower case already).
 */
export function requiredLiterals(source: string): string[] | null {
  // In Unicode mode a character outside the BMP is one atom (𠀀? may match nothing), here it would be two.
  if (/[\ud800-\udfff]/.test(source)) return null;
  const parser = new Parser(source);
  try {
    const info = parser.alternation();
    if (parser.i !== source.length) return null;
    const list = containsOf(info);
    return list && list.length > 0 && !list.includes('') ? simplify(list) : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** Bits of the n-gram table: large enough that a contract of a few hundred kilobytes leaves most of them clear. */
const TABLE_BITS = 20;

/** Where an n-gram (one to three UTF-16 units) falls in the table; the seeds keep the three lengths apart. */
function gramSlot(a: number, b: number, c: number, n: number): number {
  return (Math.imul(a ^ n, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d)) >>> (32 - TABLE_BITS);
}

/**
 * All the text of one document that patterns are matched against, to rule out the patterns that cannot match it.
 * It keeps a table of the document's n-grams rather than the text: looking for a pattern's strings in the text
 * itself (String#includes, a few thousand of them) cost more than running the patterns, which V8 does fast. A string
 * whose trigrams are not all in the document is not in it; one whose trigrams are may still not be, and its pattern
 * simply runs.
 */
export class DocumentText {
  private readonly seen = new Uint32Array(1 << (TABLE_BITS - 5));
  private readonly verdicts = new Map<string[], boolean>();

  add(text: string): void {
    const seen = this.seen;
    let a = 0;
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let slot = gramSlot(c, 0, 0, 1);
      seen[slot >>> 5] |= 1 << (slot & 31);
      if (i >= 1) {
        slot = gramSlot(b, c, 0, 2);
        seen[slot >>> 5] |= 1 << (slot & 31);
      }
      if (i >= 2) {
        slot = gramSlot(a, b, c, 3);
        seen[slot >>> 5] |= 1 << (slot & 31);
      }
      a = b;
      b = c;
    }
    this.verdicts.clear();
  }

  private has(slot: number): boolean {
    return (this.seen[slot >>> 5] & (1 << (slot & 31))) !== 0;
  }

  /** Whether `literal` may occur in the document: false only when one of its n-grams does not. */
  private mayHold(literal: string): boolean {
    const n = literal.length;
    if (n === 1) return this.has(gramSlot(literal.charCodeAt(0), 0, 0, 1));
    if (n === 2) return this.has(gramSlot(literal.charCodeAt(0), literal.charCodeAt(1), 0, 2));
    for (let i = 2; i < n; i++) {
      if (!this.has(gramSlot(literal.charCodeAt(i - 2), literal.charCodeAt(i - 1), literal.charCodeAt(i), 3))) return false;
    }
    return true;
  }

  /** False when the document holds none of `literals` (a pattern's required strings); true when it may match. */
  mayContain(literals: string[] | null): boolean {
    if (!literals) return true;
    let verdict = this.verdicts.get(literals);
    if (verdict === undefined) {
      verdict = literals.some((l) => this.mayHold(l));
      this.verdicts.set(literals, verdict);
    }
    return verdict;
  }
}
