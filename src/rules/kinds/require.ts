import { compileCondition } from '../conditions.js';
import type { ConditionSpec } from '../types.js';
import type { KindRunner } from './kind.js';

/** The contract must address something somewhere; if nothing in scope does, one document-level finding. */
export function requireKind(spec: { where: ConditionSpec }): KindRunner {
  const where = compileCondition(spec.where);
  return ({ units }) => {
    const addressing = units.filter((u) => where(u) !== null);
    return { hits: addressing.length ? [] : [{ unit: null }], addressing, present: addressing.length > 0 };
  };
}
