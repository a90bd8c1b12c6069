/**
 * Does a line begin with a clause number or a bullet? A PDF has lost its paragraph marks, and a numbered line is the
 * strongest sign of a new paragraph. Wrapping can also put a cross-reference or an amount at the start of a line
 * (…依照\n第5条规定, …人民币\n1.5万元, …set out in\nSection 2.1 of this Agreement), so those are told apart here.
 */

import { matchClauseNumber } from '../../structure/clause-number.js';

const BULLET = /^[•●▪■◆◇○◦►▶➢✓√\u2022\u25cf]/;

export interface ClauseStart {
  /** Length of the number (or bullet) at the start of the text. */
  length: number;
  bullet: boolean;
  /** An attachment heading (Annex No. 2, 附件一), which a list inside a sentence also wraps onto a line start. */
  annex?: boolean;
}

/**
 * The same recogniser the clause tree uses, so that a line the tree would number always opens a paragraph and a
 * reference or an amount it refuses (第5条规定…, 1.5万元, Section 2.1 of …) never does.
 */
export function clauseStart(text: string): ClauseStart | undefined {
  if (BULLET.test(text)) return { length: 1, bullet: true };
  const m = matchClauseNumber(text);
  if (!m) return undefined;
  return { length: m.length, bullet: false, ...(m.annex ? { annex: true } : {}) };
}

/** Words a sentence cannot end on, in lowercase as running text has them ("PART A" is a heading, "a" is not). */
const UNFINISHED_EN = /\b(?:of|to|in|into|under|with|the|a|an|per|pursuant|see|by|from|for|at|on|between|than|including|and|or)\s*$/;
const UNFINISHED_ZH = /(?:根据|按照|依照|依据|参照|详见|见|及|和|与|或|的|在|于|第|依|按|对|向|由|将|经|从|自|至|本合同|本协议|本条|上述|前述)\s*$/;

/** A line ending mid-sentence: the next line continues it, however the layout looks. */
export function endsMidSentence(line: string): boolean {
  return UNFINISHED_EN.test(line) || UNFINISHED_ZH.test(line);
}

/** Ends on a reference to be continued: "Section 2.1\n(a)", "Section\n2.1", "thirty\n(30) days". */
const REFERENCE_EN = new RegExp(
  String.raw`(?:\b(?:sections?|clauses?|articles?|paragraphs?|subsections?|exhibits?|schedules?|annex(?:es)?` +
    String.raw`|appendix|appendices)(?:\s+(?:\d[\d.]*(?:\([a-z0-9]+\))*|[A-Z]|[IVXLC]+))?` +
    String.raw`|§\s*[\d.]*` +
    String.raw`|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty` +
    String.raw`|forty-five|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion))\s*$`,
  'i',
);

/**
 * After such a line a number starting the next line is a reference being continued (…as set forth in\nSection 2.1…,
 * …详见\n附件一…, …thirty\n(30) days) rather than a new clause. Not after "and"/"or": "…; and\n(b) …" is how lists
 * run on.
 */
export function continuesInto(previousLine: string, start?: ClauseStart): boolean {
  // "…annexes form part of it: Annex No. 1 – Scope of Services;⏎Annex No. 2 – KPIs." lists attachments; it does not start one
  if (start?.annex && /[;,；，、]\s*$/.test(previousLine)) return true;
  return (endsMidSentence(previousLine) && !/\b(?:and|or)\s*$/.test(previousLine)) || REFERENCE_EN.test(previousLine);
}
