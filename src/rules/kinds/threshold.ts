import { compileCondition, type Condition, type Match } from '../conditions.js';
import type { Unit } from '../document-view.js';
import { compare, extractQuantities } from '../quantities.js';
import type { QuantitySpec } from '../types.js';
import type { KindResult, KindRunner } from './kind.js';

/**
 * Numbers with units compared against a limit, in the sentences that talk about the thing (`near`): more than
 * 50% of the fee up front, a notice period over 90 days.
 */
export function thresholdKind(spec: QuantitySpec): KindRunner {
  const near = spec.near !== undefined ? compileCondition(spec.near) : null;
  const at = spec.at !== undefined ? compileCondition(spec.at) : null;
  const wantedUnit = spec.unit?.toLowerCase();
  return ({ units }) => {
    const result: KindResult = { hits: [], addressing: [], present: false };
    for (const unit of units) {
      // The clause heading is context for every sentence under it (第三条 预付款 / 甲方应支付总额的70%).
      const nearHeading = near !== null && unit.heading !== undefined && near(unit, unit.heading[0], unit.heading[1]) !== null;
      for (const [ss, se] of unit.sentences) {
        if (near && !nearHeading && !near(unit, ss, se)) continue;
        if (near) {
          result.present = true;
          if (!result.addressing.includes(unit)) result.addressing.push(unit);
        }
        const spans = at ? matchesIn(at, unit, ss, se) : null;
        for (const q of extractQuantities(unit.norm.text, ss, se)) {
          if (q.type !== spec.type) continue;
          if (spans && !spans.some(([s, e]) => q.start < e && s < q.end)) continue;
          if (spec.type === 'money' && wantedUnit && q.unit !== wantedUnit) continue;
          if (!compare(q.value, spec.op, spec.value)) continue;
          result.hits.push({ unit, match: [q.start, q.end], vars: { value: unit.norm.text.slice(q.start, q.end) } });
          break;
        }
      }
    }
    return result;
  };
}

/** Every match of a condition in [from, to), as spans of the unit's normalised text. */
function matchesIn(cond: Condition, unit: Unit, from: number, to: number): Match[] {
  const spans: Match[] = [];
  for (let m = cond(unit, from, to); m && m[1] > m[0]; m = cond(unit, m[0] + 1, to)) spans.push(m);
  return spans;
}
