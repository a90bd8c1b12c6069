import type { ContractDocument, IngestedDocument } from '../types.js';
import { detectLanguage } from './language.js';
import { analyseParties } from './parties.js';
import { buildClauseTree } from './tree.js';

/** Ingested text → clause tree, parties, defined terms and language. Pure: no I/O. */
export function analyseDocument(doc: IngestedDocument): ContractDocument {
  const blocks = doc.blocks.filter((b) => !b.directive);
  const { preamble, tree, signature } = buildClauseTree(blocks);
  const { parties, definedTerms } = analyseParties(preamble, blocks);
  return {
    format: doc.format,
    language: detectLanguage(blocks),
    preamble,
    tree,
    signature,
    parties,
    definedTerms,
    lines: doc.lines,
    pageCount: doc.pageCount,
    notes: doc.notes,
    directives: doc.blocks.filter((b) => b.directive).map((b) => ({ text: b.directive!, line: b.line })),
  };
}

export { buildClauseTree } from './tree.js';
export { matchClauseNumber } from './clause-number.js';
export { analyseParties } from './parties.js';
export { detectLanguage } from './language.js';
