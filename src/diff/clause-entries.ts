/**
 * The clauses of a document as a flat list the aligner can compare: each with its own text and its whole text
 * (descendants included), reduced to what a reader would call the wording. Clause numbers, numbering style, white
 * space, width and case do not count, and neither do the numbers inside cross-references ("第五条", "clause
 * 9.2"), which change whenever the contract is renumbered.
 */
import { normalize } from '../rules/normalize.js';
import type { Clause, ContractDocument } from '../types.js';

export interface ClauseEntry {
  index: number;
  clause: Clause;
  parent: number | null;
  depth: number;
  /** Position among its siblings. */
  order: number;
  /** Numbers of the enclosing clauses and its own (第三条 › （二）). */
  path: string[];
  heading: string;
  /** Own text without the number and heading, as a reader sees it (for change excerpts). */
  body: string;
  /** `body` reduced for comparison. */
  key: string;
  /** `heading` reduced for comparison. */
  headingKey: string;
  /** Heading, body and every descendant, reduced for comparison. */
  fullKey: string;
  children: number[];
}

const ZH_REFERENCE = /第[0-9一二三四五六七八九十百零〇两]{1,6}(?:条|章|款|项|节)/g;
const EN_REFERENCE = /\b(?:clauses?|sections?|articles?|paragraphs?|sub-?clauses?|schedules?|annex(?:es)?|appendi(?:x|ces)|exhibits?)\s+\(?[0-9a-z]{1,3}(?:\.[0-9]{1,3})*\)?/gi;

/** Comparable form: normalised, cross-reference numbers masked, white space and punctuation width gone. */
export function comparable(text: string): string {
  return normalize(text)
    .text.replace(ZH_REFERENCE, '第#条')
    .replace(EN_REFERENCE, (m) => m.replace(/\(?[0-9a-z]{1,3}(?:\.[0-9]{1,3})*\)?$/i, '#'))
    .replace(/\s+/g, '');
}

/** The clause's own text after its number and heading. */
function bodyOf(clause: Clause): string {
  let t = clause.text.trim();
  if (clause.number && t.startsWith(clause.number)) t = t.slice(clause.number.length);
  t = t.replace(/^[\s\u3000:：.．、]+/, '');
  if (clause.heading && t.startsWith(clause.heading)) t = t.slice(clause.heading.length);
  return t.replace(/^[\s\u3000:：.．、。]+/, '').trim();
}

export function clauseEntries(doc: ContractDocument): ClauseEntry[] {
  const entries: ClauseEntry[] = [];
  const visit = (clause: Clause, parent: number | null, depth: number, order: number, path: string[]): number => {
    const index = entries.length;
    const heading = clause.heading ?? '';
    const body = bodyOf(clause);
    const own = [...path, clause.number ?? heading];
    const entry: ClauseEntry = {
      index,
      clause,
      parent,
      depth,
      order,
      path: own,
      heading,
      body,
      key: comparable(body),
      headingKey: comparable(heading),
      fullKey: '',
      children: [],
    };
    entries.push(entry);
    entry.children = clause.children.map((c, i) => visit(c, index, depth + 1, i, own));
    entry.fullKey = entry.headingKey + entry.key + entry.children.map((c) => entries[c].fullKey).join('');
    return index;
  };
  doc.tree.children.forEach((c, i) => visit(c, null, 0, i, []));
  return entries;
}
