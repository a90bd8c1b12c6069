#!/usr/bin/env node
// Reads every document of ../shared/corpus into a clause tree and prints, per file: clauses found, the top-level
// numbers and whether they run without gaps, parties and roles, and milliseconds. Skips when the corpus is absent.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContract, matchClauseNumber } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(root, '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: skipped`);
  process.exit(0);
}

const SUPPORTED = /\.(docx|pdf|md|markdown|txt)$/i;
function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return walk(full);
      return SUPPORTED.test(name) && !/README|labels/i.test(name) ? [full] : [];
    });
}

const count = (clauses) => clauses.reduce((n, c) => n + 1 + count(c.children), 0);

/** Top-level numbers run without gaps when each scheme's values go up by one (annexes excepted). */
function gaps(clauses) {
  const last = new Map();
  const problems = [];
  for (const c of clauses) {
    if (!c.number) continue;
    const m = matchClauseNumber(c.number);
    if (!m || m.annex) continue;
    // 1.0, 2.0 and Section 3.1-style top-level numbers count by their first component.
    const first = Number((/\d+/.exec(c.number) ?? [])[0]);
    const value = /^(?:decimal|section|clause)-[2-9]/.test(m.scheme) && Number.isFinite(first) ? first : m.value;
    const prev = last.get(c.scheme);
    if (prev !== undefined && value !== prev + 1) problems.push(`${c.number} after ${prev}`);
    last.set(c.scheme, value);
  }
  return problems;
}

let totalMs = 0;
let failures = 0;
const rows = [];
for (const file of walk(corpus)) {
  const rel = path.relative(corpus, file);
  const t0 = performance.now();
  const result = await readContract(file, { cwd: root });
  const ms = performance.now() - t0;
  totalMs += ms;
  if (result.error) {
    failures++;
    rows.push(`${rel}\n  ERROR ${result.error.code}: ${result.error.message}  (${ms.toFixed(0)} ms)`);
    continue;
  }
  const d = result.document;
  const top = d.tree.children.map((c) => c.number ?? `[${(c.heading ?? '').slice(0, 20)}]`);
  const g = gaps(d.tree.children);
  const parties = d.parties.map((p) => `${p.label}${p.name ? '=' + p.name.slice(0, 40) : ''} → ${p.role ?? '?'}${p.roleSource ? ` (${p.roleSource})` : ''}`);
  rows.push(
    [
      `${rel}`,
      `  ${d.format}/${d.language}, ${count(d.tree.children)} clauses, ${d.tree.children.length} top-level, ${ms.toFixed(0)} ms${d.pageCount ? `, ${d.pageCount} pages` : ''}`,
      `  top: ${top.slice(0, 24).join(' | ')}${top.length > 24 ? ` … (+${top.length - 24})` : ''}`,
      `  sequence: ${g.length ? 'GAPS ' + g.slice(0, 6).join('; ') : 'no gaps'}`,
      `  parties: ${parties.join('; ') || 'none found'}`,
    ].join('\n'),
  );
}
console.log(rows.join('\n'));
console.log(`\n${rows.length} files, ${failures} unreadable, ${totalMs.toFixed(0)} ms in all`);
