import type { FileReport } from '../node/lint-files.js';
import type { Finding } from '../rules/types.js';
import type { Language } from '../types.js';
import { messageLanguage } from '../rules/localize.js';
import { summarize } from './summary.js';

/** Everything taken from a contract or a rule goes through here: a contract is hostile input. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const WORDS = {
  en: { concerns: 'Concerns', findings: 'Findings', ok: 'ok', weak: 'weak', missing: 'missing', doc: 'whole contract', suggest: 'Suggested clause', none: 'Nothing to raise.', unreadable: 'Could not be read', text: 'Contract text' },
  zh: { concerns: '关注点', findings: '问题', ok: '完备', weak: '薄弱', missing: '缺失', doc: '全文', suggest: '建议条款', none: '没有需要提出的问题。', unreadable: '无法读取', text: '合同正文' },
  'zh-Hant': { concerns: '關注點', findings: '問題', ok: '完備', weak: '薄弱', missing: '缺失', doc: '全文', suggest: '建議條款', none: '沒有需要提出的問題。', unreadable: '無法讀取', text: '合約正文' },
};

const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f6f8fa}
header{padding:12px 20px;background:#24292f;color:#fff}header h1{margin:0;font-size:18px}header p{margin:2px 0 0;opacity:.8;font-size:13px}
.file{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:16px;padding:16px 20px;border-bottom:1px solid #d0d7de}
.file h2{grid-column:1/-1;margin:0;font-size:16px;word-break:break-all}
.text{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 0;overflow-x:auto}
.line{display:flex;padding:0 12px;white-space:pre-wrap;word-break:break-word;scroll-margin-top:60px}
.line .no{flex:0 0 3.5em;color:#8c959f;text-align:right;padding-right:12px;user-select:none}
.line.error{background:#ffebe9}.line.warning{background:#fff8c5}.line.info{background:#ddf4ff}
.line:target{outline:2px solid #0969da}
mark{background:#ff8182;color:inherit;border-radius:2px}.line.warning mark{background:#eac54f}.line.info mark{background:#80ccff}
aside{position:sticky;top:8px;align-self:start;max-height:calc(100vh - 16px);overflow-y:auto}
aside section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin-bottom:12px}
aside h3{margin:4px 0 8px;font-size:14px}
.concern{display:flex;justify-content:space-between;gap:8px;font-size:13px;padding:2px 0}
.badge{border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap}.ok{background:#dafbe1;color:#116329}.weak{background:#fff8c5;color:#7d4e00}.missing{background:#ffebe9;color:#a40e26}
.finding{display:block;text-decoration:none;color:inherit;border-left:3px solid #d0d7de;padding:4px 8px;margin:6px 0;font-size:13px}
.finding.error{border-color:#cf222e}.finding.warning{border-color:#bf8700}.finding.info{border-color:#0969da}
.finding .where{color:#57606a;font-size:12px}.finding .suggest{color:#116329;font-size:12px}
.unreadable{grid-column:1/-1;color:#a40e26}
@media (max-width:800px){.file{grid-template-columns:1fr}aside{position:static;max-height:none}}
`;

function findingsByLine(findings: Finding[]): Map<number, Finding[]> {
  const map = new Map<number, Finding[]>();
  for (const f of findings) {
    if (!f.excerpt || !f.location.clause) continue;
    const list = map.get(f.location.line) ?? [];
    list.push(f);
    map.set(f.location.line, list);
  }
  return map;
}

const worst = (list: Finding[]) => (list.some((f) => f.severity === 'error') ? 'error' : list.some((f) => f.severity === 'warning') ? 'warning' : 'info');

/** A line of contract text, escaped, with the excerpts of its findings marked. */
function renderLine(text: string, findings: Finding[] | undefined): string {
  if (!findings?.length) return escapeHtml(text);
  const ranges: Array<[number, number]> = [];
  for (const f of findings) {
    const needle = f.excerpt!.replace(/…$/, '');
    const at = text.indexOf(needle);
    if (at >= 0) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s < pos) continue;
    out += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return out + escapeHtml(text.slice(pos));
}

/**
 * One self-contained HTML file, working offline: per contract, its text with each finding highlighted where it is,
 * and a side panel of concerns and findings that link to the lines. No script runs, none from a contract or
 * otherwise: the page's policy forbids it.
 */
export function formatHtml(files: FileReport[], options: { language?: Language } = {}): string {
  const s = summarize(files);
  const sections = files.map((file, fi) => {
    const lang = messageLanguage(options.language, file.document);
    const w = WORDS[lang];
    const id = (line: number) => `f${fi}-L${line}`;
    if (file.error || !file.document) {
      return `<div class="file"><h2>${escapeHtml(file.path)}</h2><p class="unreadable">${w.unreadable}: ${escapeHtml(file.error?.message ?? '')} (${escapeHtml(file.error?.code ?? '')})</p></div>`;
    }
    const active = file.findings.filter((f) => !f.suppressions?.length);
    const byLine = findingsByLine(active);
    const lines = file.document.lines
      .map((text, i) => {
        const n = i + 1;
        const here = byLine.get(n);
        return `<div class="line${here ? ' ' + worst(here) : ''}" id="${id(n)}"><span class="no">${n}</span><span>${renderLine(text, here)}</span></div>`;
      })
      .join('\n');
    const concerns = Object.entries(file.concerns)
      .map(([c, r]) => `<div class="concern"><span>${escapeHtml(c)}</span><span class="badge ${r.status}">${w[r.status]}</span></div>`)
      .join('');
    const findings = active.length
      ? active
          .map((f) => {
            const where = f.location.clause ? (f.clausePath ?? [f.location.clause]).join(' › ') : w.doc;
            const href = f.location.clause ? ` href="#${id(f.location.line)}"` : '';
            return `<a class="finding ${f.severity}"${href}><div>${escapeHtml(f.message)}</div><div class="where">${escapeHtml(where)}${f.location.clause ? ` · ${f.location.page ? `p.${f.location.page} · ` : ''}${lang === 'en' ? 'line' : '行'} ${f.location.line}` : ''} · ${escapeHtml(f.ruleId)}</div>${f.suggestion ? `<div class="suggest">${w.suggest}: ${escapeHtml(f.suggestion)}</div>` : ''}</a>`;
          })
          .join('\n')
      : `<p>${w.none}</p>`;
    return `<div class="file"><h2>${escapeHtml(file.path)}</h2>
<main class="text" aria-label="${w.text}">${lines}</main>
<aside><section><h3>${w.concerns}</h3>${concerns}</section><section><h3>${w.findings} (${active.length})</h3>${findings}</section></aside></div>`;
  });
  const lang = options.language ?? files.find((f) => f.document)?.document?.language ?? 'en';
  const header = `<header><h1>contract-lint</h1><p>${s.files} file(s) · ${s.errors} error(s) · ${s.warnings} warning(s)${s.unreadable ? ` · ${s.unreadable} unreadable` : ''}</p></header>`;
  return htmlPage({ lang, title: 'contract-lint report', css: CSS, body: `${header}\n${sections.join('\n')}` });
}

/**
 * One self-contained page. The policy allows no script, no request and no frame: whatever a contract smuggles into
 * the text cannot run even if escaping were ever missed.
 */
export function htmlPage(page: { lang: string; title: string; css: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(page.title)}</title>
<style>${page.css}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
