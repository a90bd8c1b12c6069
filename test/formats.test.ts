import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/node/lint-files.js';
import { formatGithub } from '../src/report/github.js';
import { formatJunit } from '../src/report/junit.js';
import { formatMarkdown } from '../src/report/markdown.js';
import { fingerprint, formatSarif } from '../src/report/sarif.js';
import { run } from '../src/cli/run.js';

const fixtures = path.resolve(__dirname, '../fixtures/contracts');
const sarifSchema = JSON.parse(
  readFileSync(path.resolve(__dirname, '../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);

describe('report formats', async () => {
  const { files, rules } = await lintFiles(['zh-agency-typed.docx', 'en-agency-clauses.docx', 'missing.pdf'], { cwd: fixtures });

  it('SARIF validates against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(files, rules));
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(sarifSchema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema check can fail: a level SARIF does not know is refused.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
    const run0 = log.runs[0];
    expect(run0.tool.driver.rules.length).toBe(rules.length);
    expect(run0.results.length).toBe(files[0].findings.length + files[1].findings.length);
    const waiver = run0.results.find((r: any) => r.ruleId === 'agency.liability-waiver.one-sided');
    expect(waiver.level).toBe('error');
    expect(waiver.locations[0].physicalLocation.artifactLocation.uri).toBe('zh-agency-typed.docx');
    expect(waiver.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(run0.tool.driver.rules[waiver.ruleIndex].id).toBe('agency.liability-waiver.one-sided');
    expect(run0.invocations[0].executionSuccessful).toBe(false);
    expect(run0.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri).toBe('missing.pdf');
  });

  it('SARIF fingerprints do not change when a clause is renumbered', () => {
    const f = files[0].findings.find((x) => x.excerpt)!;
    const moved = { ...f, location: { ...f.location, line: f.location.line + 40, clause: '第九条' } };
    expect(fingerprint(moved)).toBe(fingerprint(f));
    expect(fingerprint({ ...f, excerpt: 'something else' })).not.toBe(fingerprint(f));
  });

  it('JUnit: one test case per file and concern, failures for concerns with findings', () => {
    const xml = formatJunit(files);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="contract-lint"/);
    expect(xml).toContain('<testcase classname="zh-agency-typed.docx" name="kpi">');
    expect(xml).toMatch(/<testcase classname="zh-agency-typed.docx" name="sales-guarantee"\/>/);
    expect(xml).toContain('<error type="not-found"');
    const suites = xml.match(/<testsuite /g)!.length;
    expect(suites).toBe(3);
    // Well-formed enough for CI parsers: every opened testcase is closed.
    expect((xml.match(/<testcase [^>]*[^/]>/g) ?? []).length).toBe((xml.match(/<\/testcase>/g) ?? []).length);
  });

  it('GitHub annotations escape workflow-command syntax', () => {
    const out = formatGithub([
      {
        path: 'a,b:c.md',
        findings: [{ ruleId: 'x.y', category: 'kpi', severity: 'warning', message: 'line one\nline two 100%', location: { line: 3 } }],
        concerns: {},
        error: null,
      },
    ]);
    expect(out).toBe('::warning file=a%2Cb%3Ac.md,line=3,title=x.y::line one%0Aline two 100%25\n');
    expect(formatGithub(files)).toMatch(/^::error file=zh-agency-typed\.docx,line=\d+,title=agency\./m);
  });

  it('Markdown memo: concern table and points to raise, contract text escaped', () => {
    const md = formatMarkdown(files);
    expect(md).toContain('## zh-agency-typed.docx');
    expect(md).toContain('| 关注点 | 状态 | 相关条款 |');
    expect(md).toMatch(/\| kpi \| ❌ 缺失 \|/);
    expect(md).toContain('建议条款');
    expect(md).toContain('**Could not be read:**');
    const hostile = formatMarkdown([
      { path: 'x.md', findings: [{ ruleId: 'r.s', category: 'kpi', severity: 'error', message: 'm', excerpt: '<script>alert(1)</script>', location: { line: 1, clause: '1.' } }], concerns: { kpi: { status: 'weak', clauses: ['a|b'], aspects: [] } }, error: null },
    ], { language: 'en' });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('a\\|b');
  });

  it('every format is available from the command line', async () => {
    for (const format of ['sarif', 'junit', 'github', 'markdown']) {
      const r = await run(['-f', format, 'en-agency.md'], { cwd: fixtures });
      expect(r.stderr).toBe('');
      expect(r.exitStatus).toBe(1);
      expect(r.stdout.length).toBeGreaterThan(50);
    }
  });
});
