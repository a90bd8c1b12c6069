import { compileCondition } from '../conditions.js';
import type { ConditionSpec } from '../types.js';
import type { KindRunner } from './kind.js';

/** If the contract has X it must also have Y: an agency that manages the ad budget must show the spend. */
export function conditionalKind(spec: { if: ConditionSpec; then: ConditionSpec }): KindRunner {
  const cond = compileCondition(spec.if);
  const then = compileCondition(spec.then);
  return ({ units }) => {
    const triggers = units.filter((u) => cond(u) !== null);
    if (triggers.length === 0) return { hits: [], addressing: [], present: false };
    const satisfied = units.filter((u) => then(u) !== null);
    if (satisfied.length) return { hits: [], addressing: [...triggers, ...satisfied], present: true };
    return { hits: [{ unit: triggers[0], match: cond(triggers[0])! }], addressing: triggers, present: false };
  };
}
