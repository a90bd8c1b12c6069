/**
 * A Latin word broken across lines with a hyphen: was the hyphen added by the line break (manage-\nment →
 * management) or is it part of the word (third-\nparty → third-party)? The PDF does not say. The rule, in order:
 *   1. the document itself decides when it spells the word elsewhere: "management" on another line → drop;
 *      "third-party" inside a line elsewhere → keep;
 *   2. a known compound head (non-, self-, third-, then- …) or tail (-party, -based, -owned …) → keep;
 *   3. otherwise drop (line-break hyphenation is far more common in justified text than a compound falling there).
 * Only lowercase continuations are candidates: "Non-\nCompete", "COVID-\n19" and "XH-2024-\n018" keep their hyphen.
 */

const COMPOUND_HEADS = new Set(
  (
    'non self third first second ex vice quasi semi anti multi cross well long short full part half all co ' +
    'one two three four five six seven eight nine ten twelve twenty thirty forty fifty sixty seventy eighty ninety ' +
    'high low then so on off pre post sub'
  ).split(' '),
);

const COMPOUND_TAILS = new Set(
  (
    'party parties based related owned term wide free specific exclusive compete competition solicit solicitation ' +
    'length level scale going making up out off down over back in on to year years month months day days week ' +
    'weeks time house line like fold hand mentioned described referenced defined stated class quality effective ' +
    'current approved signed paid binding appealable assessable refundable transferable'
  ).split(' '),
);

/** Lowercase words and hyphenated compounds of the document, for rule 1. */
export function wordIndex(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const m of line.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
      const w = m[0].toLowerCase();
      words.add(w);
      // Each part of a compound is a word of its own: "then-current" also spells "current".
      if (w.includes('-')) for (const part of w.split('-')) words.add(part);
    }
  }
  return words;
}

/**
 * Whether to keep the hyphen ending `before` when the next line starts with `after`; undefined when this is not a
 * word broken at a hyphen at all (then the hyphen stays and the caller joins without a space).
 */
export function keepLineEndHyphen(before: string, after: string, words: () => Set<string>): boolean {
  const head = /([A-Za-z]+)-$/.exec(before)?.[1];
  const tail = /^[a-z]+/.exec(after)?.[0];
  if (!head || !tail) return true;
  const h = head.toLowerCase();
  const index = words();
  if (index.has(h + tail)) return false;
  if (index.has(`${h}-${tail}`)) return true;
  return COMPOUND_HEADS.has(h) || COMPOUND_TAILS.has(tail);
}
