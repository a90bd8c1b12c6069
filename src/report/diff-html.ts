import type { ClauseChange, DiffResult } from '../diff/index.js';
import { headingHunk, type Hunk } from '../diff/text-diff.js';
import type { Finding } from '../rules/types.js';
import type { Language } from '../types.js';
import { changeWhere, changeWord, clauseLabel, wordsFor } from './diff-words.js';
import { escapeHtml as e, htmlPage } from './html.js';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f6f8fa}
header{padding:12px 20px;background:#24292f;color:#fff}header h1{margin:0;font-size:18px}header p{margin:2px 0 0;opacity:.8;font-size:13px;word-break:break-all}
main{padding:8px 20px 24px;max-width:1200px}section{margin:16px 0}h2{font-size:16px;margin:0 0 8px}
.concern{display:inline-block;margin:0 8px 6px 0;padding:2px 10px;border-radius:12px;background:#fff;border:1px solid #d0d7de;font-size:13px}
.worse b{color:#a40e26}.better b{color:#116329}
.finding{background:#fff;border:1px solid #d0d7de;border-left:4px solid #bf8700;border-radius:6px;padding:6px 10px;margin:6px 0;font-size:14px}
.finding.error{border-left-color:#cf222e}.finding.info{border-left-color:#0969da}.finding .where,.finding .rule{color:#57606a;font-size:12px}
.finding .suggest{color:#116329;font-size:13px}
.change{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:8px 0;overflow:hidden}
.change h3{margin:0;padding:6px 10px;font-size:14px;background:#f6f8fa;border-bottom:1px solid #d0d7de}
.kind{display:inline-block;min-width:5em;font-weight:600}.added .kind{color:#116329}.removed .kind{color:#a40e26}.modified .kind,.moved .kind,.retitled .kind{color:#7d4e00}
.sides{display:grid;grid-template-columns:1fr 1fr}.side{padding:8px 10px;white-space:pre-wrap;word-break:break-word;min-width:0}.side+.side{border-left:1px solid #d0d7de}
.side .label{display:block;color:#57606a;font-size:12px}
del{background:#ffebe9;color:#82071e;text-decoration:line-through}ins{background:#dafbe1;color:#116329;text-decoration:none}
.muted{color:#57606a}
@media (max-width:800px){.sides{grid-template-columns:1fr}.side+.side{border-left:0;border-top:1px solid #d0d7de}}
`;

function hunkSide(h: Hunk, side: 'old' | 'new'): string {
  const changed = side === 'old' ? h.removed : h.added;
  const tag = side === 'old' ? 'del' : 'ins';
  return `${e(h.before)}${changed ? `<${tag}>${e(changed)}</${tag}>` : ''}${e(h.after)}`;
}

function changeHtml(c: ClauseChange, w: ReturnType<typeof wordsFor>): string {
  const oldLabel = c.old ? `<span class="label">${e(clauseLabel(c.old))}${c.old.page ? ` · p. ${c.old.page}` : ''}</span>` : '';
  const newLabel = c.new ? `<span class="label">${e(clauseLabel(c.new))}${c.new.page ? ` · p. ${c.new.page}` : ''}</span>` : '';
  let oldText = '';
  let newText = '';
  if (c.change === 'removed') oldText = `<del>${e(c.excerpt ?? '')}</del>`;
  else if (c.change === 'added') newText = `<ins>${e(c.excerpt ?? '')}</ins>`;
  else if (c.hunks?.length || c.retitled) {
    const hunks = c.hunks?.length ? c.hunks : [headingHunk(c.old?.heading ?? null, c.new?.heading ?? null)];
    oldText = hunks.map((h) => hunkSide(h, 'old')).join(' <span class="muted">…</span> ');
    newText = hunks.map((h) => hunkSide(h, 'new')).join(' <span class="muted">…</span> ');
  } else oldText = newText = `<span class="muted">${e(w.moved)}</span>`;
  const sub = c.subclauses ? ` <span class="muted">(${e(w.sub(c.subclauses))})</span>` : '';
  return `<div class="change ${c.change}"><h3><span class="kind">${e(changeWord(c, w))}</span> ${e(changeWhere(c))}${sub}</h3>
<div class="sides"><div class="side">${oldLabel}${oldText}</div><div class="side">${newLabel}${newText}</div></div></div>`;
}

function findingHtml(f: Finding, w: ReturnType<typeof wordsFor>): string {
  const where = f.location.clause ? (f.clausePath ?? [f.location.clause]).join(' › ') : w.doc;
  return `<div class="finding ${f.severity}"><div>${e(f.message)}</div><div class="where">${e(where)}${f.location.page ? ` · p. ${f.location.page}` : ''} · <span class="rule">${e(f.ruleId)}</span></div>${
    f.excerpt ? `<div class="muted">“${e(f.excerpt)}”</div>` : ''
  }${f.suggestion ? `<div class="suggest">${e(w.ask)}: ${e(f.suggestion)}</div>` : ''}</div>`;
}

/**
 * The diff as one self-contained page: what got worse, new findings, then each changed clause side by side (old
 * left, new right, deletions and insertions marked). Everything from a contract or a rule is escaped, and the page
 * runs no script.
 */
export function formatDiffHtml(diff: DiffResult, options: { language?: Language } = {}): string {
  const lang = options.language ?? diff.new.language;
  const w = wordsFor(lang);
  const worse = diff.concerns.filter((x) => x.direction === 'worse');
  const better = diff.concerns.filter((x) => x.direction === 'better');
  const concern = (x: (typeof diff.concerns)[number]) => `<span class="concern ${x.direction}">${e(x.concern)}: ${e(w.status[x.old])} → <b>${e(w.status[x.new])}</b></span>`;
  return htmlPage({
    lang,
    title: `${w.title}: ${diff.new.path}`,
    css: CSS,
    body: `<header><h1>${e(w.title)}</h1><p>${e(diff.old.path)} → ${e(diff.new.path)}</p></header>
<main>
${worse.length ? `<section id="worse"><h2>${e(w.worse)}</h2>${worse.map(concern).join('')}</section>` : ''}
<section id="introduced"><h2>${e(w.introduced)}</h2>${diff.findings.introduced.length ? diff.findings.introduced.map((f) => findingHtml(f, w)).join('\n') : `<p class="muted">${e(w.noFindings)}</p>`}</section>
<section id="clauses"><h2>${e(w.clauses)}</h2>${diff.clauses.length ? diff.clauses.map((c) => changeHtml(c, w)).join('\n') : `<p class="muted">${e(w.nothing)}</p>`}${
    diff.summary.renumbered ? `<p class="muted">${e(w.renumbered(diff.summary.renumbered))}</p>` : ''
  }</section>
${better.length || diff.findings.resolved.length ? `<section id="better"><h2>${e(w.better)}</h2>${better.map(concern).join('')}${diff.findings.resolved.map((f) => findingHtml(f, w)).join('\n')}</section>` : ''}
</main>`,
  });
}
