import { compileCondition } from '../conditions.js';
import type { DocumentView, Unit } from '../document-view.js';
import { unitOf } from '../document-view.js';
import type { Clause } from '../../types.js';
import type { ConditionSpec, DetailElement } from '../types.js';
import type { KindRunner } from './kind.js';
import { localize } from '../localize.js';
import { bareClauseNumber } from '../normalize.js';

/**
 * The clauses that address a concern must, together with their sub-clauses, contain given elements (a KPI
 * clause needs a target, a data source and a period). One finding at the first such clause names what is lacking.
 */
export function requireDetailKind(spec: { clauses: ConditionSpec; elements: DetailElement[]; min?: number }): KindRunner {
  const select = compileCondition(spec.clauses);
  const elements = spec.elements.map((e) => ({ ...e, test: compileCondition(e.pattern) }));
  return ({ view, units, language }) => {
    const addressing = units.filter((u) => select(u) !== null);
    if (addressing.length === 0) return { hits: [], addressing, present: false };
    // (with its sub-clauses: "2.1 … the services described in the Schedule" may be the one that points to the annex)
    const own = withDescendants(addressing);
    const family = withDescendants([...own, ...referencedAnnexes(view, own), ...referencedClauses(view, own)]);
    const missing = elements.filter((e) => !family.some((u) => e.test(u) !== null));
    const needed = spec.min ?? elements.length;
    const present = elements.length - missing.length >= needed;
    if (present) return { hits: [], addressing, present: true };
    const names = missing.map((e) => localize(e.name, language)).join(language === 'en' ? ', ' : '、');
    const first = addressing[0];
    return { hits: [{ unit: first, match: select(first)!, vars: { missing: names } }], addressing, present: false };
  };
}

/** How a clause names a part that holds its details, and how that part's heading reads. */
const NAMED_PARTS: Array<[RegExp, RegExp]> = [
  [/\b(?:sows?|statements? of work)\b/, /\bsow\b|statement of work/],
  [/\b(?:order forms?|service orders?|work orders?|insertion orders?|io)\b/, /order form|service order|work order|insertion order|line items?/],
  [/\bline items?\b/, /line items?/],
  // "in the quantities stated for your plan": the table of what the plan includes
  [/\b(?:your|the) (?:\w+ )?plan\b/, /\bplan\b/],
  [/服务订单|订单/, /服务订单|订单/],
  [/工作说明书/, /工作说明书/],
];

// "the Service Schedule", "the Fee Schedule": a schedule known by its name instead of a number
const NAMED_SCHEDULE = /\bthe ((?:[a-z]+ ){1,2}schedule)\b/g;

// (the last form, "the Schedule" with no number, names an annex that has none)
const ANNEX_REFERENCE = /\b(schedule|exhibit|annexure|annex|appendix|attachment|addendum)\s+["“]?([a-z]{1,2}|\d{1,3}|[ivx]{1,5})\b|(附件|附录|附表)\s*([一二三四五六七八九十]{1,3}|\d{1,2})?|\bthe (schedule|exhibit|annexure|annex|appendix)\b/g;

/**
 * "…in the quantities set out in Schedule 1" / "详见附件一": the details live in the annex the clause points to,
 * so the annex counts as part of the clause for the elements check.
 */
function referencedAnnexes(view: DocumentView, units: Unit[]): Unit[] {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const annexes = view.doc.tree.children.filter((c) => c.number && /^(?:schedule|exhibit|annexure|annex|appendix|attachment|addendum|附件|附录|附表)/i.test(c.number));
  const out: Unit[] = [];
  // "…the services described in each SOW" / "按服务订单列明的" / "the line items": an attached document or section
  // named in the clause, found by its heading.
  // (an attached part, or a section under an unnumbered one: an order form's "What the plan includes" table sits
  // under the order form's own heading; a numbered clause about SOWs is not itself the SOW)
  const parts = view.doc.tree.children.flatMap((c) => (c.number ? [c] : [c, ...c.children]));
  for (const [said, heading] of NAMED_PARTS) {
    if (!units.some((u) => said.test(u.norm.text))) continue;
    for (const c of parts) {
      const au = unitOf.get(c);
      if (au && c.heading && heading.test(c.heading.toLowerCase()) && !out.includes(au)) out.push(au);
    }
  }
  // "…the monthly quantities in the Service Schedule": an order form carries its named tables before the terms, in
  // the preamble; the preamble counts when one of its lines opens with that name.
  const preamble = view.units.find((u) => u.clause === null);
  if (preamble && !out.includes(preamble)) {
    const names = units.flatMap((u) => [...u.norm.text.matchAll(NAMED_SCHEDULE)].map((m) => m[1]));
    const opens = (n: string) => preamble.blocks.some((b) => b.text.trimStart().toLowerCase().startsWith(n));
    if (names.some(opens)) out.push(preamble);
  }
  if (annexes.length === 0) return out;
  // "the Services described in Item 4": Australian drafting keeps its commercial terms in a Schedule of numbered Items
  if (units.some((u) => /\bitems? \d{1,2}\b/.test(u.norm.text))) {
    for (const a of annexes) {
      const au = unitOf.get(a);
      if (au && /\bitem\b/.test(au.norm.text) && !out.includes(au)) out.push(au);
    }
  }
  for (const u of units) {
    for (const m of u.norm.text.matchAll(ANNEX_REFERENCE)) {
      // 该方案…不作为本协议附件: a document said not to be an annex points to none
      if (/(?:不作为|不构成|不属于|并非|未作为|不列为)[^。；，,]{0,12}$/.test(u.norm.text.slice(Math.max(0, m.index! - 16), m.index))) continue;
      const wanted = key(m[1] ? `${m[1]} ${m[2]}` : m[5] ? m[5] : `${m[3]}${m[4] ?? ''}`);
      for (const a of annexes) {
        const name = key(a.number!);
        if (name === wanted || (!m[4] && m[3] && name.startsWith(m[3]))) {
          const au = unitOf.get(a);
          if (au && !out.includes(au)) out.push(au);
        }
      }
    }
  }
  return out;
}

/** "…giving reasons by reference to item 9" / 按第九条约定的标准: a clause named by number holds details of this one. */
const CLAUSE_REFERENCE = /\b(?:items?|clauses?|sections?|paragraphs?)\s+(\d{1,3}(?:\.\d{1,3})*)\b|第\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*条/g;

function referencedClauses(view: DocumentView, units: Unit[]): Unit[] {
  const wanted = new Set<string>();
  for (const u of units) {
    for (const m of u.norm.text.matchAll(CLAUSE_REFERENCE)) {
      // (原合同第二条 / clause 5 of the Master Agreement: another document's clause, whatever this one numbers so)
      const before = u.norm.text.slice(Math.max(0, m.index! - 8), m.index);
      const after = u.norm.text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
      if (/(?:原|主|框架)(?:合同|协议)(?:的)?$/.test(before) || /^\s*of (?:the |that )?(?:original|master|framework|main|prior|existing)\b/.test(after)) continue;
      wanted.add(m[1] ?? `第${m[2]}条`);
    }
  }
  if (wanted.size === 0) return [];
  return view.units.filter((u) => u.clause?.number && wanted.has(bareClauseNumber(u.clause.number)) && !units.includes(u));
}

function withDescendants(units: Unit[]): Unit[] {
  const out = new Set<Unit>(units);
  const add = (c: Clause) => {
    for (const child of c.children) {
      const u = unitOf.get(child);
      if (u) out.add(u);
      add(child);
    }
  };
  for (const u of units) if (u.clause) add(u.clause);
  return [...out];
}

export type { DocumentView };
