/**
 * What a revision changed: clauses added, removed, reworded, moved and retitled, findings introduced and resolved,
 * and concerns whose status moved. Pure: two read and linted documents in, a report out.
 */
import { concernRank } from '../rules/engine.js';
import type { ConcernReport, ConcernStatus, Finding, Severity } from '../rules/types.js';
import type { ContractDocument, DocFormat, Language } from '../types.js';
import { alignClauses, outOfOrder, similarity, type Alignment } from './align.js';
import { clauseEntries, type ClauseEntry } from './clause-entries.js';
import { changeHunks, headingHunk, renderHunk, type Hunk } from './text-diff.js';

export interface LintedVersion {
  path: string;
  document: ContractDocument;
  findings: Finding[];
  concerns: Record<string, ConcernReport>;
}

export interface ClauseRef {
  number: string | null;
  heading: string | null;
  /** Numbers of the enclosing clauses and the clause's own. */
  path: string[];
  line: number;
  page?: number;
}

export type ChangeKind = 'added' | 'removed' | 'modified' | 'moved' | 'retitled';

export interface ClauseChange {
  change: ChangeKind;
  old?: ClauseRef;
  new?: ClauseRef;
  /** Also moved among its siblings or to another article. */
  moved?: boolean;
  /** The heading changed. */
  retitled?: boolean;
  /** 0–1, how alike the old and new wording are (modified clauses). */
  similarity?: number;
  /** What changed in the wording (modified), or the wording itself (added, removed), shortened. */
  excerpt?: string;
  hunks?: Hunk[];
  /** Clauses inside an added or removed clause. */
  subclauses?: number;
}

export interface ConcernChange {
  concern: string;
  old: ConcernStatus;
  new: ConcernStatus;
  direction: 'worse' | 'better';
}

export interface DiffResult {
  old: { path: string; format: DocFormat; language: Language; clauses: number };
  new: { path: string; format: DocFormat; language: Language; clauses: number };
  clauses: ClauseChange[];
  findings: { introduced: Finding[]; resolved: Finding[] };
  concerns: ConcernChange[];
  summary: {
    added: number;
    removed: number;
    modified: number;
    moved: number;
    retitled: number;
    /** Clauses whose number changed while their wording did not (not listed in `clauses`). */
    renumbered: number;
    introduced: { errors: number; warnings: number; infos: number };
    resolved: number;
    worse: number;
    better: number;
  };
}

const refOf = (e: ClauseEntry): ClauseRef => ({
  number: e.clause.number,
  heading: e.clause.heading,
  path: e.path,
  line: e.clause.location.line,
  ...(e.clause.location.page !== undefined ? { page: e.clause.location.page } : {}),
});

const EXCERPT_CHARS = 160;
const shorten = (s: string) => (s.length > EXCERPT_CHARS ? s.slice(0, EXCERPT_CHARS - 1).trimEnd() + '…' : s);
const countDescendants = (entries: ClauseEntry[], e: ClauseEntry): number => e.children.reduce((n, c) => n + 1 + countDescendants(entries, entries[c]), 0);

/** The clause changes, in the new version's order, removed clauses where they used to be. */
function clauseChanges(olds: ClauseEntry[], news: ClauseEntry[], alignment: Alignment): { changes: ClauseChange[]; renumbered: number } {
  // Moved: out of order among the pairs that share a parent pair (or are both articles), or under another parent.
  const moved = new Set(alignment.crossParent);
  const groups = new Map<number | null, Array<{ old: number; new: number; index: number }>>();
  for (const [o, n] of alignment.toNew) {
    const oe = olds[o];
    const ne = news[n];
    if (alignment.crossParent.has(o)) continue;
    if (oe.parent !== null && alignment.toNew.get(oe.parent) !== ne.parent) continue;
    const list = groups.get(oe.parent) ?? [];
    list.push({ old: oe.order, new: ne.order, index: o });
    groups.set(oe.parent, list);
  }
  for (const pairs of groups.values()) {
    const out = outOfOrder(pairs);
    for (const p of pairs) if (out.has(p.old)) moved.add(p.index);
  }

  const changes: Array<ClauseChange & { at: number }> = [];
  let renumbered = 0;
  for (const ne of news) {
    const o = alignment.toOld.get(ne.index);
    if (o === undefined) {
      // An added clause inside an added clause is counted with it, not listed.
      if (ne.parent !== null && !alignment.toOld.has(ne.parent)) continue;
      changes.push({ at: ne.index, change: 'added', new: refOf(ne), excerpt: shorten(ne.heading ? `${ne.heading} ${ne.body}`.trim() : ne.body), subclauses: countDescendants(news, ne) || undefined });
      continue;
    }
    const oe = olds[o];
    const reworded = oe.key !== ne.key;
    const retitled = oe.headingKey !== ne.headingKey;
    const isMoved = moved.has(o);
    if ((oe.clause.number ?? '') !== (ne.clause.number ?? '')) renumbered++;
    if (!reworded && !retitled && !isMoved) continue;
    const change: ClauseChange = { change: reworded ? 'modified' : isMoved ? 'moved' : 'retitled', old: refOf(oe), new: refOf(ne) };
    if (isMoved) change.moved = true;
    if (retitled) change.retitled = true;
    if (reworded) {
      const { hunks, more } = changeHunks(oe.body, ne.body);
      change.similarity = Math.round(similarity(oe.key, ne.key) * 100) / 100;
      change.hunks = hunks;
      change.excerpt = hunks.map(renderHunk).join(' … ') + (more ? ` (+${more})` : '');
    } else if (retitled) {
      change.excerpt = renderHunk(headingHunk(oe.heading, ne.heading));
    }
    changes.push({ ...change, at: ne.index });
  }
  // Removed clauses go after the new clause that follows their old position's predecessor.
  for (const oe of olds) {
    if (alignment.toNew.has(oe.index)) continue;
    if (oe.parent !== null && !alignment.toNew.has(oe.parent)) continue;
    let anchor = -1;
    for (let i = oe.index - 1; i >= 0; i--) {
      const n = alignment.toNew.get(i);
      if (n !== undefined) {
        anchor = n;
        break;
      }
    }
    changes.push({ at: anchor + 0.5, change: 'removed', old: refOf(oe), excerpt: shorten(oe.heading ? `${oe.heading} ${oe.body}`.trim() : oe.body), subclauses: countDescendants(olds, oe) || undefined });
  }
  changes.sort((a, b) => a.at - b.at);
  return { changes: changes.map(({ at: _at, ...c }) => stripUndefined(c)), renumbered };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The deepest clause whose lines hold `line`. */
function entryAtLine(entries: ClauseEntry[], line: number): ClauseEntry | undefined {
  let best: ClauseEntry | undefined;
  for (const e of entries) if (e.clause.location.line <= line && line <= e.clause.endLine && (!best || e.depth >= best.depth)) best = e;
  return best;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const STATUS_RANK: Record<ConcernStatus, number> = { ok: 0, weak: 1, missing: 2 };
const worstFirst = (a: Finding, b: Finding) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || concernRank(a.category) - concernRank(b.category) || a.location.line - b.location.line;

/** The findings of `side` left over once each is paired with one of `other` under the same key (a multiset difference). */
function unmatched(side: Array<{ f: Finding; k: string }>, other: Array<{ f: Finding; k: string }>): Finding[] {
  const available = new Map<string, number>();
  for (const { k } of other) available.set(k, (available.get(k) ?? 0) + 1);
  const out: Finding[] = [];
  for (const { f, k } of side) {
    const n = available.get(k) ?? 0;
    if (n > 0) available.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/**
 * Findings in one version and not the other. A finding is the same in both when the same rule raises it about
 * the same clause (paired by wording, so renumbering changes nothing) or, for something missing from the whole
 * contract, about the whole contract.
 */
function compareFindings(oldV: LintedVersion, newV: LintedVersion, olds: ClauseEntry[], news: ClauseEntry[], toOld: Map<number, number>) {
  const keyOld = (f: Finding) => {
    if (!f.location.clause) return `${f.ruleId}@doc`;
    const e = entryAtLine(olds, f.location.line);
    return `${f.ruleId}@${e ? `o${e.index}` : 'doc'}`;
  };
  const keyNew = (f: Finding) => {
    if (!f.location.clause) return `${f.ruleId}@doc`;
    const e = entryAtLine(news, f.location.line);
    if (!e) return `${f.ruleId}@doc`;
    const o = toOld.get(e.index);
    return `${f.ruleId}@${o !== undefined ? `o${o}` : `n${e.index}`}`;
  };
  const keyed = (fs: Finding[], key: (f: Finding) => string) => fs.filter((f) => !f.suppressions?.length).map((f) => ({ f, k: key(f) }));
  const oldKeyed = keyed(oldV.findings, keyOld);
  const newKeyed = keyed(newV.findings, keyNew);
  const introduced = unmatched(newKeyed, oldKeyed);
  const resolved = unmatched(oldKeyed, newKeyed);
  return { introduced: introduced.sort(worstFirst), resolved: resolved.sort(worstFirst) };
}

function compareConcerns(oldC: Record<string, ConcernReport>, newC: Record<string, ConcernReport>): ConcernChange[] {
  const out: ConcernChange[] = [];
  for (const concern of new Set([...Object.keys(oldC), ...Object.keys(newC)])) {
    const before = oldC[concern]?.status ?? 'ok';
    const after = newC[concern]?.status ?? 'ok';
    if (before === after) continue;
    out.push({ concern, old: before, new: after, direction: STATUS_RANK[after] > STATUS_RANK[before] ? 'worse' : 'better' });
  }
  // Worse first, the worst outcome first, then SPEC's order.
  return out.sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'worse' ? -1 : 1) || STATUS_RANK[b.new] - STATUS_RANK[a.new] || concernRank(a.concern) - concernRank(b.concern));
}

export function diffVersions(oldV: LintedVersion, newV: LintedVersion): DiffResult {
  const olds = clauseEntries(oldV.document);
  const news = clauseEntries(newV.document);
  const alignment = alignClauses(olds, news);
  const { changes, renumbered } = clauseChanges(olds, news, alignment);
  const findings = compareFindings(oldV, newV, olds, news, alignment.toOld);
  const concerns = compareConcerns(oldV.concerns, newV.concerns);
  const count = (k: ChangeKind) => changes.filter((c) => c.change === k).length;
  const bySeverity = (s: Severity) => findings.introduced.filter((f) => f.severity === s).length;
  return {
    old: { path: oldV.path, format: oldV.document.format, language: oldV.document.language, clauses: olds.length },
    new: { path: newV.path, format: newV.document.format, language: newV.document.language, clauses: news.length },
    clauses: changes,
    findings,
    concerns,
    summary: {
      added: count('added'),
      removed: count('removed'),
      modified: count('modified'),
      moved: changes.filter((c) => c.moved).length,
      retitled: changes.filter((c) => c.retitled).length,
      renumbered,
      introduced: { errors: bySeverity('error'), warnings: bySeverity('warning'), infos: bySeverity('info') },
      resolved: findings.resolved.length,
      worse: concerns.filter((c) => c.direction === 'worse').length,
      better: concerns.filter((c) => c.direction === 'better').length,
    },
  };
}
