import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { VERSION } from '../src/version.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs();

/**
 * Table-driven command-line tests: arguments and a working folder in, exit code and output out, through the
 * same run() that bin/contract-lint calls.
 */
const fixtures = path.resolve(__dirname, '../fixtures/contracts');
const pdfFixtures = path.resolve(__dirname, '../fixtures/ingest/pdf');

function workspace(): string {
  const dir = tempDir('cli');
  mkdirSync(path.join(dir, 'contracts'));
  for (const f of ['zh-agency-typed.docx', 'en-agency.md', 'zh-agency-gbk.txt']) copyFileSync(path.join(fixtures, f), path.join(dir, 'contracts', f));
  // One unreadable file among good ones.
  writeFileSync(path.join(dir, 'contracts', 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
  mkdirSync(path.join(dir, 'good'));
  copyFileSync(path.join(fixtures, 'en-agency.md'), path.join(dir, 'good', 'en-agency.md'));
  writeFileSync(path.join(dir, 'notes.rtf'), '{\\rtf1 hello}');
  writeFileSync(path.join(dir, 'letter.odt'), 'PK\u0003\u0004junk');
  return dir;
}

interface Case {
  name: string;
  args: string[];
  exit: number;
  stdout?: Array<string | RegExp>;
  stderr?: Array<string | RegExp>;
  notStdout?: Array<string | RegExp>;
  emptyStderr?: boolean;
  json?: (report: any) => void;
}

const has = (text: string, p: string | RegExp) => (typeof p === 'string' ? text.includes(p) : p.test(text));

const cases: Case[] = [
  { name: 'version', args: ['--version'], exit: 0, stdout: [VERSION] },
  { name: 'help', args: ['--help'], exit: 0, stdout: ['--format', '--party', '--tree', 'explain', 'init'] },
  { name: 'no input', args: [], exit: 2, stderr: ['no input files'] },
  { name: 'unknown option', args: ['--frobnicate', 'x.md'], exit: 2, stderr: [/unknown option/] },
  { name: 'bad format', args: ['-f', 'xml', 'x.md'], exit: 2, stderr: [/Allowed choices/] },
  { name: 'bad --party', args: ['--party', 'agency', 'x.md'], exit: 2, stderr: [/Allowed choices/] },
  { name: 'bad --max-warnings', args: ['--max-warnings', 'many', 'good'], exit: 2, stderr: ['--max-warnings'] },
  { name: 'missing file', args: ['nope.docx'], exit: 2, stderr: ['nope.docx: no such file', '[not-found]'] },
  { name: 'unsupported extension named explicitly', args: ['notes.rtf'], exit: 2, stderr: ['notes.rtf', '[unsupported-format]'] },
  { name: 'a zip that is not Word', args: ['letter.odt'], exit: 2, stderr: ['letter.odt'] },
  {
    name: 'findings give exit 1 with a stylish report',
    args: ['contracts/zh-agency-typed.docx'],
    exit: 1,
    stdout: ['contracts/zh-agency-typed.docx', 'agency.kpi.defined', '建议条款', /✖ 1 file, \d+ errors?/],
    emptyStderr: true,
  },
  {
    name: 'messages in English with --lang en',
    args: ['--lang', 'en', 'contracts/zh-agency-typed.docx'],
    exit: 1,
    stdout: ['The contract sets no measurable performance indicators'],
  },
  {
    name: '--quiet shows errors only',
    args: ['--quiet', 'contracts/zh-agency-typed.docx'],
    exit: 1,
    stdout: ['error'],
    notStdout: [/ warning /, '建议条款'],
  },
  {
    name: 'a directory with one unreadable file among good ones',
    args: ['-f', 'json', 'contracts'],
    exit: 2,
    stderr: ['contracts/broken.pdf', /\[(corrupt|truncated)\]/],
    json: (r) => {
      expect(r.files.map((f: any) => f.path)).toEqual([
        'contracts/broken.pdf',
        'contracts/en-agency.md',
        'contracts/zh-agency-gbk.txt',
        'contracts/zh-agency-typed.docx',
      ]);
      const broken = r.files[0];
      expect(broken.error.code).toMatch(/corrupt|truncated/);
      expect(broken.findings).toEqual([]);
      expect(r.files[3].findings.length).toBeGreaterThan(0);
      expect(r.summary.unreadable).toBe(1);
      expect(r.summary.files).toBe(4);
    },
  },
  {
    name: 'JSON report as SPEC.md fixes it',
    args: ['--format', 'json', 'contracts/zh-agency-typed.docx'],
    exit: 1,
    json: (r) => {
      expect(r.schemaVersion).toBe(1);
      expect(r.tool).toEqual({ name: 'contract-lint', version: VERSION });
      const f = r.files[0];
      expect(f).toMatchObject({ path: 'contracts/zh-agency-typed.docx', format: 'docx', language: 'zh', error: null });
      expect(f.parties).toEqual([
        { role: 'client', label: '甲方', name: '广州某某美妆科技有限公司' },
        { role: 'provider', label: '乙方', name: '杭州某某网络科技有限公司' },
      ]);
      expect(f.concerns.kpi.status).toBe('missing');
      expect(f.concerns['liability-waiver'].status).toBe('weak');
      const waiver = f.findings.find((x: any) => x.ruleId === 'agency.liability-waiver.one-sided');
      expect(waiver.location.clause).toMatch(/^（.）$/);
      expect(waiver.excerpt).toContain('不承担');
      expect(waiver.favours).toBe('provider');
      const missing = f.findings.find((x: any) => x.ruleId === 'agency.kpi.defined');
      expect(missing.location.clause).toBeUndefined();
      expect(r.summary.errors).toBe(f.findings.filter((x: any) => x.severity === 'error').length);
    },
  },
  {
    name: '--party provider: exemptions favouring the agency are no longer the reader\'s problem',
    args: ['--party', 'provider', '-f', 'json', 'contracts/zh-agency-typed.docx'],
    exit: 1,
    json: (r) => {
      expect(r.files[0].findings.some((x: any) => x.ruleId === 'agency.liability-waiver.one-sided')).toBe(false);
    },
  },
  {
    name: '--max-warnings 0 fails on warnings',
    args: ['--max-warnings', '0', '--rules', 'only-warning', '-c', 'only-warning.yaml', 'good/en-agency.md'],
    exit: 1,
    stderr: ['more than --max-warnings 0'],
  },
  {
    name: 'clause tree as JSON',
    args: ['--tree', '--format', 'json', 'good/en-agency.md'],
    exit: 0,
    json: (r) => {
      const tree = r.files[0].tree;
      expect(tree.children[0]).toMatchObject({ number: '1.', heading: 'Services', location: { line: 14 } });
      expect(tree.children[0].children[0].number).toBe('1.1');
      expect(r.files[0].parties[0]).toEqual({ role: 'client', label: 'Client', name: 'Lumen Skincare Pty Ltd' });
    },
  },
  {
    name: 'clause tree, readable',
    args: ['--tree', 'contracts/zh-agency-gbk.txt'],
    exit: 0,
    stdout: ['contracts/zh-agency-gbk.txt', '一、', '（一）'],
  },
  { name: 'rules', args: ['rules'], exit: 0, stdout: ['agency.kpi.defined', /\d+ rules/] },
  { name: 'format sarif', args: ['-f', 'sarif', 'good/en-agency.md'], exit: 1, stdout: ['"version": "2.1.0"', 'contractLintFinding/v1'] },
  { name: 'format junit', args: ['-f', 'junit', 'good/en-agency.md'], exit: 1, stdout: ['<testsuites name="contract-lint"', 'name="kpi"'] },
  { name: 'format github', args: ['-f', 'github', 'good/en-agency.md'], exit: 1, stdout: [/^::(error|warning) file=good\/en-agency\.md,line=\d+,title=agency\./m] },
  { name: 'format markdown', args: ['-f', 'markdown', 'good/en-agency.md'], exit: 1, stdout: ['## good/en-agency.md', '| Concern | Status | Clauses |'] },
  { name: 'format html', args: ['-f', 'html', 'good/en-agency.md'], exit: 1, stdout: ['<!DOCTYPE html>', 'Content-Security-Policy'] },
  { name: '--no-color: no escape codes', args: ['--no-color', 'good/en-agency.md'], exit: 1, notStdout: ['\u001b['] },
  { name: '--workers 1 and --cache', args: ['--workers', '1', '--cache', '--cache-location', 'cache.json', 'good/en-agency.md'], exit: 1, stdout: ['good/en-agency.md'] },
  { name: 'bad --workers', args: ['--workers', 'all', 'good/en-agency.md'], exit: 2, stderr: ['--workers'] },
  {
    name: '--template: blanks are expected in templates',
    args: ['--template', '-f', 'json', 'template.md'],
    exit: 1,
    json: (r) => expect(r.files[0].findings.some((f: any) => f.ruleId === 'agency.placeholder.blank')).toBe(false),
  },
  {
    name: 'without --template, blanks are flagged where they are',
    args: ['-f', 'json', 'template.md'],
    exit: 1,
    json: (r) => {
      const blank = r.files[0].findings.find((f: any) => f.ruleId === 'agency.placeholder.blank');
      expect(blank.excerpt).toBe('____');
      expect(blank.message).toContain('____');
    },
  },
  { name: '--max-file-size: a file over the limit is unreadable', args: ['--max-file-size', '1kb', 'good/en-agency.md'], exit: 2, stderr: ['[too-large]'] },
  { name: 'bad --max-file-size', args: ['--max-file-size', 'huge', 'good/en-agency.md'], exit: 2, stderr: ['--max-file-size'] },
  { name: 'explain', args: ['explain', 'agency.kpi.defined'], exit: 0, stdout: ['Why:', '【建议条款】', 'Flags / 会报告'] },
  { name: 'explain an unknown rule', args: ['explain', 'agency.nope'], exit: 2, stderr: ["no rule 'agency.nope'"] },
  { name: 'test the built-in rules', args: ['test'], exit: 0, stdout: [/^\d+ passed, 0 failed$/m] },
  {
    name: 'test a rule pack with a failing example',
    args: ['test', 'bad-examples'],
    exit: 1,
    stdout: ['✖ local.always.flag pass[0]', /1 passed, 1 failed/],
  },
  {
    name: 'invalid configuration: every problem, with file, line and column',
    args: ['-c', 'broken.yaml', 'good/en-agency.md'],
    exit: 2,
    stderr: ["broken.yaml:2:1: unknown key 'partyy'", 'broken.yaml:3:11: \'language\' must be one of: zh, en'],
  },
  {
    name: 'invalid rule file reported with position, nothing linted',
    args: ['--rules', 'bad-rules', 'good/en-agency.md'],
    exit: 2,
    stderr: [/bad-rules\/r\.yaml:\d+:\d+: .*nested quantifiers/],
    notStdout: ['agency.'],
  },
];

describe('contract-lint command line', () => {
  const dir = workspace();
  mkdirSync(path.join(dir, 'only-warning'));
  writeFileSync(
    path.join(dir, 'only-warning', 'w.yaml'),
    'id: local.warn.always\ncategory: local\nseverity: warning\nmessage: always\nkind:\n  require:\n    where: "zzzz-never"\nexamples:\n  flag: ["a"]\n  pass: ["zzzz-never"]\n',
  );
  writeFileSync(path.join(dir, 'only-warning.yaml'), 'extends: []\n');
  mkdirSync(path.join(dir, 'bad-examples'));
  writeFileSync(
    path.join(dir, 'bad-examples', 'r.yaml'),
    'id: local.always.flag\ncategory: local\nseverity: error\nmessage: x\nkind:\n  forbid:\n    pattern: "服务"\nexamples:\n  flag: ["乙方提供服务"]\n  pass: ["乙方提供服务。"]\n',
  );
  mkdirSync(path.join(dir, 'bad-rules'));
  writeFileSync(
    path.join(dir, 'bad-rules', 'r.yaml'),
    'id: local.bad\ncategory: local\nseverity: error\nmessage: x\nkind:\n  forbid:\n    pattern: "(a+)+b"\n',
  );
  writeFileSync(path.join(dir, 'broken.yaml'), 'extends: [agency]\npartyy: client\nlanguage: fr\n');
  writeFileSync(path.join(dir, 'template.md'), '# 代运营服务合同\n\n甲方（委托方）：____\n乙方（受托方）：某某公司\n\n## 第一条 服务费\n\n服务费为每月人民币____元。\n');

  for (const c of cases) {
    it(c.name, async () => {
      const r = await run(c.args, { cwd: dir });
      const context = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
      expect(r.exitStatus, context).toBe(c.exit);
      for (const p of c.stdout ?? []) expect(has(r.stdout, p), `stdout lacks ${p}\n${context}`).toBe(true);
      for (const p of c.notStdout ?? []) expect(has(r.stdout, p), `stdout has ${p}\n${context}`).toBe(false);
      for (const p of c.stderr ?? []) expect(has(r.stderr, p), `stderr lacks ${p}\n${context}`).toBe(true);
      if (c.emptyStderr) expect(r.stderr).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack traces without --debug
      if (c.json) c.json(JSON.parse(r.stdout));
    });
  }

  it('-o writes the report to a file and nothing to stdout', async () => {
    const r = await run(['-f', 'json', '-o', 'report.json', 'good/en-agency.md'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).files[0].path).toBe('good/en-agency.md');
  });

  it('init writes a starter config once', async () => {
    const fresh = tempDir('init');
    const first = await run(['init'], { cwd: fresh });
    expect(first.exitStatus).toBe(0);
    expect(readFileSync(path.join(fresh, '.contract-lint.yaml'), 'utf8')).toContain('extends:');
    const second = await run(['init'], { cwd: fresh });
    expect(second.exitStatus).toBe(2);
    expect(second.stderr).toContain('already exists');
    // The starter config is valid: linting with it works.
    copyFileSync(path.join(fixtures, 'en-agency.md'), path.join(fresh, 'a.md'));
    const lint = await run(['a.md'], { cwd: fresh });
    expect(lint.stderr).toBe('');
  });

  it('an encrypted PDF is unreadable with a clear message, and readable with --password', async () => {
    const enc = path.join(pdfFixtures, 'encrypted.pdf');
    const r = await run([enc], { cwd: dir });
    expect(r.exitStatus).toBe(2);
    expect(r.stderr).toMatch(/password/);
    const withPassword = await run(['--password', 'user-secret', '--tree', '-f', 'json', enc], { cwd: dir });
    expect(withPassword.stderr).toBe('');
    expect(withPassword.exitStatus).toBe(0);
    expect(JSON.parse(withPassword.stdout).files[0].tree.children.length).toBeGreaterThan(0);
  });

  it('--debug changes no exit code and still prints one line per unreadable file', async () => {
    const r = await run(['--debug', '-f', 'json', 'contracts'], { cwd: dir });
    expect(r.exitStatus).toBe(2);
    expect(r.stderr).toContain('contracts/broken.pdf');
  });
});
