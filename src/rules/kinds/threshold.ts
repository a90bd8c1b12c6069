import { compileCondition, type Condition, type Match } from '../conditions.js';
import { unitOf, type Unit } from '../document-view.js';
import { compare, extractQuantities, type Quantity } from '../quantities.js';
import type { QuantitySpec } from '../types.js';
import type { Clause } from '../../types.js';
import type { KindResult, KindRunner } from './kind.js';

/**
 * Numbers with units compared against a limit, in the sentences that talk about the thing (`near`): more than
 * 50% of the fee up front, a notice period over 90 days.
 */
export function thresholdKind(spec: QuantitySpec): KindRunner {
  const near = spec.near !== undefined ? compileCondition(spec.near) : null;
  const at = spec.at !== undefined ? compileCondition(spec.at) : null;
  const of = spec.of !== undefined ? compileCondition(spec.of) : null;
  const unless = spec.unless !== undefined ? compileCondition(spec.unless) : null;
  const wantedUnit = spec.unit?.toLowerCase();
  return ({ units }) => {
    const result: KindResult = { hits: [], addressing: [], present: false };
    // Amounts that name the whole, by article: every share in the article is measured against the same ones.
    const wholes = new Map<Clause | Unit, Quantity[]>();
    for (const cellUnit of units) {
      // A row of a payment table is one statement: its patterns may read from one cell into the next.
      const unit = cellUnit.rowCuts.length === cellUnit.cellCuts.length ? cellUnit : { ...cellUnit, cellCuts: cellUnit.rowCuts };
      // The clause heading is context for every sentence under it (第三条 预付款 / 甲方应支付总额的70%).
      const nearHeading = near !== null && unit.heading !== undefined && near(unit, unit.heading[0], unit.heading[1]) !== null;
      for (const [ss, se] of unit.sentences) {
        if (near && !nearHeading && !near(unit, ss, se)) continue;
        if (unless && unless(unit, ss, se)) continue;
        if (near) {
          result.present = true;
          if (!result.addressing.includes(cellUnit)) result.addressing.push(cellUnit);
        }
        const spans = at ? matchesIn(at, unit, ss, se) : null;
        for (const q of extractQuantities(unit.norm.text, ss, se)) {
          if (q.type !== spec.type) continue;
          if (spans && !spans.some(([s, e]) => q.start < e && s < q.end)) continue;
          if (spec.type === 'money' && wantedUnit && q.unit !== wantedUnit) continue;
          if (of) {
            const whole = wholeAmount(of, unit, q, wholes);
            if (whole === undefined) continue;
            const share = (100 * q.value) / whole;
            if (!compare(share, spec.op, spec.value)) continue;
            result.hits.push({ unit: cellUnit, match: [q.start, q.end], vars: { value: `${unit.norm.text.slice(q.start, q.end)} / ${Math.round(share)}%` } });
            break;
          }
          if (!compare(q.value, spec.op, spec.value)) continue;
          result.hits.push({ unit: cellUnit, match: [q.start, q.end], vars: { value: unit.norm.text.slice(q.start, q.end) } });
          break;
        }
      }
    }
    return result;
  };
}

/**
 * The whole amount a part is measured against: the largest amount in the same currency inside a phrase that names
 * the whole (全年服务费, "annual package fee"), in the unit or the clauses around it, and larger than the part.
 */
function wholeAmount(of: Condition, unit: Unit, part: Quantity, wholes: Map<Clause | Unit, Quantity[]>): number | undefined {
  // The article the part sits in, all of it (3.1 全年服务费 … / 3.2（1）签订后支付第一期…), or the unit alone.
  const article = unit.ancestors[0] ?? unit.clause;
  const key = article ?? unit;
  let named = wholes.get(key);
  if (!named) {
    named = namedAmounts(of, unit, article);
    wholes.set(key, named);
  }
  let best: number | undefined;
  for (const q of named) if (q.unit === part.unit && q.value > part.value && (best === undefined || q.value > best)) best = q.value;
  return best;
}

/** Money amounts inside a phrase `of` matches, or just after it ("全年服务费合计人民币720,000元", "annual fee of EUR 62,400"). */
function namedAmounts(of: Condition, unit: Unit, article: Clause | null): Quantity[] {
  const family: Unit[] = [unit];
  const walk = (c: Clause) => {
    const u = unitOf.get(c);
    if (u && !family.includes(u)) family.push(u);
    c.children.forEach(walk);
  };
  if (article) walk(article);
  const named: Quantity[] = [];
  for (const u of family) {
    const spans = matchesIn(of, u, 0, u.norm.text.length);
    if (spans.length === 0) continue;
    for (const q of extractQuantities(u.norm.text)) {
      if (q.type === 'money' && spans.some(([s, e]) => (q.start < e && s < q.end) || (q.start >= e && q.start - e <= 20))) named.push(q);
    }
  }
  return named;
}

/** Every match of a condition in [from, to), as spans of the unit's normalised text. */
function matchesIn(cond: Condition, unit: Unit, from: number, to: number): Match[] {
  const spans: Match[] = [];
  for (let m = cond(unit, from, to); m && m[1] > m[0]; m = cond(unit, m[0] + 1, to)) spans.push(m);
  return spans;
}
