#!/usr/bin/env node
// Mutation fuzzing of the DOCX and PDF readers: real contracts from fixtures/contracts and fixtures/eval, damaged
// the ways files get damaged (bit flips, overwritten runs, truncation, inserted garbage) and the ways a hostile or
// broken writer damages them (zip entries shuffled, removed or replaced, XML attributes out of range, PDF streams
// rewritten with absurd numbers). Each case is parsed with the built library (dist/index.js) in a child process,
// the way the CLI reads a file in a worker thread: under a time budget (--budget, the CLI's --timeout), and stopped
// from outside when it outlives the budget by the CLI's grace of 5 s. Each case is classified:
//   ok           parsed
//   clean error  a ReadError (the user gets a one-line explanation), 'timeout' when the budget ran out
//   stopped      computed past budget + grace without yielding: the child is killed, as the CLI's pool terminates
//                the worker and reports 'timeout' (exit 2); input saved in .fuzz-crashes/ (a pdf.js loop to look at)
//   crash        any other exception, or the child died: message and stack recorded, input saved in .fuzz-crashes/
// A promise pdf.js rejects after a case has its answer is ignored by the CLI (src/cli/main.ts, lint-worker.ts); it
// is counted here as a stray rejection, grouped by message, not as a crash.
// Deterministic for a given --seed: case i is generated from (seed, i) alone.
//
//   npm run fuzz -- --iterations 2000 [--seed N] [--workers N] [--budget s]
//   node scripts/fuzz.mjs --replay .fuzz-crashes/<file>         re-run one saved input, print the outcome
//
// Exits 1 when there was any crash. A stopped case does not fail the run (the CLI recovers from it) but is listed and saved.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const CRASH_DIR = path.join(root, '.fuzz-crashes');


// ================================================================================================================
// Child: parses the cases it is sent, one at a time.

async function child() {
  const lib = await import(pathToFileURL(path.join(root, 'dist/index.js')).href);
  const { parseContract, ReadError } = lib;
  const { withTimeBudget } = await import(pathToFileURL(path.join(root, 'dist/ingest/limits.js')).href);
  const budget = Number(process.argv[process.argv.indexOf('--budget') + 1]);
  let current = null;
  let last = null;
  const rss = () => process.resourceUsage().maxRSS; // KB
  const report = (kind, e) => {
    process.send?.({ type: 'async-crash', kind, id: current ?? last, inFlight: current !== null, ...describe(e), maxRSS: rss() });
    // The process state after an uncaught error is unknown: let the parent start a fresh child.
    setTimeout(() => process.exit(70), 50);
  };
  process.on('uncaughtException', (e) => report('uncaughtException', e));
  process.on('unhandledRejection', (e) => process.send?.({ type: 'stray-rejection', id: current ?? last, ...describe(e) }));

  // Warm up (pdf.js and mammoth load on first use) so that the first case is not timed with module loading.
  const warm = path.join(root, 'fixtures/contracts');
  for (const ext of ['.docx', '.pdf']) {
    const f = readdirSync(warm).sort().find((n) => n.endsWith(ext));
    if (f) await parseContract(new Uint8Array(readFileSync(path.join(warm, f))), f).catch(() => undefined);
  }
  process.send({ type: 'ready', maxRSS: rss() });

  process.on('message', async (msg) => {
    if (msg?.type !== 'case') return;
    current = msg.id;
    const bytes = msg.bytes instanceof Uint8Array ? msg.bytes : new Uint8Array(msg.bytes);
    const t0 = performance.now();
    let result;
    try {
      const doc = await withTimeBudget(budget, () => parseContract(bytes, msg.name));
      result = { outcome: 'ok', format: doc.format, clauses: countClauses(doc.tree.children), lines: doc.lines.length };
    } catch (e) {
      if (e instanceof ReadError) result = { outcome: 'clean', code: e.code, message: e.message };
      else result = { outcome: 'crash', ...describe(e) };
    }
    const ms = performance.now() - t0;
    // Let rejections nobody handled surface now (Node reports them after a macrotask), so that they are blamed on
    // this case and not on the next one.
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setImmediate(r));
    last = current;
    current = null;
    process.send({ type: 'result', id: msg.id, ms, maxRSS: rss(), ...result });
  });
}

function countClauses(clauses) {
  let n = 0;
  for (const c of clauses) n += 1 + countClauses(c.children);
  return n;
}

function describe(e) {
  if (e instanceof Error) return { errorName: e.name, message: e.message, stack: e.stack ?? String(e) };
  return { errorName: typeof e, message: String(e), stack: `(thrown value, not an Error: ${String(e)})` };
}

// ================================================================================================================
// Parent

function parseArgs(argv) {
  const opts = { iterations: 1000, seed: 1, workers: Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length)), budget: 3, replay: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--iterations' || a === '-n') opts.iterations = intArg(a, val());
    else if (a === '--seed') opts.seed = intArg(a, val()) >>> 0;
    else if (a === '--workers') opts.workers = Math.max(1, intArg(a, val()));
    else if (a === '--budget') opts.budget = intArg(a, val());
    else if (a === '--replay') opts.replay = val();
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/fuzz.mjs [--iterations N] [--seed N] [--workers N] [--budget s] | --replay <file>');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return { ...opts, timeout: (opts.budget + GRACE_S) * 1000 };
}

/** The CLI's worker pool stops a reader this long after its time budget (src/node/worker-pool.ts). */
const GRACE_S = 5;

function intArg(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} takes a non-negative integer, not ${v}`);
  return n;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`fuzz: ${e.message}`);
    process.exit(2);
  }
  if (!existsSync(path.join(root, 'dist/index.js'))) {
    console.error('fuzz: dist/index.js is missing; run npm run build first (npm run fuzz does)');
    process.exit(2);
  }
  if (opts.replay) return replay(opts);

  const sources = await loadSources();
  const started = Date.now();
  const pool = new Pool(opts.workers, opts.timeout, opts.budget);
  await pool.start();

  const results = new Array(opts.iterations);
  const digests = new Array(opts.iterations);
  let next = 0;
  let done = 0;
  const progress = process.stderr.isTTY;
  const lane = async () => {
    while (next < opts.iterations) {
      const i = next++;
      const input = await generateCase(sources, opts.seed, i);
      digests[i] = createHash('sha1').update(input.bytes).digest('hex');
      const r = await pool.run(input.name, input.bytes, String(i));
      results[i] = { ...r, iteration: i, input };
      if (r.outcome === 'crash' || r.outcome === 'stopped') save(opts.seed, results[i]);
      input.bytes = undefined; // the saved ones are on disk; keep the parent small
      done++;
      if (progress && done % 10 === 0) process.stderr.write(`\r${done}/${opts.iterations}`);
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, lane));
  await pool.stop();
  // An uncaught error a child reported after it had already answered belongs to the case it last ran.
  for (const late of pool.lateCrashes) {
    const r = results[Number(late.id)];
    if (!r || r.outcome === 'crash' || r.outcome === 'stopped') continue;
    r.input = await generateCase(sources, opts.seed, r.iteration);
    Object.assign(r, { outcome: 'crash', async: late.kind, errorName: late.errorName, message: `${late.message} (reported after the case ${r.outcome === 'ok' ? 'parsed' : `failed cleanly (${r.code})`})`, stack: late.stack });
    save(opts.seed, r);
  }
  if (progress) process.stderr.write('\r\x1b[K');

  const elapsed = Date.now() - started;
  const inputsDigest = createHash('sha1').update(digests.join('')).digest('hex').slice(0, 12);
  printReport(opts, results, pool, elapsed, inputsDigest, sources);
  const bad = results.filter((r) => r.outcome === 'crash').length;
  process.exit(bad > 0 ? 1 : 0);
}

async function replay(opts) {
  const file = path.resolve(opts.replay);
  const bytes = new Uint8Array(readFileSync(file));
  const meta = existsSync(file.replace(/\.(docx|pdf)$/, '.json')) ? JSON.parse(readFileSync(file.replace(/\.(docx|pdf)$/, '.json'), 'utf8')) : null;
  const name = meta?.name ?? path.basename(file).replace(/^.*--/, '');
  const pool = new Pool(1, opts.timeout, opts.budget);
  await pool.start();
  let r = await pool.run(name, bytes);
  await new Promise((res) => setTimeout(res, 1000));
  const late = pool.lateCrashes[0];
  if (late && r.outcome !== 'crash') r = { ...r, outcome: 'crash', async: late.kind, errorName: late.errorName, message: `${late.kind} after the case ended: ${late.message}`, stack: late.stack };
  await pool.stop();
  console.log(`${path.relative(process.cwd(), file)} (as ${name}): ${r.outcome}${r.code ? ` ${r.code}` : ''} in ${Math.round(r.ms)} ms`);
  if (r.message) console.log(r.message);
  if (r.stack) console.log(r.stack);
  if (r.stderr) console.log(`child stderr:\n${r.stderr}`);
  for (const stray of pool.strays) console.log(`stray rejection (ignored by the CLI): ${stray.errorName}: ${stray.message}`);
  process.exit(r.outcome === 'crash' ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Child-process pool with a per-case timeout. A child that computes past the budget and grace is killed (SIGKILL works on a busy event loop);
// a child that dies is replaced. Peak RSS is the largest maxRSS any child reported.

class Pool {
  constructor(size, timeout, budget) {
    this.size = size;
    this.timeout = timeout;
    this.budget = budget;
    this.strays = [];
    this.idle = [];
    this.waiting = [];
    this.peakRssKb = 0;
    this.spawned = 0;
    this.lateCrashes = [];
  }

  async start() {
    const children = await Promise.all(Array.from({ length: this.size }, () => this.spawn()));
    this.idle.push(...children);
  }

  spawn() {
    this.spawned++;
    const proc = fork(here, ['--child', '--budget', String(this.budget)], {
      cwd: root,
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // A parser that balloons on a hostile file should die here (reported as a crash), not take the machine down.
      execArgv: ['--max-old-space-size=2048'],
    });
    const worker = { proc, tail: '', pending: null, dead: false };
    const keep = (chunk) => {
      worker.tail = (worker.tail + chunk.toString()).slice(-4000);
    };
    proc.stdout.on('data', keep);
    proc.stderr.on('data', keep);
    return new Promise((resolve, reject) => {
      const onReady = (msg) => {
        if (msg?.type !== 'ready') return;
        this.peakRssKb = Math.max(this.peakRssKb, msg.maxRSS ?? 0);
        proc.off('message', onReady);
        proc.off('exit', onEarlyExit);
        proc.on('message', (m) => this.onMessage(worker, m));
        proc.on('exit', (code, signal) => this.onExit(worker, code, signal));
        resolve(worker);
      };
      const onEarlyExit = (code, signal) => reject(new Error(`fuzz child exited before it was ready (${code ?? signal}):\n${worker.tail}`));
      proc.on('message', onReady);
      proc.on('exit', onEarlyExit);
    });
  }

  onMessage(worker, msg) {
    if (msg.maxRSS) this.peakRssKb = Math.max(this.peakRssKb, msg.maxRSS);
    if (msg.type === 'stray-rejection') return void this.strays.push(msg);
    const p = worker.pending;
    if (msg.type === 'async-crash' && (!p || (msg.id !== p.id && !msg.inFlight))) {
      // About an earlier case; the child is about to exit, so a case already sent to it is run again elsewhere.
      this.lateCrashes.push(msg);
      worker.dying = true;
      if (p) this.finish(worker, { outcome: 'retry' });
      return;
    }
    if (msg.type === 'async-crash') worker.dying = true;
    if (!p) return;
    if (msg.type === 'result' && msg.id === p.id) {
      this.finish(worker, { ...msg });
    } else if (msg.type === 'async-crash' && (msg.id === p.id || msg.inFlight)) {
      this.finish(worker, { outcome: 'crash', async: msg.kind, errorName: msg.errorName, message: msg.message, stack: msg.stack, ms: performance.now() - p.t0 });
    }
  }

  onExit(worker, code, signal) {
    worker.dead = true;
    const p = worker.pending;
    if (p && !p.killed && worker.dying) {
      this.finish(worker, { outcome: 'retry' });
    } else if (p && !p.killed) {
      this.finish(worker, {
        outcome: 'crash',
        errorName: 'ChildExit',
        message: `the child process died (exit code ${code}, signal ${signal})`,
        stack: worker.tail.trim().split('\n').slice(-15).join('\n') || '(no output)',
        ms: performance.now() - p.t0,
      });
    }
  }

  finish(worker, result) {
    const p = worker.pending;
    if (!p) return;
    clearTimeout(p.timer);
    worker.pending = null;
    if (result.outcome !== 'ok' && result.outcome !== 'clean') result.stderr = worker.tail.trim().split('\n').slice(-15).join('\n');
    p.resolve(result);
  }

  async acquire() {
    for (;;) {
      const w = this.idle.pop();
      if (!w) {
        await new Promise((r) => this.waiting.push(r));
        continue;
      }
      if (!w.dead && !w.dying && w.proc.connected) return w;
      // Replaced below; a dead child never goes back to the idle list.
      return this.spawn();
    }
  }

  release(worker) {
    if (worker.dead || worker.dying || !worker.proc.connected) {
      this.spawn().then((w) => this.putBack(w), (e) => {
        console.error(e.message);
        process.exit(2);
      });
    } else this.putBack(worker);
  }

  putBack(worker) {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  async run(name, bytes, id = 'replay') {
    const worker = await this.acquire();
    worker.tail = '';
    const result = await new Promise((resolve) => {
      const p = { id, t0: performance.now(), resolve, killed: false, timer: null };
      worker.pending = p;
      p.timer = setTimeout(() => {
        p.killed = true;
        worker.pending = null;
        worker.dead = true;
        worker.proc.kill('SIGKILL');
        resolve({ outcome: 'stopped', message: `no result within ${this.timeout} ms (budget ${this.budget} s + grace); child killed, as the CLI terminates the worker`, ms: performance.now() - p.t0, stderr: worker.tail.trim().split('\n').slice(-15).join('\n') });
      }, this.timeout);
      worker.proc.send({ type: 'case', id: p.id, name, bytes }, (err) => {
        if (err && worker.pending === p) this.finish(worker, { outcome: 'crash', errorName: 'SendError', message: `could not send the case to the child: ${err.message}`, stack: err.stack, ms: 0 });
      });
    });
    if (worker.dying && !worker.dead) {
      // An uncaught error reported by the child ends it (exit 70); wait so it is replaced, not reused.
      await new Promise((r) => (worker.dead ? r() : worker.proc.once('exit', r)));
    }
    this.release(worker);
    if (result.outcome === 'retry') return this.run(name, bytes, id);
    return result;
  }

  async stop() {
    await Promise.all(
      this.idle.map((w) => new Promise((r) => {
        if (w.dead) return r();
        w.proc.once('exit', r);
        w.proc.kill();
      })),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness: case i of seed s uses its own generator, so the cases do not depend on scheduling.

function mix32(a, b) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next() {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(xs) {
    return xs[this.int(xs.length)];
  }
  weighted(entries) {
    const total = entries.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of entries) if ((r -= w) < 0) return v;
    return entries[entries.length - 1][1];
  }
  /** Mostly short lengths, sometimes long: 1..max. */
  length(max) {
    const cap = Math.max(1, Math.min(max, 1 << this.int(12)));
    return this.range(1, cap);
  }
  bytes(n) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
  shuffle(xs) {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

async function loadSources() {
  const { default: JSZip } = await import('jszip');
  const sources = [];
  for (const dir of ['fixtures/contracts', 'fixtures/eval']) {
    for (const f of readdirSync(path.join(root, dir)).sort()) {
      const kind = f.endsWith('.docx') ? 'docx' : f.endsWith('.pdf') ? 'pdf' : null;
      if (!kind) continue;
      const bytes = new Uint8Array(readFileSync(path.join(root, dir, f)));
      const source = { kind, name: f, rel: `${dir}/${f}`, bytes };
      if (kind === 'docx') {
        const zip = await JSZip.loadAsync(bytes);
        source.entries = [];
        for (const [entryName, file] of Object.entries(zip.files)) {
          if (file.dir) continue;
          source.entries.push({ name: entryName, data: await file.async('uint8array') });
        }
      }
      sources.push(source);
    }
  }
  if (!sources.length) throw new Error('no DOCX or PDF fixtures found');
  return sources;
}

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

async function generateCase(sources, seed, i) {
  const rng = new Rng(mix32(seed, i));
  const source = rng.pick(sources);
  const steps = [];
  let bytes;
  if (source.kind === 'docx') {
    if (rng.chance(0.55)) {
      bytes = await mutateZip(rng, source, steps);
      if (rng.chance(0.15)) bytes = mutateBytes(rng, bytes, steps);
    } else {
      bytes = mutateBytes(rng, source.bytes, steps);
      if (rng.chance(0.25)) bytes = mutateBytes(rng, bytes, steps);
    }
  } else {
    const family = rng.weighted([[5, 'bytes'], [3, 'stream'], [2, 'token']]);
    if (family === 'stream') bytes = mutatePdfStream(rng, source.bytes, steps);
    else if (family === 'token') bytes = mutatePdfTokens(rng, source.bytes, steps);
    else bytes = mutateBytes(rng, source.bytes, steps);
    if (rng.chance(0.2)) bytes = mutateBytes(rng, bytes, steps);
  }
  return { kind: source.kind, source: source.rel, name: source.name, bytes, steps };
}

// ----- byte-level mutations ----------------------------------------------------------------------------------------

const INTERESTING_RUNS = ['PK\x03\x04', 'PK\x05\x06', 'PK\x01\x02', '%PDF-1.7', '%%EOF', 'endstream', 'endobj', 'xref', 'trailer', 'obj', 'stream', '<<', '>>', '[', ']', '(', ')', '\x00\x00\x00\x00', '\xff\xff\xff\xff', '<w:p>', '</w:p>', '<?xml'];

function mutateBytes(rng, input, steps) {
  const data = new Uint8Array(input);
  const n = data.length;
  const op = rng.weighted([[4, 'bitflip'], [3, 'overwrite'], [2, 'truncate'], [3, 'insert'], [1, 'delete'], [1, 'duplicate'], [1, 'interesting']]);
  switch (op) {
    case 'bitflip': {
      const k = rng.weighted([[6, rng.range(1, 4)], [3, rng.range(5, 32)], [1, rng.range(33, 512)]]);
      for (let j = 0; j < k; j++) data[rng.int(n)] ^= 1 << rng.int(8);
      steps.push(`bytes:bitflip x${k}`);
      return data;
    }
    case 'overwrite': {
      const at = rng.int(n);
      const len = Math.min(rng.length(4096), n - at);
      const fill = rng.pick(['random', 'zero', 'ff', 'copy']);
      for (let j = 0; j < len; j++) data[at + j] = fill === 'zero' ? 0 : fill === 'ff' ? 0xff : fill === 'copy' ? input[(at + j + 1 + rng.int(n)) % n] : rng.int(256);
      steps.push(`bytes:overwrite ${len}@${at} (${fill})`);
      return data;
    }
    case 'truncate': {
      const at = rng.chance(0.3) ? n - rng.length(Math.max(1, Math.floor(n / 8))) : rng.int(n);
      steps.push(`bytes:truncate at ${Math.max(0, at)} of ${n}`);
      return data.subarray(0, Math.max(0, at));
    }
    case 'insert': {
      const at = rng.int(n + 1);
      const garbage = rng.bytes(rng.length(8192));
      steps.push(`bytes:insert ${garbage.length}@${at}`);
      return concat(data.subarray(0, at), garbage, data.subarray(at));
    }
    case 'delete': {
      const at = rng.int(n);
      const len = Math.min(rng.length(4096), n - at);
      steps.push(`bytes:delete ${len}@${at}`);
      return concat(data.subarray(0, at), data.subarray(at + len));
    }
    case 'duplicate': {
      const from = rng.int(n);
      const len = Math.min(rng.length(8192), n - from);
      const at = rng.int(n + 1);
      steps.push(`bytes:duplicate ${len}@${from}->${at}`);
      return concat(data.subarray(0, at), data.subarray(from, from + len), data.subarray(at));
    }
    default: {
      const token = Buffer.from(rng.pick(INTERESTING_RUNS), 'latin1');
      const at = rng.int(n);
      const replace = rng.chance(0.5);
      steps.push(`bytes:${replace ? 'overwrite' : 'insert'} ${JSON.stringify(token.toString('latin1'))}@${at}`);
      if (replace) {
        data.set(token.subarray(0, n - at), at);
        return data;
      }
      return concat(data.subarray(0, at), token, data.subarray(at));
    }
  }
}

function concat(...parts) {
  return new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
}

// ----- DOCX: zip-level and XML-level mutations ---------------------------------------------------------------------

const KEY_ENTRIES = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels'];

async function mutateZip(rng, source, steps) {
  const { default: JSZip } = await import('jszip');
  let entries = source.entries.map((e) => ({ ...e }));
  const pickEntry = () => {
    const key = entries.filter((e) => KEY_ENTRIES.includes(e.name));
    return key.length && rng.chance(0.75) ? rng.pick(key) : rng.pick(entries);
  };
  const count = rng.weighted([[6, 1], [3, 2], [1, 3]]);
  for (let k = 0; k < count; k++) {
    const op = rng.weighted([[2, 'shuffle'], [2, 'remove'], [2, 'replace'], [3, 'corrupt'], [6, 'xml'], [1, 'rename'], [1, 'add']]);
    if (op === 'shuffle') {
      entries = rng.shuffle(entries);
      steps.push('zip:shuffle entries');
    } else if (op === 'remove' && entries.length > 1) {
      const e = pickEntry();
      entries = entries.filter((x) => x !== e);
      steps.push(`zip:remove ${e.name}`);
    } else if (op === 'replace') {
      const e = pickEntry();
      const how = rng.pick(['empty', 'random', 'other-entry', 'not-xml', 'other-xml']);
      e.data =
        how === 'empty' ? new Uint8Array(0)
        : how === 'random' ? rng.bytes(rng.length(65536))
        : how === 'other-entry' ? rng.pick(source.entries).data
        : how === 'not-xml' ? Buffer.from(rng.pick(['hello', '{"json":true}', '%PDF-1.4\n', 'PK\x03\x04', '\ufeff', '<', '<?xml version="1.0"?>']), 'utf8')
        : Buffer.from(rng.pick([
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
            '<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>',
            '<root><a><b></a></b>',
          ]), 'utf8');
      steps.push(`zip:replace ${e.name} (${how})`);
    } else if (op === 'corrupt') {
      const e = pickEntry();
      steps.push(`zip:corrupt ${e.name}`);
      if (e.data.length) e.data = mutateBytes(rng, e.data, steps);
    } else if (op === 'rename') {
      const e = pickEntry();
      const to = rng.pick(['word/document2.xml', 'Word/Document.xml', 'word/numbering.xml', '../evil.xml', '/abs.xml', 'word//document.xml', e.name + ' ']);
      steps.push(`zip:rename ${e.name} -> ${to}`);
      entries = entries.filter((x) => x.name !== to || x === e);
      e.name = to;
    } else if (op === 'add') {
      const name = rng.pick(['word/comments.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'customXml/item1.xml', 'word/media/image1.png']);
      const base = entries.find((x) => x.name === 'word/document.xml')?.data ?? rng.bytes(100);
      entries = entries.filter((x) => x.name !== name);
      entries.push({ name, data: rng.chance(0.5) ? base : rng.bytes(rng.length(4096)) });
      steps.push(`zip:add ${name}`);
    } else {
      const e = pickEntry();
      e.data = Buffer.from(mutateXml(rng, Buffer.from(e.data).toString('utf8'), e.name, steps), 'utf8');
    }
  }
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.data, { date: FIXED_DATE, createFolders: false, binary: true });
  const compression = rng.chance(0.7) ? 'DEFLATE' : 'STORE';
  return zip.generateAsync({ type: 'uint8array', compression, compressionOptions: { level: rng.range(1, 9) } });
}

const XML_VALUES = ['', '-1', '0', '1', '9', '10', '255', '65535', '4294967296', '-2147483649', '99999999999999999999', '1e308', 'NaN', 'abc', '%1', '%9.%1', '../../x', '/word/document.xml', 'word/missing.xml', 'http://example.com/x', '&amp;', '\u0000', '第%1条', 'chineseCounting', 'upperRoman', 'lowerLetter', 'decimalEnclosedCircle', 'ideographTraditional', 'bogusFormat', 'none', 'bullet'];

function mutateXml(rng, xml, name, steps) {
  const op = rng.weighted([[5, 'attr'], [2, 'delete-tag'], [2, 'duplicate-element'], [1, 'nest'], [1, 'entities'], [1, 'huge-text'], [1, 'lvl-text'], [1, 'truncate'], [1, 'swap-tags']]);
  const tags = [...xml.matchAll(/<[^>]{1,2000}>/g)];
  switch (op) {
    case 'attr': {
      const attrs = [...xml.matchAll(/\s([\w:]+)="([^"]*)"/g)];
      if (!attrs.length) break;
      let out = xml;
      const k = rng.range(1, 5);
      for (let j = 0; j < k; j++) {
        const list = [...out.matchAll(/\s([\w:]+)="([^"]*)"/g)];
        const m = rng.pick(list);
        const v = rng.pick(XML_VALUES);
        const at = m.index + m[0].indexOf('"') + 1;
        out = out.slice(0, at) + v + out.slice(at + m[2].length);
        steps.push(`xml:${name} ${m[1]}="${m[2]}" -> "${v}"`);
      }
      return out;
    }
    case 'delete-tag': {
      if (!tags.length) break;
      const m = rng.pick(tags);
      steps.push(`xml:${name} delete ${m[0].slice(0, 40)}`);
      return xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
    }
    case 'swap-tags': {
      if (tags.length < 2) break;
      const a = rng.pick(tags);
      const b = rng.pick(tags);
      if (a.index === b.index) break;
      const [x, y] = a.index < b.index ? [a, b] : [b, a];
      steps.push(`xml:${name} swap ${x[0].slice(0, 30)} <-> ${y[0].slice(0, 30)}`);
      return xml.slice(0, x.index) + y[0] + xml.slice(x.index + x[0].length, y.index) + x[0] + xml.slice(y.index + y[0].length);
    }
    case 'duplicate-element': {
      const els = [...xml.matchAll(/<(w:p|w:tbl|w:tr|w:tc|w:r|w:num|w:abstractNum|w:lvl|w:style|Relationship)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)];
      if (!els.length) break;
      const m = rng.pick(els);
      const times = rng.weighted([[5, rng.range(2, 10)], [3, rng.range(11, 500)], [1, rng.range(501, 5000)]]);
      steps.push(`xml:${name} duplicate <${m[1]}> x${times}`);
      return xml.slice(0, m.index) + m[0].repeat(times) + xml.slice(m.index + m[0].length);
    }
    case 'nest': {
      const at = xml.indexOf('<w:body>');
      if (at < 0) break;
      const depth = rng.weighted([[3, rng.range(10, 100)], [2, rng.range(101, 2000)], [1, rng.range(2001, 20000)]]);
      const open = rng.pick(['<w:tbl><w:tr><w:tc>', '<w:sdt><w:sdtContent>', '<w:ins>', '<w:hyperlink>', '<w:smartTag>']);
      const close = open.match(/<[\w:]+/g).reverse().map((t) => `</${t.slice(1)}>`).join('');
      const inner = '<w:p><w:r><w:t>第一条 深层嵌套</w:t></w:r></w:p>';
      steps.push(`xml:${name} nest ${open} x${depth}`);
      const b = at + '<w:body>'.length;
      return xml.slice(0, b) + open.repeat(depth) + inner + close.repeat(depth) + xml.slice(b);
    }
    case 'entities': {
      const levels = rng.range(2, 9);
      let dtd = '<!DOCTYPE d [<!ENTITY e0 "lol">';
      for (let l = 1; l <= levels; l++) dtd += `<!ENTITY e${l} "${`&e${l - 1};`.repeat(10)}">`;
      dtd += rng.chance(0.3) ? '<!ENTITY ext SYSTEM "file:///etc/passwd">]>' : ']>';
      const decl = xml.match(/^\s*<\?xml[^>]*\?>/)?.[0] ?? '';
      let body = xml.slice(decl.length);
      body = body.replace(/<w:t(\s[^>]*)?>/, (t) => `${t}&e${levels};${dtd.includes('ext') ? '&ext;' : ''}`);
      steps.push(`xml:${name} entity expansion 10^${levels}`);
      return decl + dtd + body;
    }
    case 'huge-text': {
      const t = /<w:t(?:\s[^>]*)?>/.exec(xml);
      if (!t) break;
      const end = t.index + t[0].length;
      const len = rng.weighted([[3, 10_000], [2, 200_000], [1, 3_000_000]]);
      const text = rng.pick(['第一条 ', '1.1 ', 'a', '（一）', '甲方 ', ' ', '_']).repeat(Math.ceil(len / 4));
      steps.push(`xml:${name} huge text ${text.length} chars`);
      return xml.slice(0, end) + text + xml.slice(end);
    }
    case 'lvl-text': {
      const list = [...xml.matchAll(/<w:lvlText w:val="([^"]*)"/g)];
      if (!list.length) break;
      const m = rng.pick(list);
      const v = rng.pick(['%1.%2.%3.%4.%5.%6.%7.%8.%9', '%0', '%10', '%%', '%', '%1%1%1%1%1%1%1%1', '第%9条', '', '%1.'.repeat(1000)]);
      steps.push(`xml:${name} lvlText -> ${v.slice(0, 30)}`);
      const at = m.index + m[0].indexOf('"') + 1;
      return xml.slice(0, at) + v + xml.slice(at + m[1].length);
    }
    case 'truncate': {
      const at = rng.int(xml.length);
      steps.push(`xml:${name} truncate at ${at}/${xml.length}`);
      return xml.slice(0, at);
    }
  }
  steps.push(`xml:${name} ${op} (nothing to do)`);
  return xml;
}

// ----- PDF: stream-level and token-level mutations -----------------------------------------------------------------

const PDF_NUMBERS = ['0', '-0', '1', '-1', '0.0001', '-0.0001', '100000', '-100000', '99999999999', '-99999999999', '3.4e38', '1e400', '2147483648', '-2147483649', '4294967296', '00000000000000000000000001', '.', '-', '--5', '1.2.3', 'NaN', 'Infinity', '9'.repeat(400)];

function pdfStreams(buf) {
  const text = buf.toString('latin1');
  const out = [];
  const re = />>\s*stream(\r\n|\n|\r)/g;
  let m;
  while ((m = re.exec(text))) {
    const dataStart = m.index + m[0].length;
    const end = text.indexOf('endstream', dataStart);
    if (end < 0) break;
    const objStart = text.lastIndexOf(' obj', m.index);
    if (objStart < 0) continue;
    const dict = text.slice(objStart, m.index + 2);
    let dataEnd = end;
    if (text[dataEnd - 1] === '\n') dataEnd--;
    if (text[dataEnd - 1] === '\r') dataEnd--;
    out.push({ objStart, dictEnd: m.index + 2, dataStart, dataEnd, dict, flate: /\/FlateDecode/.test(dict) && !/\/DecodeParms/.test(dict) });
    re.lastIndex = end;
  }
  return out;
}

function mutatePdfStream(rng, input, steps) {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const streams = pdfStreams(buf).filter((s) => s.flate);
  const decoded = [];
  for (const s of streams) {
    try {
      decoded.push({ s, data: zlib.inflateSync(buf.subarray(s.dataStart, s.dataEnd)) });
    } catch {
      // not a plain zlib stream
    }
  }
  if (!decoded.length) return mutateBytes(rng, input, steps);
  // Page content streams (text operators) and ToUnicode CMaps say the most about our code; prefer them.
  const texty = decoded.filter((d) => /\bBT\b|beginbfchar|beginbfrange/.test(d.data.toString('latin1')));
  const { s, data } = texty.length && rng.chance(0.8) ? rng.pick(texty) : rng.pick(decoded);
  const kind = /beginbf/.test(data.toString('latin1')) ? 'cmap' : /\bBT\b/.test(data.toString('latin1')) ? 'content' : 'other';
  let content = data.toString('latin1');
  const op = rng.weighted([[5, 'numbers'], [2, 'dup-lines'], [2, 'delete-lines'], [1, 'shuffle-lines'], [3, 'insert-ops'], [2, 'bytes']]);
  const lines = content.split('\n');
  switch (op) {
    case 'numbers': {
      const nums = [...content.matchAll(/-?\d+(?:\.\d+)?/g)];
      if (!nums.length) {
        steps.push(`pdf:${kind}-stream recompressed (no numbers)`);
        break;
      }
      const k = rng.weighted([[5, rng.range(1, 3)], [2, rng.range(4, 30)], [1, rng.range(31, 300)]]);
      const chosen = new Map();
      for (let j = 0; j < k; j++) {
        const m = rng.pick(nums);
        chosen.set(m.index, { len: m[0].length, v: rng.pick(PDF_NUMBERS) });
      }
      let out = '';
      let at = 0;
      for (const [idx, { len, v }] of [...chosen].sort((a, b) => a[0] - b[0])) {
        out += content.slice(at, idx) + v;
        at = idx + len;
      }
      content = out + content.slice(at);
      steps.push(`pdf:${kind}-stream numbers x${chosen.size}`);
      break;
    }
    case 'dup-lines': {
      const from = rng.int(lines.length);
      const len = Math.min(rng.range(1, 20), lines.length - from);
      const times = rng.weighted([[4, rng.range(2, 10)], [2, rng.range(11, 300)], [1, rng.range(301, 3000)]]);
      const chunk = lines.slice(from, from + len);
      const repeated = Array.from({ length: times }, () => chunk).flat();
      lines.splice(from, len, ...repeated);
      content = lines.join('\n');
      steps.push(`pdf:${kind}-stream duplicate ${len} lines x${times}`);
      break;
    }
    case 'delete-lines': {
      const from = rng.int(lines.length);
      const len = Math.min(rng.length(200), lines.length - from);
      lines.splice(from, len);
      content = lines.join('\n');
      steps.push(`pdf:${kind}-stream delete ${len} lines`);
      break;
    }
    case 'shuffle-lines': {
      content = rng.shuffle(lines).join('\n');
      steps.push(`pdf:${kind}-stream shuffle lines`);
      break;
    }
    case 'insert-ops': {
      const n = rng.range(1, 50);
      const ops = [];
      for (let j = 0; j < n; j++) ops.push(randomTextOp(rng));
      const at = rng.int(lines.length + 1);
      lines.splice(at, 0, ...ops);
      content = lines.join('\n');
      steps.push(`pdf:${kind}-stream insert ${n} operators`);
      break;
    }
    default: {
      const mutated = mutateBytes(rng, new Uint8Array(data), steps);
      content = Buffer.from(mutated).toString('latin1');
      steps.push(`pdf:${kind}-stream bytes`);
    }
  }
  const deflated = zlib.deflateSync(Buffer.from(content, 'latin1'));
  const dict = s.dict.replace(/\/Length\s+\d+(?!\s+\d+\s+R)/, `/Length ${deflated.length}`);
  let after = buf.subarray(s.dataEnd);
  // A /Length held in an indirect object (LibreOffice writes the length object right after the stream): update it.
  const ref = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(s.dict);
  if (ref) {
    const tail = after.toString('latin1');
    const lengthObj = new RegExp(`(\\b${ref[1]}\\s+${ref[2]}\\s+obj\\s*)\\d+`).exec(tail);
    if (lengthObj) after = Buffer.from(tail.slice(0, lengthObj.index) + lengthObj[1] + deflated.length + tail.slice(lengthObj.index + lengthObj[0].length), 'latin1');
  }
  return concat(buf.subarray(0, s.objStart), Buffer.from(dict, 'latin1'), buf.subarray(s.dictEnd, s.dataStart), deflated, after);
}

function randomTextOp(rng) {
  const num = () => rng.pick([rng.pick(PDF_NUMBERS), String(rng.range(-1000, 1000)), String(rng.next() * 2000 - 1000)]);
  const str = () => rng.pick(['(第一条 服务)', '(1.1 Services)', '()', '(\\)', '(((', `(${'x'.repeat(rng.length(5000))})`, '<4E2D>', '<>', '<0>', '[(a) -1e9 (b)]']);
  return rng.pick([
    () => `BT /F${rng.range(1, 9)} ${num()} Tf ${num()} ${num()} ${num()} ${num()} ${num()} ${num()} Tm ${str()} Tj ET`,
    () => `BT ${num()} ${num()} Td ${str()} Tj ET`,
    () => `${num()} ${num()} ${num()} ${num()} ${num()} ${num()} cm`,
    () => `${num()} Tz ${num()} TL ${num()} Tc ${num()} Tw ${num()} Ts T* ${str()} '`,
    () => `[${str()} ${num()} ${str()}] TJ`,
    () => rng.pick(['BT', 'ET', 'q', 'Q', 'T*', 'BI', 'ID', 'EI', '/Im1 Do', 'Tj', 'TJ', '[', ']', '<<', '>>', '(', ')']),
    () => 'q '.repeat(rng.length(2000)),
    () => 'BT '.repeat(rng.length(2000)),
  ])();
}

const PDF_KEYS = ['Count', 'Length', 'Size', 'Prev', 'Kids', 'Parent', 'Root', 'Pages', 'Type', 'W', 'Index', 'First', 'N', 'MediaBox', 'CropBox', 'Rotate', 'Contents', 'Resources', 'Font', 'ToUnicode', 'Encoding', 'Widths', 'FirstChar', 'LastChar', 'DescendantFonts', 'FontMatrix', 'Filter', 'XRefStm', 'UserUnit'];
const PDF_VALUES = ['0', '-1', '1', '90', '45', '-270', '99999999', '1 0 R', '2 0 R', '3 0 R', '99999 0 R', '[]', '[1 0 R 1 0 R]', '[0 0 0 0]', '[0 0 1e9 1e9]', '[-1 -1 -1 -1]', '<<>>', 'null', 'true', '/Page', '/Pages', '/Catalog', '/XRef', '/FlateDecode', '/LZWDecode', '/ASCII85Decode', '(str)', 'NaN'];

function mutatePdfTokens(rng, input, steps) {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let text = buf.toString('latin1');
  const op = rng.weighted([[5, 'value'], [2, 'keyword'], [1, 'xref-offsets'], [1, 'obj-number']]);
  if (op === 'value') {
    const re = new RegExp(`/(${PDF_KEYS.join('|')})(?=[\\s/\\[<(\\d-])\\s*(\\[[^\\]]{0,200}\\]|\\d+\\s+\\d+\\s+R|-?[\\d.]+|/\\w+)`, 'g');
    const hits = [...text.matchAll(re)];
    if (hits.length) {
      const k = rng.range(1, 4);
      for (let j = 0; j < k; j++) {
        const list = [...text.matchAll(re)];
        const m = rng.pick(list);
        const v = rng.pick(PDF_VALUES);
        text = text.slice(0, m.index) + `/${m[1]} ${v}` + text.slice(m.index + m[0].length);
        steps.push(`pdf:token /${m[1]} ${m[2].slice(0, 30)} -> ${v}`);
      }
      return new Uint8Array(Buffer.from(text, 'latin1'));
    }
  } else if (op === 'keyword') {
    const word = rng.pick(['xref', 'trailer', 'startxref', '%%EOF', 'endobj', 'endstream', ' obj', 'stream', '/Root', '/Pages', '/Kids']);
    const hits = [];
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) hits.push(at);
    if (hits.length) {
      const at = rng.pick(hits);
      const repl = rng.pick(['', word.toUpperCase(), `${word} ${word}`, 'x'.repeat(word.length)]);
      steps.push(`pdf:keyword ${JSON.stringify(word)}@${at} -> ${JSON.stringify(repl)}`);
      return new Uint8Array(Buffer.from(text.slice(0, at) + repl + text.slice(at + word.length), 'latin1'));
    }
  } else if (op === 'xref-offsets') {
    const rows = [...text.matchAll(/^(\d{10}) (\d{5}) ([nf])/gm)];
    if (rows.length) {
      const k = rng.range(1, Math.min(20, rows.length));
      const chars = text.split('');
      for (let j = 0; j < k; j++) {
        const m = rng.pick(rows);
        const v = String(rng.pick([0, 1, rng.int(buf.length), buf.length + 100, 9999999999])).padStart(10, '0').slice(-10);
        for (let c = 0; c < 10; c++) chars[m.index + c] = v[c];
      }
      steps.push(`pdf:xref offsets x${k}`);
      return new Uint8Array(Buffer.from(chars.join(''), 'latin1'));
    }
  } else {
    const objs = [...text.matchAll(/(\d+) (\d+) obj/g)];
    if (objs.length) {
      const m = rng.pick(objs);
      const v = rng.pick(['1', '2', '0', '-1', '99999999', m[1]]);
      steps.push(`pdf:renumber object ${m[1]} -> ${v}`);
      return new Uint8Array(Buffer.from(text.slice(0, m.index) + `${v} ${m[2]} obj` + text.slice(m.index + m[0].length), 'latin1'));
    }
  }
  return mutateBytes(rng, input, steps);
}

// ---------------------------------------------------------------------------------------------------------------
// Saving and reporting

function save(seed, r) {
  mkdirSync(CRASH_DIR, { recursive: true });
  const base = `seed${seed}-iter${r.iteration}-${r.outcome}--${r.input.name}`;
  const file = path.join(CRASH_DIR, base);
  writeFileSync(file, r.input.bytes);
  writeFileSync(
    file.replace(/\.(docx|pdf)$/, '.json'),
    JSON.stringify({ seed, iteration: r.iteration, outcome: r.outcome, source: r.input.source, name: r.input.name, mutations: r.input.steps, errorName: r.errorName, message: r.message, stack: r.stack, stderr: r.stderr, ms: Math.round(r.ms) }, null, 2) + '\n',
  );
  r.saved = path.relative(root, file);
}

/** Groups crashes by what threw and where: message without numbers, and the first frame that is ours or a dependency's. */
function signature(r) {
  const frames = (r.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const top = frames.find((l) => /dist\/|node_modules\//.test(l)) ?? frames[0] ?? '';
  const where = top.replace(/^\s+at /, '').replace(/\(?(?:file:\/\/)?\/[^)]*\/((?:dist|node_modules)\/[^:)]+):\d+:\d+\)?/, '$1').trim();
  return `${r.async ? `${r.async} ` : ''}${r.errorName ?? r.outcome}: ${(r.message ?? '').replace(/\d+/g, 'N').slice(0, 160)} @ ${where}`;
}

function printReport(opts, results, pool, elapsed, inputsDigest, sources) {
  const kinds = ['docx', 'pdf'];
  const rows = [];
  const count = (pred) => kinds.map((k) => results.filter((r) => r.input.kind === k && pred(r)).length);
  const row = (label, pred) => {
    const c = count(pred);
    rows.push([label, ...c.map(String), String(c[0] + c[1])]);
  };
  row('iterations', () => true);
  row('ok (parsed)', (r) => r.outcome === 'ok');
  row('clean errors (ReadError)', (r) => r.outcome === 'clean');
  const codes = [...new Set(results.filter((r) => r.outcome === 'clean').map((r) => r.code))].sort();
  for (const code of codes) row(`  ${code}`, (r) => r.outcome === 'clean' && r.code === code);
  row('crashes', (r) => r.outcome === 'crash');
  row('stopped (budget + grace)', (r) => r.outcome === 'stopped');

  const times = results.map((r) => r.ms ?? 0).sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  const fmtElapsed = (ms) => `${Math.floor(ms / 60000)}m ${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')}s`;

  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['', 'docx', 'pdf', 'total'], ...rows].map((r) => r[c].length)));
  const line = (r) => `  ${r[0].padEnd(widths[0])}  ${r.slice(1).map((x, i) => x.padStart(widths[i + 1])).join('  ')}`;
  console.log(`\ncontract-lint fuzz: seed ${opts.seed}, ${opts.iterations} iterations, ${opts.workers} worker process(es), ${opts.budget} s budget per case (stopped at ${opts.timeout / 1000} s)`);
  console.log(`sources: ${sources.filter((s) => s.kind === 'docx').length} DOCX, ${sources.filter((s) => s.kind === 'pdf').length} PDF (fixtures/contracts, fixtures/eval); inputs digest ${inputsDigest}\n`);
  console.log(line(['', 'docx', 'pdf', 'total']));
  console.log(`  ${'-'.repeat(widths.reduce((a, b) => a + b, 0) + 6)}`);
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(`  peak worker RSS      ${(pool.peakRssKb / 1024).toFixed(0)} MB (largest maxRSS of ${pool.spawned} child process(es))`);
  console.log(`  time per case        median ${fmtMs(pct(0.5))}, p99 ${fmtMs(pct(0.99))}, max ${fmtMs(times[times.length - 1] ?? 0)}`);
  console.log(`  elapsed              ${fmtElapsed(elapsed)}`);

  const slow = [...results].filter((r) => r.outcome !== 'stopped').sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 3);
  if (slow.length) {
    console.log('\n  slowest cases:');
    for (const r of slow) console.log(`    #${r.iteration} ${fmtMs(r.ms)} ${r.outcome}${r.code ? ` ${r.code}` : ''}: ${r.input.source} [${r.input.steps.join('; ')}]`);
  }

  const strays = new Map();
  for (const s of pool.strays) {
    const key = `${s.errorName}: ${(s.message ?? '').replace(/\d+/g, 'N').slice(0, 120)}`;
    strays.set(key, (strays.get(key) ?? 0) + 1);
  }
  console.log(`  stray rejections     ${pool.strays.length} (promises pdf.js rejected after a case had its answer; the CLI ignores them)`);
  for (const [key, n] of strays) console.log(`    [${n}x] ${key}`);

  const bad = results.filter((r) => r.outcome === 'crash' || r.outcome === 'stopped');
  if (bad.length) {
    const groups = new Map();
    for (const r of bad) {
      const key = r.outcome === 'stopped' ? `stopped: ${r.input.kind}` : signature(r);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
    console.log(`\n  ${bad.length} crash(es)/stopped case(s) in ${groups.size} group(s); inputs and details in .fuzz-crashes/:`);
    for (const [key, rs] of groups) {
      const first = rs[0];
      console.log(`\n  [${rs.length}x] ${key}`);
      console.log(`    e.g. #${first.iteration}: ${first.input.source} [${first.input.steps.join('; ')}] -> ${first.saved}`);
      const frames = (first.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 6);
      for (const f of frames) console.log(`      ${f.trim()}`);
      if (!frames.length && first.stderr) for (const l of first.stderr.split('\n').slice(-6)) console.log(`      | ${l}`);
    }
    console.log(`\n  replay one: node scripts/fuzz.mjs --replay ${bad[0].saved}`);
  } else {
    console.log('\n  no crashes, nothing stopped');
  }
}

// ================================================================================================================
// Entry point (last, so that every class above is initialised before it runs).

if (process.argv.includes('--child')) await child();
else await main();
