import type { Clause, ContractDocument } from '../types.js';
import type { Finding } from './types.js';

export interface SuppressionRule {
  rule: string;
  /** A clause number; the clause and its sub-clauses. Absent: the whole document. */
  clause?: string;
  reason: string;
  kind: 'inline' | 'config';
}

/** `contract-lint-disable-next-clause agency.kpi.defined, agency.exit.* -- reason` */
// Rule ids contain hyphens (agency.exit.no-early-termination): only a `--` after white space starts the reason.
const DIRECTIVE = /^contract-lint-(disable-next-clause|disable)\s+(.+?)(?:\s+--\s*(.*))?$/;

const ruleMatches = (pattern: string, id: string) => pattern === id || pattern === '*' || (pattern.endsWith('.*') && id.startsWith(pattern.slice(0, -1)));

function subtreeEnd(c: Clause): number {
  return Math.max(c.endLine, ...c.children.map(subtreeEnd));
}

function flatten(clauses: Clause[]): Clause[] {
  return clauses.flatMap((c) => [c, ...flatten(c.children)]);
}

/** Inline directives of a Markdown or text contract, as suppressions bound to the clause after each. */
export function inlineSuppressions(doc: ContractDocument): Array<SuppressionRule & { range?: [number, number] }> {
  const clauses = flatten(doc.tree.children);
  const out: Array<SuppressionRule & { range?: [number, number] }> = [];
  for (const d of doc.directives) {
    const m = DIRECTIVE.exec(d.text.trim());
    if (!m) continue;
    const reason = m[3]?.trim() || 'no reason given';
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    if (m[1] === 'disable') {
      for (const rule of rules) out.push({ rule, reason, kind: 'inline' });
      continue;
    }
    const next = clauses.find((c) => c.location.line > d.line);
    if (!next) continue;
    for (const rule of rules) out.push({ rule, reason, kind: 'inline', range: [next.location.line, subtreeEnd(next)] });
  }
  return out;
}

/**
 * Marks suppressed findings (they stay in the report with the reason, and no longer count for the exit code).
 */
export function applySuppressions(doc: ContractDocument, findings: Finding[], configured: Array<{ rule: string; clause?: string; reason: string }>): Finding[] {
  const clauses = flatten(doc.tree.children);
  const rules: Array<SuppressionRule & { range?: [number, number] }> = [...inlineSuppressions(doc)];
  for (const c of configured) {
    if (c.clause === undefined) {
      rules.push({ ...c, kind: 'config' });
      continue;
    }
    const target = clauses.find((x) => x.number === c.clause);
    if (target) rules.push({ ...c, kind: 'config', range: [target.location.line, subtreeEnd(target)] });
  }
  if (!rules.length) return findings;
  return findings.map((f) => {
    const hits = rules.filter(
      (r) => ruleMatches(r.rule, f.ruleId) && (!r.range || (f.location.clause !== undefined && f.location.line >= r.range[0] && f.location.line <= r.range[1])),
    );
    return hits.length ? { ...f, suppressions: hits.map((h) => ({ kind: h.kind, justification: h.reason })) } : f;
  });
}
