import { Chalk } from 'chalk';
import type { FileReport } from '../node/lint-files.js';
import type { Language } from '../types.js';
import { messageLanguage } from '../rules/localize.js';
import type { MessageLanguage } from '../rules/types.js';
import { summarize } from './summary.js';

const STATUS_WORDS: Record<string, Record<MessageLanguage, string>> = {
  ok: { en: 'ok', zh: '完备', 'zh-Hant': '完備' },
  weak: { en: 'weak', zh: '薄弱', 'zh-Hant': '薄弱' },
  missing: { en: 'missing', zh: '缺失', 'zh-Hant': '缺失' },
};
const SUGGESTED: Record<MessageLanguage, string> = { en: 'Suggested: ', zh: '建议条款：', 'zh-Hant': '建議條款：' };

/**
 * The default report for a person: per file, the concern overview, then the findings in document order with
 * clause, page and line, the excerpt and the suggested clause text; a summary line at the end.
 */
export function formatStylish(files: FileReport[], options: { color: boolean; quiet?: boolean; language?: Language }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const f of files) {
    if (f.error) continue;
    const lang = messageLanguage(options.language, f.document);
    const findings = f.findings.filter((x) => !x.suppressions?.length && (!options.quiet || x.severity === 'error'));
    out.push(c.underline(f.path));
    const concerns = Object.entries(f.concerns);
    if (concerns.length && !options.quiet) {
      const cells = concerns.map(([id, r]) => {
        const word = STATUS_WORDS[r.status][lang];
        const paint = r.status === 'ok' ? c.green : r.status === 'weak' ? c.yellow : c.red;
        return `${id} ${paint(word)}`;
      });
      out.push('  ' + cells.join(c.dim(' · ')));
    }
    for (const x of findings) {
      const where = [
        x.location.clause
          ? `${(x.clausePath ?? [x.location.clause]).join(' › ')}${x.location.heading ? ' ' + x.location.heading : ''}`
          : lang === 'en' ? 'document' : '全文',
        x.location.page ? `p.${x.location.page}` : '',
        // A finding about something missing from the whole document has no line worth showing.
        x.location.clause || x.excerpt ? `${lang === 'en' ? 'line' : '行'} ${x.location.line}` : '',
      ].filter(Boolean);
      const sev = x.severity === 'error' ? c.red('error') : x.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out.push(`  ${c.dim(where.join(', '))}  ${sev}  ${x.message}  ${c.dim(x.ruleId)}`);
      if (x.excerpt) out.push(`      ${c.dim('“' + x.excerpt + '”')}`);
      if (x.suggestion && !options.quiet) out.push(`      ${c.green(SUGGESTED[lang])}${x.suggestion}`);
    }
    out.push('');
  }
  const s = summarize(files);
  const problems = s.errors + s.warnings + s.infos;
  const parts = [`${s.files} file${s.files === 1 ? '' : 's'}`, `${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`];
  if (s.infos) parts.push(`${s.infos} info`);
  if (s.unreadable) parts.push(`${s.unreadable} unreadable`);
  const line = parts.join(', ');
  out.push(s.errors || s.unreadable ? c.red.bold(`✖ ${line}`) : problems ? c.yellow.bold(`⚠ ${line}`) : c.green.bold(`✔ ${line}`));
  return out.join('\n') + '\n';
}
