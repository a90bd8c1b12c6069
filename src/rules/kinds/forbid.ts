import { compileCondition } from '../conditions.js';
import { sentenceAt } from '../document-view.js';
import { isNegated } from '../negation.js';
import { originalRange } from '../normalize.js';
import type { ConditionSpec } from '../types.js';
import type { KindRunner, KindResult } from './kind.js';

/**
 * Text that must not be there (保证月销售额不低于100万元), unless negated just before (乙方不保证…, "does not
 * guarantee") or an exception holds in the same sentence.
 */
export function forbidKind(spec: { pattern: ConditionSpec; unless?: ConditionSpec; negation?: boolean; each?: boolean }): KindRunner {
  const pattern = compileCondition(spec.pattern);
  const unless = spec.unless !== undefined ? compileCondition(spec.unless) : null;
  const negation = spec.negation !== false;
  return ({ units }) => {
    const result: KindResult = { hits: [], addressing: [], present: false };
    for (const unit of units) {
      let from = 0;
      const end = unit.norm.text.length;
      while (from < end) {
        const m = pattern(unit, from, end);
        if (!m) break;
        const [ss, se] = sentenceAt(unit, m[0]);
        // A match that runs on into the next sentence (from a heading into the body under it) is not one statement:
        // look again from the next character.
        if (m[1] > se) {
          from = m[0] + 1;
          continue;
        }
        from = Math.max(m[1], m[0] + 1);
        if (negation && isNegated(unit.norm.text, ss, m[0])) continue;
        if (unless && unless(unit, ss, se)) continue;
        result.hits.push({ unit, match: m, vars: { value: unit.original.slice(...originalRange(unit.norm, m[0], m[1])).trim() } });
        if (!result.addressing.includes(unit)) result.addressing.push(unit);
        result.present = true;
        // A condition on the clause as a whole (heading, clause number) holds once per clause, not once per sentence.
        if (m[0] === m[1]) break;
        // One finding per statement, unless each match is a fault of its own (every blank of a signature row).
        if (!spec.each) from = Math.max(from, se);
      }
    }
    return result;
  };
}
