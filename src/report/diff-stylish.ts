import { Chalk } from 'chalk';
import type { DiffResult } from '../diff/index.js';
import type { Finding } from '../rules/types.js';
import type { Language } from '../types.js';
import { changeWhere, changeWord, wordsFor } from './diff-words.js';

/**
 * The diff for a person at a terminal, worst first: concerns that got worse, findings the new version brings,
 * then the clause changes in the new version's order, then what got better.
 */
export function formatDiffStylish(diff: DiffResult, options: { color: boolean; language?: Language }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lang = options.language ?? diff.new.language;
  const w = wordsFor(lang);
  const out: string[] = [c.underline(`${diff.old.path} → ${diff.new.path}`)];
  const sev = (s: Finding['severity']) => (s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info'));
  const finding = (f: Finding, mark: string) => {
    const where = f.location.clause ? (f.clausePath ?? [f.location.clause]).join(' › ') : w.doc;
    out.push(`  ${mark} ${c.dim(where)}  ${sev(f.severity)}  ${f.message}  ${c.dim(f.ruleId)}`);
    if (f.excerpt) out.push(`      ${c.dim('“' + f.excerpt + '”')}`);
  };

  const worse = diff.concerns.filter((x) => x.direction === 'worse');
  if (worse.length) {
    out.push('', c.bold(w.worse));
    for (const x of worse) out.push(`  ${x.concern}  ${w.status[x.old]} → ${c.red(w.status[x.new])}`);
  }
  out.push('', c.bold(w.introduced));
  if (diff.findings.introduced.length === 0) out.push(`  ${w.noFindings}`);
  for (const f of diff.findings.introduced) finding(f, c.red('+'));

  out.push('', c.bold(w.clauses));
  if (diff.clauses.length === 0) out.push(`  ${w.nothing}`);
  for (const ch of diff.clauses) {
    const paint = ch.change === 'removed' ? c.red : ch.change === 'added' ? c.green : c.yellow;
    const sub = ch.subclauses ? ` (${w.sub(ch.subclauses)})` : '';
    out.push(`  ${paint(changeWord(ch, w).padEnd(lang === 'zh' ? 4 : 9))} ${changeWhere(ch)}${sub}`);
    if (ch.excerpt) out.push(`      ${c.dim(ch.excerpt)}`);
  }
  if (diff.summary.renumbered) out.push(c.dim(`  (${w.renumbered(diff.summary.renumbered)})`));

  const better = diff.concerns.filter((x) => x.direction === 'better');
  if (better.length || diff.findings.resolved.length) {
    out.push('', c.bold(w.better));
    for (const x of better) out.push(`  ${x.concern}  ${w.status[x.old]} → ${c.green(w.status[x.new])}`);
    for (const f of diff.findings.resolved) finding(f, c.green('-'));
  }

  const s = diff.summary;
  const counts = `${s.added} ${w.added}, ${s.removed} ${w.removed}, ${s.modified} ${w.modified}, ${s.moved} ${w.moved}`;
  const intro =
    lang === 'zh'
      ? `新增 ${s.introduced.errors} 个错误、${s.introduced.warnings} 个警告，解决 ${s.resolved} 个`
      : `${s.introduced.errors} new error${s.introduced.errors === 1 ? '' : 's'}, ${s.introduced.warnings} new warning${s.introduced.warnings === 1 ? '' : 's'}, ${s.resolved} resolved`;
  const line = `${intro}${lang === 'zh' ? '；' : '; '}${counts}`;
  out.push('', s.introduced.errors ? c.red.bold(`✖ ${line}`) : s.introduced.warnings || s.worse ? c.yellow.bold(`⚠ ${line}`) : c.green.bold(`✔ ${line}`));
  return out.join('\n') + '\n';
}
