import { compileCondition } from '../conditions.js';
import type { DocumentView, Unit } from '../document-view.js';
import { unitOf } from '../document-view.js';
import type { Clause } from '../../types.js';
import type { ConditionSpec, DetailElement } from '../types.js';
import type { KindRunner } from './kind.js';
import { localize } from '../localize.js';

/**
 * The clauses that address a concern must, together with their sub-clauses, contain given elements (a KPI
 * clause needs a target, a data source and a period). One finding at the first such clause names what is lacking.
 */
export function requireDetailKind(spec: { clauses: ConditionSpec; elements: DetailElement[]; min?: number }): KindRunner {
  const select = compileCondition(spec.clauses);
  const elements = spec.elements.map((e) => ({ ...e, test: compileCondition(e.pattern) }));
  return ({ units, language }) => {
    const addressing = units.filter((u) => select(u) !== null);
    if (addressing.length === 0) return { hits: [], addressing, present: false };
    const family = withDescendants(addressing);
    const missing = elements.filter((e) => !family.some((u) => e.test(u) !== null));
    const needed = spec.min ?? elements.length;
    const present = elements.length - missing.length >= needed;
    if (present) return { hits: [], addressing, present: true };
    const names = missing.map((e) => localize(e.name, language)).join(language === 'zh' ? '、' : ', ');
    const first = addressing[0];
    return { hits: [{ unit: first, match: select(first)!, vars: { missing: names } }], addressing, present: false };
  };
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
