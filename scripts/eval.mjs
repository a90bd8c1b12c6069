#!/usr/bin/env node
// Precision and recall of the agency pack.
//   1. Our evaluation set (fixtures/eval, labelled per concern in labels.json): a concern is "flagged" when the
//      report's status for it is not ok; the label says whether a reviewer for the merchant would flag it.
//   2. CUAD (../shared/corpus/cuad, skipped when absent): per aspect, reported in `concerns[*].aspects`, against
//      CUAD's annotations in labels.csv.
// Usage: node scripts/eval.mjs [--verbose | --blind] [--cuad-txt] [--set fixtures/eval-holdout]
//   --blind  totals only, no file names: measuring a set must not show which contracts it gets wrong
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFiles } from '../dist/node/lint-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const blind = process.argv.includes('--blind');
const verbose = process.argv.includes('--verbose') && !blind;
const useTxt = process.argv.includes('--cuad-txt');
const setArg = process.argv.indexOf('--set');
// --set takes a folder under the project root or a set's bare name (eval-ember).
const setPath = (name) => (existsSync(path.join(root, name, 'labels.json')) ? name : path.join('fixtures', name));
const sets = setArg > 0 ? [setPath(process.argv[setArg + 1] ?? '')] : ['fixtures/eval', 'fixtures/eval-holdout', 'fixtures/eval-blind', 'fixtures/eval-final', 'fixtures/eval-fresh', 'fixtures/eval-sealed', 'fixtures/eval-reserve', 'fixtures/eval-unseen', 'fixtures/eval-holdback', 'fixtures/eval-capstone', 'fixtures/eval-last', 'fixtures/eval-probe', 'fixtures/eval-trial', 'fixtures/eval-kiln', 'fixtures/eval-wharf', 'fixtures/eval-quay', 'fixtures/eval-mill', 'fixtures/eval-gauge', 'fixtures/eval-vault', 'fixtures/eval-delta', 'fixtures/eval-orbit', 'fixtures/eval-ember', 'fixtures/eval-jetty', 'fixtures/eval-anvil', 'fixtures/eval-inlet', 'fixtures/eval-yarrow', 'fixtures/eval-zenith', 'fixtures/eval-xylem'].filter((d) => existsSync(path.join(root, d, 'labels.json')));
const CORE = ['service-scope', 'acceptance', 'kpi', 'data-access', 'exit', 'liability-waiver'];
const MORE = ['sales-guarantee', 'payment', 'breach', 'team'];

const pct = (x) => (Number.isFinite(x) ? x.toFixed(2) : '  – ');
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function score(pairs) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const [predicted, actual] of pairs) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, tn, precision, recall, f1: f1(precision, recall) };
}

function table(title, rows) {
  console.log(`\n${title}`);
  console.log(`${'concern / aspect'.padEnd(30)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)} ${'TN'.padStart(3)}  precision  recall    F1`);
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(30)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} ${String(s.tn).padStart(3)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1).padStart(4)}`);
  }
}

async function lintAll(files, cwd) {
  const { files: reports } = await lintFiles(files, { cwd });
  return new Map(reports.map((r) => [r.path, r]));
}

// 1. Our evaluation sets: fixtures/eval is the development set; every other set was written blind to the rules,
// measured blind once, and then used to find general faults (README, "Measured accuracy"). A set kept unseen prints
// totals only in the default run, as with --blind; add a new blind set here until it has been measured.
const UNSEEN = new Set();
for (const set of sets) {
const hide = blind || (UNSEEN.has(set) && setArg < 0);
const evalDir = path.join(root, set);
if (!existsSync(path.join(evalDir, 'labels.json'))) {
  console.error(`eval: no labels.json in ${set}; give --set a folder such as fixtures/eval-ember or its name eval-ember`);
  process.exit(2);
}
const labels = JSON.parse(readFileSync(path.join(evalDir, 'labels.json'), 'utf8'));
const reports = await lintAll(labels.map((l) => l.file), evalDir);
const mistakes = [];
const rows = [];
const all = [];
for (const concern of [...CORE, ...MORE]) {
  const pairs = [];
  for (const l of labels) {
    const r = reports.get(l.file);
    if (r.error) {
      mistakes.push(`${l.file}: unreadable: ${r.error.message}`);
      continue;
    }
    const status = r.concerns[concern]?.status ?? 'ok';
    const predicted = status !== 'ok';
    const actual = (l.concerns[concern] ?? 'ok') !== 'ok';
    pairs.push([predicted, actual]);
    if (predicted !== actual) {
      const why = r.findings.filter((f) => f.category === concern && !f.suppressions).map((f) => `${f.ruleId}@${f.location.clause ?? 'doc'}`);
      mistakes.push(`${predicted ? 'FP' : 'FN'} ${concern.padEnd(16)} ${l.file}  label=${l.concerns[concern]} got=${status} ${why.join(' ')}`);
    }
  }
  const s = score(pairs);
  rows.push([concern, s]);
  if (CORE.includes(concern)) all.push(...pairs);
}
rows.push(['— six core concerns, overall', score(all)]);
table(`${set}: ${labels.length} contracts, concern flagged = status not ok`, rows);

// A complete contract must get no warning and no error.
const complete = labels.filter((l) => Object.values(l.concerns).every((v) => v === 'ok'));
const noisy = complete.filter((l) => reports.get(l.file).findings.some((f) => f.severity !== 'info' && !f.suppressions));
console.log(`complete contracts with a warning or error: ${noisy.length} of ${complete.length}${noisy.length && !hide ? ' (' + noisy.map((l) => l.file).join(', ') + ')' : ''}`);

// Aspects
const ASPECTS = [...new Set(labels.flatMap((l) => l.aspects ?? []))].sort();
const aspectRows = ASPECTS.map((a) => [
  a,
  score(labels.filter((l) => !reports.get(l.file).error).map((l) => [Object.values(reports.get(l.file).concerns).some((c) => c.aspects.includes(a)), (l.aspects ?? []).includes(a)])),
]);
table(`${set}: aspects`, aspectRows);
for (const l of labels) {
  const r = reports.get(l.file);
  if (r.error) continue;
  for (const a of ASPECTS) {
    const predicted = Object.values(r.concerns).some((c) => c.aspects.includes(a));
    const actual = (l.aspects ?? []).includes(a);
    if (predicted !== actual) mistakes.push(`${predicted ? 'FP' : 'FN'} aspect ${a.padEnd(27)} ${l.file}`);
  }
}
if (verbose && !hide) console.log('\n' + mistakes.join('\n'));
else if (mistakes.length) console.log(`\n${mistakes.length} disagreements (--verbose lists them)`);
}

// 2. CUAD
const cuad = path.resolve(root, '../shared/corpus/cuad');
if (!existsSync(path.join(cuad, 'labels.csv'))) {
  console.log('\nCUAD: ../shared/corpus/cuad not found, skipped');
} else {
  const lines = readFileSync(path.join(cuad, 'labels.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const aspects = header.slice(3);
  const entries = lines.slice(1).map((line) => {
    const cells = line.trim().split(',');
    return { file: useTxt ? cells[1] : cells[0], labels: Object.fromEntries(aspects.map((a, i) => [a, cells[3 + i] === 'Yes'])) };
  });
  const cuadReports = await lintAll(entries.map((e) => e.file), cuad);
  const cuadMistakes = [];
  const cuadRows = aspects.map((a) => {
    const pairs = entries.map((e) => {
      const r = cuadReports.get(e.file);
      const predicted = !r.error && Object.values(r.concerns).some((c) => c.aspects.includes(a));
      if (predicted !== e.labels[a]) cuadMistakes.push(`${predicted ? 'FP' : 'FN'} ${a.padEnd(28)} ${path.basename(e.file)}`);
      return [predicted, e.labels[a]];
    });
    return [a, score(pairs)];
  });
  table(`CUAD: ${entries.length} contracts (${useTxt ? 'txt' : 'pdf'}), aspect reported vs annotated`, cuadRows);
  if (verbose) console.log('\n' + cuadMistakes.join('\n'));
}
