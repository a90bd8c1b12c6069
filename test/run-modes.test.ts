import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs();

const root = path.resolve(__dirname, '..');
const evalDir = path.join(root, 'fixtures/eval');
const bin = path.join(root, 'bin/contract-lint');
const built = existsSync(path.join(root, 'dist/node/lint-worker.js'));

const withoutTool = (json: string) => {
  const r = JSON.parse(json);
  delete r.tool;
  return r;
};

describe('running over many files', () => {
  it.skipIf(!built)('worker threads give the same report, in the same order, as one thread (built package)', () => {
    const opts = { cwd: root, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024 };
    const lint = (workers: string) => {
      const r = spawnSync('node', [bin, '-f', 'json', '--workers', workers, evalDir], opts);
      // (a run that printed no report says why, instead of failing later as unparsable JSON)
      if (!r.stdout) throw new Error(`--workers ${workers}: no report (exit ${r.status}, signal ${r.signal}, ${r.error ?? ''}): ${r.stderr}`);
      return r.stdout;
    };
    // 0: everything in this thread; 1: PDFs read by a worker and linted here, the rest here; 2: two workers
    const inThread = withoutTool(lint('0'));
    expect(inThread.files.length).toBeGreaterThanOrEqual(28);
    expect(inThread.files.filter((f: any) => f.path.endsWith('.pdf')).length).toBeGreaterThanOrEqual(5);
    expect(withoutTool(lint('1'))).toEqual(inThread);
    expect(withoutTool(lint('2'))).toEqual(inThread);
  }, 120_000);

  it.skipIf(!built)('a reader stuck in a loop that never yields is stopped: its worker is terminated and the run goes on', () => {
    // fixtures/fuzz/stuck-font.pdf (found by npm run fuzz) keeps pdf.js's Type1 font parser busy for ever, so the
    // in-thread time budget never gets a chance to fire; only terminating the worker stops it.
    const dir = tempDir('stuck');
    copyFileSync(path.join(root, 'fixtures/fuzz/stuck-font.pdf'), path.join(dir, 'stuck.pdf'));
    copyFileSync(path.join(root, 'fixtures/contracts/en-agency.md'), path.join(dir, 'good.md'));
    let status = 0;
    let stdout = '';
    let stderr = '';
    try {
      stdout = execFileSync('node', [bin, '-f', 'json', '--timeout', '1', 'stuck.pdf', 'good.md'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      ({ status, stdout, stderr } = e as { status: number; stdout: string; stderr: string });
    }
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^contract-lint: stuck\.pdf: reading took more than 1 s and was stopped .* \[timeout\]$/)]);
    const report = JSON.parse(stdout);
    expect(report.files.map((f: any) => [f.path, f.error?.code ?? null])).toEqual([['stuck.pdf', 'timeout'], ['good.md', null]]);
  }, 60_000);

  it.skipIf(!built)('a reader that closes the pipe early (| head) ends the run quietly', () => {
    const r = spawnSync('sh', ['-c', `node "${bin}" -f json fixtures/eval | head -c 20`], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toHaveLength(20);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('--cache reuses reports of unchanged files and re-lints changed ones', async () => {
    const dir = tempDir('cache');
    for (const f of ['en-03-complete.txt', 'zh-14-guarantee-waiver.txt']) copyFileSync(path.join(evalDir, f), path.join(dir, f));
    const first = await run(['-f', 'json', '--cache', '.'], { cwd: dir });
    expect(existsSync(path.join(dir, '.contract-lint-cache'))).toBe(true);
    const cached = JSON.parse(readFileSync(path.join(dir, '.contract-lint-cache'), 'utf8'));
    expect(Object.keys(cached.entries).length).toBe(2);
    const second = await run(['-f', 'json', '--cache', '.'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    expect(second.exitStatus).toBe(first.exitStatus);
    // A changed file is linted again: the guarantee is gone, and so is its finding.
    const changed = readFileSync(path.join(dir, 'zh-14-guarantee-waiver.txt'), 'utf8').replace(/乙方承诺并保证：/g, '双方确认目标：');
    writeFileSync(path.join(dir, 'zh-14-guarantee-waiver.txt'), changed);
    const third = JSON.parse((await run(['-f', 'json', '--cache', '.'], { cwd: dir })).stdout);
    const before = JSON.parse(first.stdout).files.find((f: any) => f.path === 'zh-14-guarantee-waiver.txt');
    const after = third.files.find((f: any) => f.path === 'zh-14-guarantee-waiver.txt');
    expect(before.findings.some((f: any) => f.ruleId === 'agency.sales-guarantee.promise')).toBe(true);
    expect(after.findings.some((f: any) => f.ruleId === 'agency.sales-guarantee.promise')).toBe(false);
  });

  it('a directory is searched as git sees it: .gitignore and node_modules are skipped', async () => {
    const dir = tempDir('gitignore');
    mkdirSync(path.join(dir, 'drafts'));
    mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, '.gitignore'), 'drafts/\n');
    writeFileSync(path.join(dir, 'sub/.gitignore'), '*.old.md\n');
    for (const f of ['a.md', 'drafts/b.md', 'node_modules/pkg/c.md', 'sub/d.md', 'sub/e.old.md']) copyFileSync(path.join(evalDir, 'zh-03-complete.md'), path.join(dir, f));
    const r = JSON.parse((await run(['-f', 'json', '.'], { cwd: dir })).stdout);
    expect(r.files.map((f: any) => f.path)).toEqual(['a.md', 'sub/d.md']);
  });

  it('a progress line goes to a terminal only, and only for many files', async () => {
    const lines: string[] = [];
    await run(['-f', 'json', evalDir], { cwd: root, progress: (t) => lines.push(t) });
    expect(lines.some((l) => /contract-lint: \d+\/\d+ files/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('\r\x1b[K');
    const few: string[] = [];
    await run(['-f', 'json', path.join(evalDir, 'en-03-complete.txt')], { cwd: root, progress: (t) => few.push(t) });
    expect(few).toEqual([]);
  });
});
