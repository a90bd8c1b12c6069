import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// bin/contract-lint runs the command line's bundle with a V8 code cache made by the build (src/cli/launch.ts). These
// tests start Node afresh, as the bin does: a code cache is taken or refused at start-up, under that process's flags.
const root = path.resolve(__dirname, '..');
const built = existsSync(path.join(root, 'dist/bundle/contract-lint.cjs'));

// A copy of the build's dist/cli, dist/bundle and dist/packs, one folder below the project as dist/ is, so that the
// bundle finds node_modules and rules/ as the real one does.
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
function copyOfBuild(): string {
  const dir = mkdtempSync(path.join(root, '.launch-test-'));
  copies.push(dir);
  for (const part of ['cli', 'bundle', 'packs']) cpSync(path.join(root, 'dist', part), path.join(dir, part), { recursive: true, preserveTimestamps: true });
  return dir;
}

/**
 * Loads the CLI from a build folder in a fresh Node, lints one contract with it, and says how each bundle's cache
 * fared (by file name: contract-lint.cjs, and docx-packages.cjs once a DOCX was read).
 */
function launch(dist: string, contract = 'fixtures/contracts/zh-agency.md'): { codeCache: Record<string, string>; exitStatus: number; stdout: string } {
  const script = `
    const { loadCli } = await import(${JSON.stringify(path.join(dist, 'cli/launch.js'))});
    const cli = loadCli();
    const r = await cli.run(['--format', 'json', ${JSON.stringify(contract)}], { cwd: ${JSON.stringify(root)} });
    const codeCache = Object.fromEntries(cli.compiled().map((c) => [c.bundle.split(/[\\\\/]/).pop(), c.codeCache]));
    process.stdout.write(JSON.stringify({ codeCache, exitStatus: r.exitStatus, stdout: r.stdout }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`launch failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe.skipIf(!built)('the command line starts from its code cache', () => {
  let reference: ReturnType<typeof launch>;
  beforeAll(() => {
    reference = launch(path.join(root, 'dist'));
  });

  it('takes the cache the build made (a flag V8 saw only after the cache was made would make it refuse it)', () => {
    expect(reference.codeCache).toEqual({ 'contract-lint.cjs': 'accepted' });
    expect(reference.exitStatus).toBe(1);
    expect(JSON.parse(reference.stdout).files[0].findings.length).toBeGreaterThan(0);
  });

  it('runs the command line in strict mode, as the ES modules it was made from', () => {
    const source = readFileSync(path.join(root, 'dist/bundle/contract-lint.cjs'), 'utf8');
    expect(source.startsWith('"use strict";')).toBe(true);
  });

  it('runs the same without a cache', () => {
    const copy = copyOfBuild();
    rmSync(path.join(copy, 'bundle/contract-lint.cjs.code-cache'));
    const r = launch(copy);
    expect(r.codeCache).toEqual({ 'contract-lint.cjs': 'absent' });
    expect(r.stdout).toBe(reference.stdout);
  });

  it('compiles from source when V8 refuses the cache (made by another Node, or damaged)', () => {
    const copy = copyOfBuild();
    writeFileSync(path.join(copy, 'bundle/contract-lint.cjs.code-cache'), Buffer.alloc(4096, 7));
    const r = launch(copy);
    expect(r.codeCache).toEqual({ 'contract-lint.cjs': 'rejected' });
    expect(r.stdout).toBe(reference.stdout);
  });

  it('leaves the cache alone when the bundle was changed after it was made', () => {
    const copy = copyOfBuild();
    const bundle = path.join(copy, 'bundle/contract-lint.cjs');
    const later = new Date(Date.now() + 60_000);
    utimesSync(bundle, later, later);
    expect(launch(copy).codeCache).toEqual({ 'contract-lint.cjs': 'absent' });
  });

  it('takes the cache when a package manager wrote it a moment before the bundle', () => {
    const copy = copyOfBuild();
    const bundle = path.join(copy, 'bundle/contract-lint.cjs');
    const cache = `${bundle}.code-cache`;
    const t = Date.now() / 1000;
    utimesSync(cache, t, t);
    utimesSync(bundle, t + 0.05, t + 0.05);
    expect(launch(copy).codeCache).toEqual({ 'contract-lint.cjs': 'accepted' });
  });

  it('compiles mammoth and JSZip from their own cache, only when a DOCX is read, to the same report', () => {
    const docx = 'fixtures/contracts/zh-agency-typed.docx';
    const cached = launch(path.join(root, 'dist'), docx);
    expect(cached.codeCache).toEqual({ 'contract-lint.cjs': 'accepted', 'docx-packages.cjs': 'accepted' });
    const copy = copyOfBuild();
    rmSync(path.join(copy, 'bundle/docx-packages.cjs.code-cache'));
    const uncached = launch(copy, docx);
    expect(uncached.codeCache).toEqual({ 'contract-lint.cjs': 'accepted', 'docx-packages.cjs': 'absent' });
    expect(uncached.stdout).toBe(cached.stdout);
    expect(JSON.parse(cached.stdout).files[0].findings.length).toBeGreaterThan(0);
  });
});
