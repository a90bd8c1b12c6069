#!/usr/bin/env node
// Speed and memory, each figure a ratio against a baseline run in the same script (machines here are shared and
// noisy, so ratios travel better than seconds). Prints one table. Usage: npm run bench [-- --runs 3]
//   - CUAD PDFs: contract-lint over the folder (one process, --format json) vs pdftotext over the same files
//   - DOCX: contract-lint over the DOCX files vs mammoth's own text extraction of them in one process
//   - cold start: --version and the lint of one short .txt vs `node -e 0`
//   - scaling: one contract repeated 1x, 8x, 64x: time (in one warm process) exponent and peak RSS of the 64x file
//   - throughput: 300 generated contracts (mixed formats) in one thread (--workers 0) and with the default workers
// A missing baseline (no pdftotext, no corpus) is reported as skipped.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/contract-lint');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const corpus = path.resolve(root, '../shared/corpus');
const rows = [];
const loadAtStart = os.loadavg()[0];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Wall time (ms) and peak RSS (KB, from /usr/bin/time when present) of one command. */
function once(cmd, args, opts = {}) {
  const timed = has('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  const rss = timed ? Number((r.stderr.trim().split('\n').pop() ?? '').trim()) : NaN;
  return { ms, rss, status: r.status };
}

/**
 * Median of `runs` runs after one warm-up, for a command and its baseline run alternately; `gap` and `ratio` are the
 * medians of the differences and ratios within each pair, which the host's load drifting during the runs moves less
 * than it moves either.
 */
function pair(a, b, runs = RUNS) {
  once(...a);
  if (b) once(...b);
  const as = [];
  const bs = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const x = once(...a);
    as.push(x.ms);
    rss.push(x.rss);
    if (b) bs.push(once(...b).ms);
  }
  const ratios = b ? as.map((x, i) => x / bs[i]) : [];
  return {
    a: median(as),
    b: b ? median(bs) : NaN,
    gap: b ? median(as.map((x, i) => x - bs[i])) : NaN,
    // Each run against the baseline run beside it: a change in the host's speed during the script moves both.
    ratio: b ? median(ratios) : NaN,
    spread: b ? `runs ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : '',
    rss: Math.max(...rss),
  };
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const row = (what, ours, base, ratio, target, note = '') => rows.push({ what, ours, base, ratio, target, note });

// 1. CUAD PDFs vs pdftotext
const pdfDir = path.join(corpus, 'cuad/pdf');
if (!existsSync(pdfDir)) row('CUAD PDFs (22) vs pdftotext', 'skipped', '', '', '≤ 0.8', 'corpus absent');
else if (!has('pdftotext')) row('CUAD PDFs (22) vs pdftotext', 'skipped', '', '', '≤ 0.8', 'no pdftotext');
else {
  const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(pdfDir, f));
  const loop = `for f in "$@"; do pdftotext "$f" - > /dev/null; done`;
  const r = pair(['node', [bin, '--format', 'json', '--output', '/dev/null', pdfDir]], ['sh', ['-c', loop, 'sh', ...pdfs]]);
  row(`CUAD PDFs (${pdfs.length}) vs pdftotext`, fmt(r.a), fmt(r.b), r.ratio.toFixed(2), '≤ 0.8', `${r.spread}; peak RSS ${(r.rss / 1024).toFixed(0)} MB`);
}

// 2. DOCX vs mammoth's own extraction, both one process
const docxs = [
  ...(existsSync(path.join(corpus, 'templates-en')) ? readdirSync(path.join(corpus, 'templates-en')).filter((f) => f.endsWith('.docx')).map((f) => path.join(corpus, 'templates-en', f)) : []),
  ...['fixtures/contracts', 'fixtures/eval'].flatMap((d) => readdirSync(path.join(root, d)).filter((f) => f.endsWith('.docx')).map((f) => path.join(root, d, f))),
];
{
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-docx-'));
  docxs.forEach((f, i) => copyFileSync(f, path.join(tmp, `${i}-${path.basename(f)}`)));
  const mammothScript = `const m=require(${JSON.stringify(path.join(root, 'node_modules/mammoth'))});const fs=require('fs');(async()=>{for(const f of process.argv.slice(1)) await m.extractRawText({buffer:fs.readFileSync(f)});})()`;
  const r = pair(['node', [bin, '--format', 'json', '--output', '/dev/null', tmp]], ['node', ['-e', mammothScript, ...readdirSync(tmp).map((f) => path.join(tmp, f))]]);
  row(`DOCX (${docxs.length}) vs mammoth extractRawText`, fmt(r.a), fmt(r.b), r.ratio.toFixed(2), '≤ 1.3', r.spread);
  rmSync(tmp, { recursive: true, force: true });
}

// 3. Cold start
{
  const txt = path.join(root, 'fixtures/eval/en-03-complete.txt');
  // (a cold start is short, so it is run more often: a few tens of milliseconds are what is measured)
  const runs = Math.max(RUNS, 21);
  const v = pair(['node', [bin, '--version']], ['node', ['-e', '0']], runs);
  row('cold start: --version vs node -e 0', fmt(v.a), fmt(v.b), `+${fmt(v.gap)}`, '—', `median of ${runs} paired runs`);
  const t = pair(['node', [bin, '--output', '/dev/null', txt]], ['node', ['-e', '0']], runs);
  row('cold start: lint one .txt vs node -e 0', fmt(t.a), fmt(t.b), `+${fmt(t.gap)}`, '≤ +150 ms', `median of ${runs} paired runs`);
}

// 4. Scaling: one contract repeated. Time is measured inside one warm process (reading, clause tree, rules), so that
// start-up, which does not grow with the file, does not flatten the exponent; peak RSS is the CLI's on the 64x file.
{
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
  const base = readFileSync(path.join(root, 'fixtures/eval/zh-03-complete.md'), 'utf8');
  const body = base.slice(base.indexOf('\n## '));
  const files = {};
  for (const n of [1, 8, 64]) writeFileSync((files[n] = path.join(tmp, `x${n}.md`)), base + body.repeat(n - 1));
  const inProcess = `
    const lib = await import(${JSON.stringify(path.join(root, 'dist/index.js'))});
    const { readFileSync } = await import('node:fs');
    const { rules } = await lib.loadPacks([{ dir: ${JSON.stringify(path.join(root, 'rules/agency'))}, pack: 'agency', builtin: true }]);
    const out = {};
    for (const [n, f] of Object.entries(${JSON.stringify(files)})) {
      const bytes = readFileSync(f);
      const once = async () => { const t = performance.now(); lib.lintDocument(await lib.parseContract(bytes, f), rules); return performance.now() - t; };
      await once();
      const ts = [];
      for (let i = 0; i < ${RUNS} + 2; i++) ts.push(await once());
      out[n] = ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)];
    }
    console.log(JSON.stringify(out));`;
  const r = spawnSync('node', ['--input-type=module', '-e', inProcess], { encoding: 'utf8' });
  const times = JSON.parse(r.stdout);
  const rss64 = pair(['node', [bin, '--format', 'json', '--output', '/dev/null', files[64]]]).rss;
  const exponent = Math.log(times[64] / times[8]) / Math.log(8);
  row('scaling 1x / 8x / 64x (in-process)', `${fmt(times[1])} / ${fmt(times[8])} / ${fmt(times[64])}`, '', `exponent ${exponent.toFixed(2)} (8x→64x)`, '≈ 1 (linear)', `64x (${(statSync(files[64]).size / 1024).toFixed(0)} KB) peak RSS ${(rss64 / 1024).toFixed(0)} MB`);
  rmSync(tmp, { recursive: true, force: true });
}

// 5. Throughput: 300 generated contracts, mixed formats
{
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-many-'));
  const sources = readdirSync(path.join(root, 'fixtures/eval')).filter((f) => /\.(docx|pdf|md|txt)$/.test(f));
  for (let i = 0; i < 300; i++) {
    const f = sources[i % sources.length];
    const bytes = readFileSync(path.join(root, 'fixtures/eval', f));
    // Vary each copy so that no two files are the same bytes (a cache would otherwise be measured).
    const data = /\.(md|txt)$/.test(f) && !f.includes('gbk') ? Buffer.concat([bytes, Buffer.from(`\n\n附注 ${i}\n`)]) : bytes;
    writeFileSync(path.join(tmp, `${String(i).padStart(3, '0')}-${f}`), data);
  }
  const one = pair(['node', [bin, '--workers', '0', '--format', 'json', '--output', '/dev/null', tmp]]);
  const all = pair(['node', [bin, '--format', 'json', '--output', '/dev/null', tmp]]);
  row(`throughput: 300 files, one thread`, `${(300 / (one.a / 1000)).toFixed(0)} files/s`, fmt(one.a), '', '—');
  row(`throughput: 300 files, ${os.availableParallelism()} cores`, `${(300 / (all.a / 1000)).toFixed(0)} files/s`, fmt(all.a), `speed-up ${(one.a / all.a).toFixed(2)}×`, '—', `peak RSS ${(all.rss / 1024).toFixed(0)} MB`);
  rmSync(tmp, { recursive: true, force: true });
}

// This machine's load average when the run began and ended: work left running here shows in every row.
const loadAtEnd = os.loadavg()[0];
const cols = ['what', 'ours', 'base', 'ratio', 'target', 'note'];
const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => String(r[c]).length))]));
console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${RUNS} runs after a warm-up; load average ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end`);
console.log(cols.map((c) => c.padEnd(width[c])).join('  '));
for (const r of rows) console.log(cols.map((c) => String(r[c]).padEnd(width[c])).join('  '));
