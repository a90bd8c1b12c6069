/**
 * Which clause of the new version is which clause of the old one. Clauses are paired by wording, not by number:
 * articles first (by their whole text, so that a moved or retitled article still finds its twin), then the
 * clauses inside each pair of articles, then whatever is left anywhere (a sub-clause moved to another article).
 */
import type { ClauseEntry } from './clause-entries.js';

export interface Alignment {
  /** old entry index → new entry index */
  toNew: Map<number, number>;
  /** new entry index → old entry index */
  toOld: Map<number, number>;
  /** Pairs whose clauses sit under parents that are not each other's pair (moved between articles). */
  crossParent: Set<number>;
}

/** Dice coefficient of character bigrams: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const n = counts.get(g);
    if (n) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** How alike two clauses are, from their wording; the number only breaks ties. */
function score(o: ClauseEntry, n: ClauseEntry): number {
  if (o.fullKey === n.fullKey && o.fullKey) return 1.1;
  const heading = o.headingKey || n.headingKey ? similarity(o.headingKey, n.headingKey) : 0;
  const own = o.key || n.key ? similarity(o.key, n.key) : heading;
  const hasChildren = o.children.length > 0 || n.children.length > 0;
  const base = hasChildren ? 0.7 * similarity(o.fullKey, n.fullKey) + 0.3 * Math.max(own, heading) : o.key || n.key ? 0.85 * own + 0.15 * heading : heading;
  return base + (o.clause.number && o.clause.number === n.clause.number ? 0.02 : 0);
}

/** Pairs the best-scoring clauses first, each clause once, above a threshold. */
function pairUp(olds: ClauseEntry[], news: ClauseEntry[], threshold: number, alignment: Alignment): Array<[ClauseEntry, ClauseEntry]> {
  const candidates: Array<{ o: ClauseEntry; n: ClauseEntry; s: number }> = [];
  for (const o of olds) for (const n of news) {
    const s = score(o, n);
    if (s >= threshold) candidates.push({ o, n, s });
  }
  // Best first; among equals, the pair closest in position (the same article in both versions).
  candidates.sort((a, b) => b.s - a.s || Math.abs(a.o.order - a.n.order) - Math.abs(b.o.order - b.n.order));
  const pairs: Array<[ClauseEntry, ClauseEntry]> = [];
  for (const { o, n } of candidates) {
    if (alignment.toNew.has(o.index) || alignment.toOld.has(n.index)) continue;
    link(alignment, o, n);
    pairs.push([o, n]);
  }
  return pairs;
}

function link(alignment: Alignment, o: ClauseEntry, n: ClauseEntry): void {
  alignment.toNew.set(o.index, n.index);
  alignment.toOld.set(n.index, o.index);
}

/** Pairs each clause still unpaired with the first unpaired clause on the other side that `twin` accepts. */
function pairRemaining(olds: ClauseEntry[], news: ClauseEntry[], alignment: Alignment, twin: (o: ClauseEntry, n: ClauseEntry) => boolean): Array<[ClauseEntry, ClauseEntry]> {
  const pairs: Array<[ClauseEntry, ClauseEntry]> = [];
  for (const o of olds) {
    if (alignment.toNew.has(o.index)) continue;
    const n = news.find((x) => !alignment.toOld.has(x.index) && twin(o, x));
    if (!n) continue;
    link(alignment, o, n);
    pairs.push([o, n]);
  }
  return pairs;
}

/** How much wording a clause rewritten in its own place must keep to count as the same clause. */
const REWRITE_FLOOR = 0.25;

/** A clause this short says too little to be recognised away from its place ("（一）同上。"). */
const MIN_LOOSE_KEY = 12;

export function alignClauses(olds: ClauseEntry[], news: ClauseEntry[]): Alignment {
  const alignment: Alignment = { toNew: new Map(), toOld: new Map(), crossParent: new Set() };
  const descend = (pairs: Array<[ClauseEntry, ClauseEntry]>): void => {
    for (const [o, n] of pairs) {
      if (!o.children.length || !n.children.length) continue;
      const oc = o.children.map((i) => olds[i]);
      const nc = n.children.map((i) => news[i]);
      // A clause rewritten in place (月付 → 70% 预付) keeps its slot in the article: the unpaired clause at the same
      // position on each side is the same clause, reworded, when the two still share some wording.
      const inPlace = (oe: ClauseEntry, ne: ClauseEntry) => ne.order === oe.order && similarity(oe.key, ne.key) >= REWRITE_FLOOR;
      descend([...pairUp(oc, nc, 0.5, alignment), ...pairRemaining(oc, nc, alignment, inPlace)]);
    }
  };
  const oldRoots = olds.filter((e) => e.parent === null);
  const newRoots = news.filter((e) => e.parent === null);
  // An article rewritten under the same heading (第二条 责任 → 第二条 责任, new wording) is still that article.
  const sameHeading = (oe: ClauseEntry, ne: ClauseEntry) => !!oe.headingKey && ne.headingKey === oe.headingKey;
  descend([...pairUp(oldRoots, newRoots, 0.45, alignment), ...pairRemaining(oldRoots, newRoots, alignment, sameHeading)]);
  // Left over anywhere: only a close match of a clause with some substance counts (moved to another article).
  const leftOld = olds.filter((e) => !alignment.toNew.has(e.index) && e.key.length >= MIN_LOOSE_KEY);
  const leftNew = news.filter((e) => !alignment.toOld.has(e.index) && e.key.length >= MIN_LOOSE_KEY);
  for (const [o, n] of pairUp(leftOld, leftNew, 0.75, alignment)) {
    const parentPair = o.parent !== null && n.parent !== null && alignment.toNew.get(o.parent) === n.parent;
    if (!parentPair) alignment.crossParent.add(o.index);
  }
  return alignment;
}

/**
 * The pairs among siblings that are out of order: everything not on the longest run that keeps its relative order
 * (a moved article is the one that left the run, not all the articles it jumped over).
 */
export function outOfOrder(pairs: Array<{ old: number; new: number }>): Set<number> {
  const byOld = [...pairs].sort((a, b) => a.old - b.old);
  const seq = byOld.map((p) => p.new);
  // Longest increasing subsequence, patience style, with back-pointers.
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return new Set(byOld.filter((_, i) => !keep.has(i)).map((p) => p.old));
}
