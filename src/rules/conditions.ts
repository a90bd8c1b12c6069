import { normalize } from './normalize.js';
import { compilePattern, hasRoles, patternLiterals, ROLE_PLACEHOLDERS, search } from './patterns.js';
import type { ConditionSpec, ScopeSpec } from './types.js';
import { unitOf, type RoleTerms, type Unit } from './document-view.js';
import type { DocumentText } from './required-literals.js';

/** A match in a unit's normalised text; [start, start] for a condition that holds without pointing anywhere. */
export type Match = [number, number];

/** A compiled condition: where in the unit (within [from, to)) it holds, or null. */
export type Condition = (unit: Unit, from?: number, to?: number) => Match | null;

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * `{client}` and `{provider}` in a pattern stand for the words this contract uses for each side (甲方, the
 * company's name, "Agency"…), as its parties' roles say: a rule about the client's right to terminate works
 * whether the client is 甲方 or 乙方.
 */
export function withRoles(source: string, roles: { client: string; provider: string }): string {
  return source.replace(ROLE_PLACEHOLDERS, (placeholder) => roles[placeholder.slice(1, -1) as 'client' | 'provider']);
}

/**
 * A pattern of a condition, compiled when a document first needs it: most of a pack's patterns cannot match a given
 * contract (required-literals.ts), and are then never compiled at all.
 */
class LazyPattern {
  private compiled: RegExp | null = null;
  readonly hasRoles: boolean;

  constructor(readonly source: string) {
    this.hasRoles = hasRoles(source);
  }

  /** Strings one of which the pattern cannot match without (null: none known); patternLiterals keeps them. */
  get literals(): string[] | null {
    return patternLiterals(this.source);
  }

  /** The expression for a document whose parties are called `roles`. */
  for(roles: RoleTerms): RegExp {
    if (this.hasRoles) return compilePattern(withRoles(this.source, roles));
    return (this.compiled ??= compilePattern(this.source));
  }
}

function anyPattern(sources: string[]): Condition {
  const patterns = sources.map((s) => new LazyPattern(s));
  // Per document: only the patterns that can match it at all, with its role words filled in.
  const live = new WeakMap<DocumentText, RegExp[]>();
  const patternsFor = (unit: Unit) => {
    let res = live.get(unit.docText);
    if (!res) {
      res = patterns.filter((p) => unit.docText.mayContain(p.literals)).map((p) => p.for(unit.roles));
      live.set(unit.docText, res);
    }
    return res;
  };
  return (unit, from = 0, to = unit.norm.text.length) => {
    let best: Match | null = null;
    for (const re of patternsFor(unit)) {
      let m = search(re, unit.norm.text, from, to);
      while (m && unit.cellCuts.some((c) => c > m![0] && c < m![1])) m = search(re, unit.norm.text, m[0] + 1, to);
      if (m && (!best || m[0] < best[0])) best = m;
    }
    return best;
  };
}

function headingMatches(sources: string[]): Condition {
  const patterns = sources.map((s) => new LazyPattern(s));
  return (unit, from = 0) =>
    unit.headingNorm && patterns.some((p) => unit.docText.mayContain(p.literals) && search(p.for(unit.roles), unit.headingNorm)) ? [from, from] : null;
}

function clauseNumberIs(numbers: string[]): Condition {
  const wanted = new Set(numbers.map((n) => normalize(n).text));
  return (unit, from = 0) => {
    const n = unit.clause?.number;
    return n && wanted.has(normalize(n).text) ? [from, from] : null;
  };
}

/**
 * Compiles a YAML condition. A string or a list of strings is a pattern (any of them). `heading` looks at the
 * clause heading only, `clause` at its number, `inside` at the enclosing clauses, `all`/`any`/`not` combine.
 */
export function compileCondition(spec: ConditionSpec): Condition {
  if (typeof spec === 'string' || Array.isArray(spec)) return anyPattern(asList(spec));
  const parts: Condition[] = [];
  if (spec.pattern !== undefined) parts.push(anyPattern(asList(spec.pattern)));
  if (spec.text !== undefined) parts.push(anyPattern(asList(spec.text)));
  if (spec.heading !== undefined) parts.push(headingMatches(asList(spec.heading)));
  if (spec.clause !== undefined) parts.push(clauseNumberIs(asList(spec.clause)));
  if (spec.part !== undefined) {
    const wantPreamble = spec.part === 'preamble';
    parts.push((unit, from = 0) => ((unit.clause === null) === wantPreamble ? [from, from] : null));
  }
  if (spec.all) {
    const subs = spec.all.map(compileCondition);
    parts.push((unit, from, to) => {
      let first: Match | null = null;
      for (const c of subs) {
        const m = c(unit, from, to);
        if (!m) return null;
        if (!first || (m[1] > m[0] && (first[1] === first[0] || m[0] < first[0]))) first = m;
      }
      return first;
    });
  }
  if (spec.any) {
    const subs = spec.any.map(compileCondition);
    parts.push((unit, from, to) => {
      let best: Match | null = null;
      for (const c of subs) {
        const m = c(unit, from, to);
        if (m && (!best || (best[1] === best[0] && m[1] > m[0]) || (m[1] > m[0] && m[0] < best[0]))) best = m;
      }
      return best;
    });
  }
  if (spec.not) {
    const sub = compileCondition(spec.not);
    parts.push((unit, from = 0, to) => (sub(unit, from, to) ? null : [from, from]));
  }
  if (spec.inside) {
    const sub = compileCondition(spec.inside);
    parts.push((unit, from = 0) => {
      // The enclosing clauses are matched on their own heading and text, through the units they own.
      const chain = unit.ancestors;
      for (const a of chain) {
        const au = unitOf.get(a);
        if (au && sub(au)) return [from, from];
      }
      return null;
    });
  }
  if (parts.length === 0) return () => null;
  if (parts.length === 1) return parts[0];
  return (unit, from, to) => {
    let first: Match | null = null;
    for (const c of parts) {
      const m = c(unit, from, to);
      if (!m) return null;
      if (!first || (first[0] === first[1] && m[1] > m[0])) first = m;
    }
    return first;
  };
}


/** Which units a rule looks at. No scope, or `document: true`, is every unit. */
export function compileScope(scope: ScopeSpec | undefined): (unit: Unit) => boolean {
  if (!scope || scope.document) return () => true;
  const conds: Condition[] = [];
  if (scope.heading) conds.push(headingMatches(asList(scope.heading)));
  if (scope.text) conds.push(anyPattern(asList(scope.text)));
  if (scope.clause) conds.push(clauseNumberIs(asList(scope.clause)));
  // A unit is in scope when it, or a clause it sits in, matches: sub-clauses of "第十条 违约责任" are in scope too.
  return (unit) => conds.some((c) => c(unit) !== null || unit.ancestors.some((a) => {
    const au = unitOf.get(a);
    return au ? c(au) !== null : false;
  }));
}
