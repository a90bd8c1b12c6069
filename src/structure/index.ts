import type { ContractDocument, IngestedDocument } from '../types.js';
import { detectLanguage } from './language.js';
import { analyseParties } from './parties.js';
import { simplifiedShadow } from './traditional.js';
import { isMostlyTraditional } from '../util/traditional-chinese.js';
import { buildClauseTree } from './tree.js';

/** Ingested text → clause tree, parties, defined terms and language. Pure: no I/O. */
export function analyseDocument(doc: IngestedDocument): ContractDocument {
  const text = doc.blocks.filter((b) => !b.directive);
  const shadow = simplifiedShadow(text);
  const blocks = shadow?.blocks ?? text;
  const { preamble, tree, signature } = buildClauseTree(blocks);
  const { parties, definedTerms } = analyseParties(preamble, blocks);
  const analysed: ContractDocument = {
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
  if (shadow && isMostlyTraditional(text.map((b) => b.text).join('\n'))) analysed.script = 'traditional';
  return shadow ? shadow.restore(analysed) : analysed;
}

export { buildClauseTree } from './tree.js';
export { matchClauseNumber } from './clause-number.js';
export { analyseParties } from './parties.js';
export { detectLanguage } from './language.js';
