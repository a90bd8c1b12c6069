import type { ContractDocument, PartyRole, Language } from '../types.js';
import { compileScope } from './conditions.js';
import { buildView, excerptOf, positionAt, type Unit } from './document-view.js';
import type { KindResult, KindRunner } from './kinds/kind.js';
import { conditionalKind } from './kinds/conditional.js';
import { forbidKind } from './kinds/forbid.js';
import { oneSidedKind } from './kinds/one-sided.js';
import { requireDetailKind } from './kinds/require-detail.js';
import { requireKind } from './kinds/require.js';
import { thresholdKind } from './kinds/threshold.js';
import { fill, localize, messageLanguage } from './localize.js';
import type { CompiledRule, ConcernReport, Finding, KindSpec, RuleSpec, Severity, SourceLocation } from './types.js';
import { compareStrings } from '../util/compare-strings.js';

export interface RunnableRule extends CompiledRule {
  run: KindRunner;
  inScope: (u: Unit) => boolean;
}

export const KIND_NAMES = ['require', 'require-detail', 'forbid', 'one-sided', 'threshold', 'conditional'] as const;

function runnerOf(kind: KindSpec): { name: keyof KindSpec; run: KindRunner } {
  if (kind.require) return { name: 'require', run: requireKind(kind.require) };
  if (kind['require-detail']) return { name: 'require-detail', run: requireDetailKind(kind['require-detail']) };
  if (kind.forbid) return { name: 'forbid', run: forbidKind(kind.forbid) };
  if (kind['one-sided']) return { name: 'one-sided', run: oneSidedKind(kind['one-sided']) };
  if (kind.threshold) return { name: 'threshold', run: thresholdKind(kind.threshold) };
  if (kind.conditional) return { name: 'conditional', run: conditionalKind(kind.conditional) };
  throw new Error(`unknown rule kind: ${Object.keys(kind).join(', ')}`);
}

/** Compiles a validated rule once per run: its patterns, scope and kind. Throws PatternError on a bad pattern. */
export function compileRule(spec: RuleSpec, source: SourceLocation, pack: string): RunnableRule {
  const { name, run } = runnerOf(spec.kind);
  return { spec, id: spec.id, severity: spec.severity, kindName: name, source, pack, run, inScope: compileScope(spec.scope) };
}

export interface LintOptions {
  /** The side the reader is on (default client: the merchant who hires the agency). */
  party?: PartyRole;
  /** Language of messages (default: the document's). */
  language?: Language;
  /** Severity overrides and switches by rule id. */
  ruleSettings?: Record<string, Severity | 'off'>;
  /** The document is a template: blanks to fill in (category `placeholder`) are expected, not findings. */
  template?: boolean;
}

export interface LintResult {
  findings: Finding[];
  concerns: Record<string, ConcernReport>;
}

/** SPEC.md's concern vocabulary, in its order: reports list these first, then a pack's own concerns. */
export const CONCERN_ORDER = ['service-scope', 'acceptance', 'kpi', 'data-access', 'exit', 'liability-waiver', 'sales-guarantee', 'payment', 'breach', 'team'];

/** A concern's place in SPEC.md's order; any other category comes after them all. */
export function concernRank(id: string): number {
  const i = CONCERN_ORDER.indexOf(id);
  return i < 0 ? CONCERN_ORDER.length : i;
}

/** SPEC.md's concerns in their order, then any other category by name. */
export const compareConcerns = (a: string, b: string): number => concernRank(a) - concernRank(b) || compareStrings(a, b);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

type Hit = KindResult['hits'][number];

/**
 * "Article (6) Guaranteed Sales ⏎ 6.1 The First Party guarantees …": a hit on a clause's heading alone says again
 * what a hit in its body or in one of its sub-clauses says, at the place that matters. The heading's hit is dropped.
 */
function withoutHeadingEchoes(hits: Hit[]): Hit[] {
  const inHeading = (h: Hit) => !!(h.unit?.heading && h.match && h.match[0] >= h.unit.heading[0] && h.match[1] <= h.unit.heading[1]);
  const echoed = (h: Hit, o: Hit) => o !== h && !!h.unit?.clause && ((o.unit === h.unit && !inHeading(o)) || !!o.unit?.ancestors.includes(h.unit.clause));
  return hits.filter((h) => !inHeading(h) || !hits.some((o) => echoed(h, o)));
}

/** Runs the rules over one document. Pure: the document and the rules in, findings and concern overview out. */
export function lintDocument(doc: ContractDocument, rules: RunnableRule[], options: LintOptions = {}): LintResult {
  const view = buildView(doc);
  const party = options.party ?? 'client';
  const language = messageLanguage(options.language, doc);
  const findings: Finding[] = [];
  const concerns: Record<string, { units: Set<Unit>; aspects: Set<string>; present: boolean; flagged: boolean }> = {};

  for (const rule of rules) {
    const setting = options.ruleSettings?.[rule.id];
    if (setting === 'off') continue;
    if (options.template && rule.spec.category === 'placeholder') continue;
    const severity = setting ?? rule.severity;
    const units = view.units.filter(rule.inScope);
    const result = rule.run({ view, units, party, language });
    const concern = (concerns[rule.spec.category] ??= { units: new Set(), aspects: new Set(), present: false, flagged: false });
    for (const u of result.addressing) concern.units.add(u);
    if (result.present || result.addressing.length) concern.present = true;
    if (result.present) for (const a of rule.spec.aspects ?? []) concern.aspects.add(a);
    if (rule.spec.report === 'aspects-only') continue;
    for (const hit of withoutHeadingEchoes(result.hits)) {
      if (severity !== 'info') concern.flagged = true;
      const vars = { ...(hit.vars ?? {}), favours: hit.favours ?? '' };
      const finding: Finding = {
        ruleId: rule.id,
        category: rule.spec.category,
        severity,
        message: fill(localize(rule.spec.message, language), vars),
        location: { line: 1 },
      };
      if (hit.unit) {
        const at = hit.match ? hit.match[0] : 0;
        finding.location = positionAt(hit.unit, at);
        if (hit.unit.clause?.number) finding.location.clause = hit.unit.clause.number;
        const path = [...hit.unit.ancestors, ...(hit.unit.clause ? [hit.unit.clause] : [])].map((c) => c.number).filter((n): n is string => !!n);
        if (path.length > 1) finding.clausePath = path;
        if (hit.unit.clause?.heading) finding.location.heading = hit.unit.clause.heading;
        finding.excerpt = hit.match && hit.match[1] > hit.match[0] ? excerptOf(hit.unit, hit.match[0], hit.match[1]) : excerptOf(hit.unit, 0, Math.min(hit.unit.norm.text.length, 120));
      } else {
        finding.location = { line: 1 };
      }
      const suggestion = localize(rule.spec.suggestion, language);
      if (suggestion) finding.suggestion = suggestion;
      if (hit.favours) finding.favours = hit.favours;
      findings.push(finding);
    }
  }
  findings.sort(
    (a, b) => a.location.line - b.location.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareStrings(a.ruleId, b.ruleId),
  );
  const order = new Map(view.units.map((u, i) => [u, i]));
  const report: Record<string, ConcernReport> = {};
  const ids = Object.keys(concerns).sort(compareConcerns);
  for (const [id, c] of ids.map((k) => [k, concerns[k]] as const)) {
    const clauses = [...c.units]
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .map((u) => u.clause?.number)
      .filter((n): n is string => !!n);
    report[id] = {
      // Missing: nothing in the contract addresses the concern; weak: something does, but a rule objects to it.
      status: !c.flagged ? 'ok' : c.present ? 'weak' : 'missing',
      clauses: [...new Set(clauses)],
      aspects: [...c.aspects].sort(),
    };
  }
  return { findings, concerns: report };
}
