import { normalizePattern } from './normalize.js';
import { requiredLiterals } from './required-literals.js';

export class PatternError extends Error {}

/** A repetition with no upper bound, or one of a hundred or more ({2,}, {0,100}); read where it stands. */
const OPEN_RANGE = /\{\d+,\d*\}/y;
const SMALL_RANGE = /\{\d+,\d{1,2}\}/y;

/**
 * Quantifiers nested inside a quantified group ((a+)+, (\w*)*, (x\s?y+)* …) can backtrack for ever on a long
 * clause. Rules come from other people's packs, so such a pattern is refused when the rule is loaded rather than
 * discovered when a run hangs.
 */
export function hasNestedQuantifier(source: string): boolean {
  /** For each open group: whether it contains an unbounded quantifier. */
  const groups: boolean[] = [];
  // (sticky expressions read the quantifier where it stands: slicing the source at every brace made loading the
  // pack's few hundred patterns quadratic in their length)
  const unboundedAt = (k: number) => {
    const ch = source[k];
    if (ch === '*' || ch === '+') return true;
    if (ch !== '{') return false;
    OPEN_RANGE.lastIndex = k;
    SMALL_RANGE.lastIndex = k;
    return OPEN_RANGE.test(source) && !SMALL_RANGE.test(source);
  };
  const markInner = () => {
    if (groups.length) groups[groups.length - 1] = true;
  };
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      if (!inClass && unboundedAt(i + 1)) markInner();
      continue;
    }
    if (inClass) {
      if (ch === ']') {
        inClass = false;
        if (unboundedAt(i + 1)) markInner();
      }
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') groups.push(false);
    else if (ch === ')') {
      const innerUnbounded = groups.pop() ?? false;
      if (unboundedAt(i + 1)) {
        if (innerUnbounded) return true;
        markInner();
      } else if (innerUnbounded) markInner();
    } else if (unboundedAt(i + 1) && ch !== '|' && ch !== '(') markInner();
  }
  return false;
}

/**
 * The longest run an unbounded repetition may match. Rule patterns describe words and phrases inside one clause,
 * and a bound keeps every pattern linear in the text: `\w+ \(` tried at each letter of a 4 MB paragraph with no
 * spaces is quadratic without one.
 */
export const MAX_REPEAT = 100;

/** Rewrites `*`, `+` and `{n,}` outside character classes as `{0,MAX_REPEAT}`, `{1,MAX_REPEAT}`, `{n,MAX_REPEAT}`. */
export function boundRepetitions(source: string): string {
  // One pass over tokens: an escape and a character class are kept whole, so a * or { inside them stays literal.
  return source.replace(REPETITION_TOKENS, (token: string, atLeast?: string) => {
    if (token === '*') return `{0,${MAX_REPEAT}}`;
    if (token === '+') return `{1,${MAX_REPEAT}}`;
    if (atLeast !== undefined) return `{${atLeast},${Math.max(MAX_REPEAT, Number(atLeast))}}`;
    return token;
  });
}

const REPETITION_TOKENS = /\\[\s\S]?|\[(?:\\[\s\S]?|[^\]\\])*\]?|[*+]|\{(\d+),\}/g;

/** Lower-cases a pattern outside its escapes: \S and \W keep their meaning, \p{Lu} its property name. */
export function lowerCaseLiterals(source: string): string {
  return source.replace(/\\[pP]\{[^}]*\}|\\[\s\S]|[^\\]+/g, (m) => (m[0] === '\\' ? m : m.toLowerCase()));
}

const cache = new Map<string, RegExp>();

/** Compiles a rule pattern once per run: case-insensitive, Unicode, folded like the text it will match. */
export function compilePattern(source: string): RegExp {
  const hit = cache.get(source);
  if (hit) return hit;
  // A bundled pattern was checked and prepared when the bundle was built.
  let prepared = checkedPatterns.get(source);
  if (prepared === undefined) {
    if (source.length > 2000) throw new PatternError('pattern is longer than 2000 characters');
    if (hasNestedQuantifier(source)) {
      throw new PatternError('nested quantifiers such as (a+)+ can take exponential time; rewrite the pattern without them');
    }
    prepared = preparePattern(source);
  }
  let re: RegExp;
  try {
    // The text is lower-cased already, so the pattern is lower-cased instead of matched case-insensitively; and
    // Unicode mode only where the pattern needs it (\p{Han}, \u{20000}). Both halve the time V8 takes to compile
    // the pack's few hundred patterns, which is most of a short lint's start-up.
    re = new RegExp(prepared, /\\[pP]\{|\\u\{/.test(prepared) ? 'gu' : 'g');
  } catch (e) {
    throw new PatternError(`invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  cache.set(source, re);
  return re;
}

/** A pattern as it is compiled: folded like the text, repetitions bounded, lower case. */
export function preparePattern(source: string): string {
  return lowerCaseLiterals(boundRepetitions(normalizePattern(source)));
}

/** A party placeholder ({client}, {provider}): see withRoles() in conditions.ts. */
export const ROLE_PLACEHOLDERS = /\{(?:client|provider)\}/g;

/** Whether a pattern names a party, and so is compiled only once a contract's party words are known. */
export const hasRoles = (source: string): boolean => source.search(ROLE_PLACEHOLDERS) >= 0;

const literalCache = new Map<string, string[] | null>();

/**
 * Strings one of which is in every text that the rule pattern `source` matches (see required-literals.ts), or null.
 * A party placeholder ({client}) stands for words not known until a contract is read: any text.
 */
export function patternLiterals(source: string): string[] | null {
  let list = literalCache.get(source);
  if (list === undefined) literalCache.set(source, (list = requiredLiterals(preparePattern(source.replace(ROLE_PLACEHOLDERS, '.')))));
  return list;
}

/**
 * What a rule bundle records of each pattern at build time, so that a run does not work it out again at every
 * start-up: the strings it requires, and the prepared form of a pattern that is compiled as written (one with a
 * party placeholder is compiled only once a contract names its parties). A prepared form is left out where it is
 * the pattern itself.
 */
export type PatternFacts = [literals: string[] | null, prepared?: string];

export function patternFacts(source: string): PatternFacts {
  const literals = patternLiterals(source);
  if (hasRoles(source)) return [literals];
  compilePattern(source);
  const prepared = preparePattern(source);
  return prepared === source ? [literals] : [literals, prepared];
}

/** Patterns checked and prepared by the build, with their prepared form. */
const checkedPatterns = new Map<string, string>();

export function seedPatternFacts(known: Record<string, PatternFacts>): void {
  for (const [source, [literals, prepared]] of Object.entries(known)) {
    if (!literalCache.has(source)) literalCache.set(source, literals);
    if (!hasRoles(source)) checkedPatterns.set(source, prepared ?? source);
  }
}

/** First match of `re` in `text` between `from` and `to`, as [start, end]. */
export function search(re: RegExp, text: string, from = 0, to = text.length): [number, number] | null {
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= to) return null;
  // A zero-length match (an empty alternative) says nothing: treat it as no match.
  if (m[0].length === 0) return null;
  return [m.index, Math.min(m.index + m[0].length, to)];
}

export function* searchAll(re: RegExp, text: string, from = 0, to = text.length): Generator<[number, number]> {
  let pos = from;
  while (pos < to) {
    const r = search(re, text, pos, to);
    if (!r) return;
    yield r;
    pos = r[1] > r[0] ? r[1] : r[0] + 1;
  }
}
