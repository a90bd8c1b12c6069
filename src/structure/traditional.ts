import type { Block, Clause, ContractDocument } from '../types.js';
import { hasTraditional, toSimplified } from '../util/traditional-chinese.js';

/**
 * A Traditional Chinese contract (第一條、委託人、附件一：服務範圍) is analysed through a Simplified copy of its blocks,
 * so that numbering, headings, parties and signatures are recognised by one set of patterns. The copy has the same
 * length character for character, so what the analysis found is put back in the contract's own characters.
 */
export interface SimplifiedShadow {
  blocks: Block[];
  /** The analysis of `blocks`, quoting the original text again. */
  restore(doc: ContractDocument): ContractDocument;
}

/** null for a contract with no Traditional characters: it is analysed as it is. */
export function simplifiedShadow(blocks: Block[]): SimplifiedShadow | null {
  if (!blocks.some((b) => hasTraditional(b.text))) return null;
  const originalOf = new Map<Block, Block>();
  const shadow = blocks.map((b) => {
    const s: Block = { ...b, text: toSimplified(b.text) };
    if (b.generatedNumber) s.generatedNumber = { ...b.generatedNumber, text: toSimplified(b.generatedNumber.text) };
    originalOf.set(s, b);
    return s;
  });
  const original = (b: Block) => originalOf.get(b) ?? b;
  const allShadow = shadow.map((b) => b.text).join('\n');
  const allOriginal = blocks.map((b) => b.text).join('\n');
  // Any occurrence will do: the two texts differ only in script, offset for offset.
  const back = (s: string, within = allShadow, from = allOriginal) => {
    const i = within.indexOf(s);
    return i < 0 ? s : from.slice(i, i + s.length);
  };
  const clause = (c: Clause): Clause => {
    const first = c.blocks[0];
    const inFirst = (s: string | null) => (s && first ? back(s, first.text, original(first).text) : s);
    const joined = c.blocks.map((b) => original(b).text).join('\n');
    return {
      ...c,
      number: inFirst(c.number),
      heading: inFirst(c.heading),
      text: joined.length === c.text.length ? joined : back(c.text),
      blocks: c.blocks.map(original),
      children: c.children.map(clause),
    };
  };
  return {
    blocks: shadow,
    restore: (doc) => ({
      ...doc,
      preamble: doc.preamble.map(original),
      tree: { children: doc.tree.children.map(clause) },
      signature: doc.signature.map(original),
      parties: doc.parties.map((p) => ({
        ...p,
        label: back(p.label),
        aliases: p.aliases.map((a) => back(a)),
        ...(p.name ? { name: back(p.name) } : {}),
      })),
      definedTerms: doc.definedTerms.map((t) => ({ ...t, term: back(t.term) })),
    }),
  };
}
