import type { Block, Clause, ContractDocument, Position } from '../types.js';
import { lowerBound } from '../util/lower-bound.js';
import { normalize, originalRange, type NormalizedText } from './normalize.js';
import { DocumentText } from './required-literals.js';
import { struckOutClauses } from './struck-out.js';

/**
 * What rules look at: each clause's own text (and the preamble as a unit without a clause), normalised once,
 * with the way back from a match to the original text, line and page.
 */
export interface Unit {
  clause: Clause | null;
  /** Ancestors, outermost first. */
  ancestors: Clause[];
  original: string;
  norm: NormalizedText;
  headingNorm: string;
  /** Regular-expression alternations for `{client}` and `{provider}` in patterns; shared by a document's units. */
  roles: RoleTerms;
  /** The text of the whole document (every unit's), shared by its units: patterns that cannot match it are skipped. */
  docText: DocumentText;
  blocks: Block[];
  /** Offset of each block's text within `original` (blocks are joined by a newline). */
  blockStarts: number[];
  sentences: Array<[number, number]>;
  /**
   * Where table cells meet in `norm.text`: a pattern does not read across them ("提交大促方案 | 确认货盘" are two
   * parties' columns, not a plan being confirmed).
   */
  cellCuts: number[];
  /** Where table rows meet: a threshold reads a row whole ("First instalment 70% | … | within 7 days of signing"). */
  rowCuts: number[];
  /** Where the clause heading is in `norm.text`, if it is there: context for the sentences of the clause. */
  heading?: [number, number];
}

export interface RoleTerms {
  client: string;
  provider: string;
}

/** Words for each side when the contract names no party with that role. 甲方/乙方 are never assumed. */
// (what e-commerce contracts call each side: a seller or brand hires; an operator, manager or studio serves)
const GENERIC_ROLE_WORDS: RoleTerms = {
  client: '委托方|委托人|商家|品牌方|店主|商户|client|customer|merchant|brand owner|brand|seller|principal|retailer|shop owner|store owner',
  provider: '受托方|受托人|服务方|代运营方|服务商|运营方|agency|service provider|provider|consultant|contractor|vendor|operator|manager|studio',
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function roleTerms(partyTerms: DocumentView['partyTerms']): RoleTerms {
  const of = (role: 'client' | 'provider') => {
    // (a word stands whole: "we" is not the one in "however", "you" not the one in "bayou")
    const terms = partyTerms.filter((t) => t.role === role).map((t) => `${/^\w/.test(t.term) ? '\\b' : ''}${escapeRe(t.term)}${/\w$/.test(t.term) ? '\\b' : ''}`);
    // "the Client": English puts an article before a defined party name, which the pattern need not spell out.
    return terms.length ? `(?:the )?(?:${terms.join('|')})` : `(?:the )?(?:${GENERIC_ROLE_WORDS[role]})`;
  };
  return { client: of('client'), provider: of('provider') };
}

export interface DocumentView {
  doc: ContractDocument;
  units: Unit[];
  /** Party mentions to look for in sentences: normalised label, alias or name → role. */
  partyTerms: Array<{ term: string; label: string; role: ContractDocument['parties'][number]['role'] }>;
}

/** Units by clause, so that `inside` and scopes can look at an enclosing clause's own text. */
export const unitOf = new WeakMap<Clause, Unit>();

function makeUnit(clause: Clause | null, blocks: Block[], ancestors: Clause[], roles: RoleTerms, docText: DocumentText): Unit {
  const blockStarts: number[] = [];
  let original = '';
  for (const b of blocks) {
    if (original) original += '\n';
    blockStarts.push(original.length);
    original += b.text;
  }
  const norm = normalize(original);
  const headingNorm = clause?.heading ? normalize(clause.heading).text : '';
  // A heading line and the body under it are not one sentence (第十条 双方权利义务 / 乙方不承担任何责任), but
  // normalising removed the line break between them: cut where the body starts. Other blocks may be wrapped lines
  // of one sentence, and stay joined.
  const headingLine = blocks.length > 1 && (blocks[0].kind === 'heading' || (!!headingNorm && normalize(blocks[0].text).text.endsWith(headingNorm)));
  const headingCut = headingLine ? [firstAtOrAfter(norm.map, blockStarts[1])].filter((k) => k > 0) : [];
  // Each table row is its own statement ("Initial Term | 12 months" is not a sentence about the notice in the next
  // row), but the cells of one row are read together: "First instalment 70% | 1,512,000 | within 7 days of signing".
  const cellCuts: number[] = [];
  const rowCuts: number[] = [];
  for (let k = 1; k < blocks.length; k++) {
    const [a, b] = [blocks[k - 1], blocks[k]];
    if (a.kind !== 'table-cell' && b.kind !== 'table-cell') continue;
    const at = firstAtOrAfter(norm.map, blockStarts[k]);
    cellCuts.push(at);
    const sameRow = a.kind === 'table-cell' && b.kind === 'table-cell' && a.row !== undefined && a.row === b.row;
    if (!sameRow) rowCuts.push(at);
  }
  const at = headingNorm ? norm.text.indexOf(headingNorm) : -1;
  docText.add(norm.text);
  docText.add(headingNorm);
  return {
    clause,
    ancestors,
    original,
    norm,
    headingNorm,
    roles,
    docText,
    blocks,
    blockStarts,
    sentences: splitSentences(norm.text, [...headingCut, ...rowCuts]),
    cellCuts,
    rowCuts,
    ...(at >= 0 ? { heading: [at, at + headingNorm.length] as [number, number] } : {}),
  };
}

/** The first normalised index whose original offset is at or after `offset` (the map only grows). */
const firstAtOrAfter = (map: Uint32Array, offset: number): number => lowerBound(map, offset);

/** Where a sentence ends: 。；;！？!? or a line break, or a full stop before a space (not "e.g. " nor "Inc. "). */
const SENTENCE_END = /[。;；!！?？\n]|\.(?= )/g;
const ABBREVIATION_BEFORE = /\b(?:e\.g|i\.e|etc|inc|ltd|co|no|mr|ms|dr|u\.s|vs)$/i;

/** Sentences of normalised text: split at 。；;！？!?, at ". " (a full stop before a space) and before each of `cuts`. */
export function splitSentences(text: string, cuts: number[] = []): Array<[number, number]> {
  // (one native search for the ends, not a regular expression per character: a contract's long clauses made
  // this a visible part of linting a DOCX)
  const ends = cuts.filter((c) => c > 0 && c <= text.length);
  for (const m of text.matchAll(SENTENCE_END)) {
    const i = m.index!;
    if (m[0] === '.' && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, i - 4), i))) continue;
    ends.push(i + 1);
  }
  ends.sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const end of ends) {
    if (end <= start) continue;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

export function buildView(doc: ContractDocument): DocumentView {
  const partyTerms: DocumentView['partyTerms'] = [];
  for (const p of doc.parties) {
    for (const t of [p.label, ...p.aliases, ...(p.name ? [p.name] : [])]) {
      const term = normalize(t).text;
      if (term && !partyTerms.some((x) => x.term === term)) partyTerms.push({ term, label: p.label, role: p.role });
    }
  }
  // Longest first, so "service provider" wins over "provider".
  partyTerms.sort((a, b) => b.term.length - a.term.length);
  const roles = roleTerms(partyTerms);
  const units: Unit[] = [];
  const docText = new DocumentText();
  if (doc.preamble.length) units.push(makeUnit(null, doc.preamble, [], roles, docText));
  const struck = struckOutClauses(doc);
  const walk = (clauses: Clause[], ancestors: Clause[]) => {
    for (const c of clauses) {
      if (struck.has(c)) continue;
      const unit = makeUnit(c, c.blocks, ancestors, roles, docText);
      unitOf.set(c, unit);
      units.push(unit);
      walk(c.children, [...ancestors, c]);
    }
  };
  walk(doc.tree.children, []);
  return { doc, units, partyTerms };
}
/** Line and page of a normalised offset in a unit. */
export function positionAt(unit: Unit, normOffset: number): Position {
  const [orig] = originalRange(unit.norm, normOffset, normOffset + 1);
  let bi = 0;
  while (bi + 1 < unit.blockStarts.length && unit.blockStarts[bi + 1] <= orig) bi++;
  const block = unit.blocks[bi];
  if (!block) return { line: 1 };
  const within = orig - unit.blockStarts[bi];
  let line = block.line;
  let page = block.page;
  for (const seg of block.segments ?? []) {
    if (seg.offset <= within) {
      line = seg.line;
      page = seg.page ?? page;
    }
  }
  return page ? { line, page } : { line };
}

/** The original text of a normalised range, trimmed to about 200 characters around it. */
export function excerptOf(unit: Unit, start: number, end: number, max = 200): string {
  const [s, e] = originalRange(unit.norm, start, end);
  let text = unit.original.slice(s, e);
  if (text.length > max) text = text.slice(0, max - 1) + '…';
  return text.replace(/\s+/g, ' ').trim();
}

export function sentenceAt(unit: Unit, offset: number): [number, number] {
  return unit.sentences.find(([s, e]) => offset >= s && offset < e) ?? [0, unit.norm.text.length];
}
