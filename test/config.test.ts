import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestMarkdown } from '../src/ingest/markdown.js';
import { ConfigError, ConfigResolver, settingsFor } from '../src/node/config.js';
import { BUILTIN_RULES_DIR, loadPacks, ruleValidator } from '../src/node/rule-packs.js';
import { lintDocument } from '../src/rules/engine.js';
import { loadRuleSources } from '../src/rules/load.js';
import { applySuppressions, inlineSuppressions } from '../src/rules/suppressions.js';
import { analyseDocument } from '../src/structure/index.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs();

/** A fresh folder with the given files (path → text). */
function tree(files: Record<string, string>): string {
  const dir = tempDir('config');
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}

const RULE = (id: string) => `id: ${id}\ncategory: misc\nseverity: warning\nmessage: hi\nkind:\n  require:\n    where: x\n`;

describe('ConfigResolver: finding configuration files', () => {
  it('finds .contract-lint.yaml upward from the contract', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nparty: provider\n', 'a/b/c/contract.md': '' });
    const r = new ConfigResolver(dir);
    const c = await r.resolve('a/b/c/contract.md');
    r.throwProblems();
    expect(c.party).toBe('provider');
    expect(c.files).toEqual([path.join(dir, '.contract-lint.yaml')]);
  });

  it('also reads .contract-lint.yml', async () => {
    const dir = tree({ '.contract-lint.yml': 'root: true\nlanguage: en\n' });
    const c = await new ConfigResolver(dir).resolve('x.md');
    expect(c.language).toBe('en');
  });

  it('the nearest file wins, and settings the nearer file does not give come from further up', async () => {
    const dir = tree({
      '.contract-lint.yaml': 'root: true\nparty: provider\nlanguage: zh\nrules:\n  agency.kpi.defined: off\n',
      'sub/.contract-lint.yaml': 'party: client\nrules:\n  agency.kpi.defined: warning\n',
    });
    const r = new ConfigResolver(dir);
    const inner = await r.resolve('sub/deeper/x.md');
    expect(inner.party).toBe('client');
    expect(inner.language).toBe('zh');
    expect(inner.rules['agency.kpi.defined']).toBe('warning');
    expect(inner.files).toEqual([path.join(dir, '.contract-lint.yaml'), path.join(dir, 'sub/.contract-lint.yaml')]);
    const outer = await r.resolve('x.md');
    expect(outer.party).toBe('provider');
    expect(outer.rules['agency.kpi.defined']).toBe('off');
    r.throwProblems();
  });

  it('root: true stops the search', async () => {
    const dir = tree({
      '.contract-lint.yaml': 'root: true\nparty: provider\nlanguage: en\n',
      'project/.contract-lint.yaml': 'root: true\nlanguage: zh\n',
    });
    const c = await new ConfigResolver(dir).resolve('project/x.md');
    expect(c.party).toBeUndefined();
    expect(c.language).toBe('zh');
    expect(c.files).toEqual([path.join(dir, 'project/.contract-lint.yaml')]);
  });

  it('an explicit --config replaces the search', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nparty: provider\n', 'ci.yaml': 'party: client\n' });
    const c = await new ConfigResolver(dir, 'ci.yaml').resolve('x.md');
    expect(c.party).toBe('client');
    expect(c.files).toEqual([path.join(dir, 'ci.yaml')]);
  });
});

describe('ConfigResolver: rule packs', () => {
  it('without extends, the built-in agency pack', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\n' });
    const c = await new ConfigResolver(dir).resolve('x.md');
    expect(c.packs).toEqual([{ dir: path.join(BUILTIN_RULES_DIR, 'agency'), pack: 'agency', builtin: true }]);
  });

  it('extends a local folder of rules (relative to the config file) and the built-in agency pack', async () => {
    const dir = tree({
      'contracts/.contract-lint.yaml': 'root: true\nextends: [agency, ../house-rules]\n',
      'house-rules/one.yaml': RULE('house.one'),
      'house-rules/more/two.yml': RULE('house.two'),
    });
    const r = new ConfigResolver(dir);
    const c = await r.resolve('contracts/x.md');
    r.throwProblems();
    expect(c.packs).toEqual([
      { dir: path.join(BUILTIN_RULES_DIR, 'agency'), pack: 'agency', builtin: true },
      { dir: path.join(dir, 'house-rules'), pack: 'house-rules', builtin: false },
    ]);
    const loaded = await loadPacks(c.packs, { cwd: dir });
    expect(loaded.problems).toEqual([]);
    const ids = loaded.rules.map((x) => x.id);
    expect(ids).toContain('house.one');
    expect(ids).toContain('house.two');
    expect(ids).toContain('agency.kpi.defined');
    expect(loaded.rules.find((x) => x.id === 'house.two')!.source.file).toBe(path.join('house-rules', 'more', 'two.yml'));
  });

  it('extends only a local folder: the built-in pack is not added', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nextends: ./mine\n', 'mine/r.yaml': RULE('mine.r') });
    const c = await new ConfigResolver(dir).resolve('x.md');
    expect(c.packs.map((p) => p.pack)).toEqual(['mine']);
  });

  it('a pack that does not exist is a problem at the extends key', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nparty: client\nextends: [agency, ./nowhere]\n' });
    const r = new ConfigResolver(dir);
    await r.resolve('x.md');
    expect(() => r.throwProblems()).toThrow(ConfigError);
    await r.resolve('x.md');
    // Problems are thrown once.
    expect(() => r.throwProblems()).not.toThrow();
  });

  it('a missing pack names file, line and column', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nparty: client\nextends: [agency, ./nowhere]\n' });
    const r = new ConfigResolver(dir);
    await r.resolve('x.md');
    try {
      r.throwProblems();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const [p] = (e as ConfigError).problems;
      expect(p).toMatchObject({ file: '.contract-lint.yaml', line: 3, column: 1 });
      expect(p.message).toContain("'./nowhere' not found");
    }
  });
});

describe('ConfigResolver: rules, overrides, ignore, suppress', () => {
  const dir = tree({
    '.contract-lint.yaml': [
      'root: true',
      'rules:',
      '  agency.kpi.defined: off',
      '  agency.exit.*: info',
      '  agency.payment.upfront: { severity: error }',
      'ignore: ["drafts/**", "*.bak.md"]',
      'suppress:',
      '  - rule: agency.kpi.measurable',
      '    clause: 第五条',
      '    reason: 考核标准见双方另签的附件二',
      '  - rule: agency.exit.*',
      '    files: "legacy/**"',
      '    reason: old template',
      'overrides:',
      '  - files: "*.en.md"',
      '    language: en',
      '    rules:',
      '      agency.payment.upfront: off',
      '  - files: "agency-side/**"',
      '    party: provider',
      '',
    ].join('\n'),
    'sub/.contract-lint.yaml': 'rules:\n  agency.exit.notice-period: error\n',
  });
  const resolver = new ConfigResolver(dir);

  it('rule severities, off, and object form', async () => {
    const c = await resolver.resolve('x.md');
    expect(c.rules).toEqual({ 'agency.kpi.defined': 'off', 'agency.exit.*': 'info', 'agency.payment.upfront': 'error' });
  });

  it('settingsFor expands agency.exit.* prefixes; an exact id wins over a prefix', async () => {
    const c = await resolver.resolve('sub/x.md');
    const ids = ['agency.exit.notice-period', 'agency.exit.termination-right', 'agency.kpi.defined', 'agency.kpi.measurable', 'agency.payment.upfront'];
    expect(settingsFor(ids, c.rules)).toEqual({
      'agency.exit.notice-period': 'error',
      'agency.exit.termination-right': 'info',
      'agency.kpi.defined': 'off',
      'agency.payment.upfront': 'error',
    });
  });

  it('settingsFor: a longer prefix wins over a shorter one, and * covers everything', () => {
    expect(settingsFor(['a.b.c', 'a.x'], { '*': 'info', 'a.*': 'warning', 'a.b.*': 'off' })).toEqual({ 'a.b.c': 'off', 'a.x': 'warning' });
    // "agency.exit.*" does not cover "agency.exits.x".
    expect(settingsFor(['agency.exits.x'], { 'agency.exit.*': 'off' })).toEqual({});
  });

  it('overrides by glob: a file name glob matches in any folder', async () => {
    const en = await resolver.resolve('contracts/deal.en.md');
    expect(en.language).toBe('en');
    expect(en.rules['agency.payment.upfront']).toBe('off');
    const zh = await resolver.resolve('contracts/deal.md');
    expect(zh.language).toBeUndefined();
    expect(zh.rules['agency.payment.upfront']).toBe('error');
  });

  it('overrides by a path glob, relative to the config file', async () => {
    expect((await resolver.resolve('agency-side/x.md')).party).toBe('provider');
    expect((await resolver.resolve('other/agency-side/x.md')).party).toBeUndefined();
  });

  it('ignore', async () => {
    expect((await resolver.resolve('drafts/v1/x.md')).ignored).toBe(true);
    expect((await resolver.resolve('x.bak.md')).ignored).toBe(true);
    expect((await resolver.resolve('final/x.md')).ignored).toBe(false);
    expect((await resolver.resolve('final/drafts.md')).ignored).toBe(false);
  });

  it('ignore: a file name glob alone matches in any folder', async () => {
    const d = tree({ '.contract-lint.yaml': 'root: true\nignore: ["*.bak.md"]\n' });
    const r = new ConfigResolver(d);
    expect((await r.resolve('old/deep/x.bak.md')).ignored).toBe(true);
    expect((await r.resolve('old/x.md')).ignored).toBe(false);
  });

  // Known bug in src/node/config.ts (outside src/rules, left alone): matchBase is decided for the whole list, so
  // one glob with a slash ("drafts/**") stops "*.bak.md" from matching below the config folder. When fixed (one
  // picomatch matcher per glob), drop `.fails`.
  it('ignore: a file name glob still matches in any folder when the list also has a path glob', async () => {
    expect((await resolver.resolve('old/x.bak.md')).ignored).toBe(true);
  });

  it('suppress with a reason, by clause, and only for matching files', async () => {
    const plain = await resolver.resolve('x.md');
    expect(plain.suppress).toEqual([{ rule: 'agency.kpi.measurable', clause: '第五条', reason: '考核标准见双方另签的附件二' }]);
    const legacy = await resolver.resolve('legacy/old.md');
    expect(legacy.suppress).toEqual([
      { rule: 'agency.kpi.measurable', clause: '第五条', reason: '考核标准见双方另签的附件二' },
      { rule: 'agency.exit.*', clause: undefined, reason: 'old template' },
    ]);
    resolver.throwProblems();
  });
});

describe('ConfigResolver: invalid configuration', () => {
  it('an unknown key and a bad party value: ConfigError naming file, line and column', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nparty: agency\nrulez:\n  x: off\n' });
    const r = new ConfigResolver(dir);
    await r.resolve('x.md');
    let error: unknown;
    try {
      r.throwProblems();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: '.contract-lint.yaml', line: 2, column: 8, message: "'party' must be one of: client, provider" },
        { file: '.contract-lint.yaml', line: 3, column: 1, message: "unknown key 'rulez'" },
      ]),
    );
    expect(problems).toHaveLength(2);
    expect((error as Error).message).toContain(".contract-lint.yaml:2:8: 'party' must be one of: client, provider");
  });

  it('two bad files: both problems at once', async () => {
    const dir = tree({
      'a/.contract-lint.yaml': 'root: true\nparty: agency\n',
      'b/.contract-lint.yaml': 'root: true\nrules:\n  agency.kpi.defined: loud\n',
      'c/.contract-lint.yaml': 'root: true\nlanguage: en\n',
    });
    const r = new ConfigResolver(dir);
    for (const f of ['a/x.md', 'b/y.md', 'c/z.md', 'a/again.md']) await r.resolve(f);
    let problems: unknown[] = [];
    try {
      r.throwProblems();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      problems = (e as ConfigError).problems;
    }
    expect(problems).toEqual([
      { file: path.join('a', '.contract-lint.yaml'), line: 2, column: 8, message: "'party' must be one of: client, provider" },
      expect.objectContaining({ file: path.join('b', '.contract-lint.yaml'), line: 3 }),
    ]);
  });

  it('a YAML syntax error in a config', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nparty: client: provider\n' });
    const r = new ConfigResolver(dir);
    await r.resolve('x.md');
    expect(() => r.throwProblems()).toThrow(/\.contract-lint\.yaml:2:\d+: YAML syntax/);
  });

  it('a suppression without a reason', async () => {
    const dir = tree({ '.contract-lint.yaml': 'root: true\nsuppress:\n  - rule: agency.kpi.defined\n' });
    const r = new ConfigResolver(dir);
    await r.resolve('x.md');
    expect(() => r.throwProblems()).toThrow(/missing required key 'reason'/);
  });
});

const validator = await ruleValidator();

describe('applySuppressions', () => {
  const loaded = loadRuleSources(
    [
      {
        file: 'g.yaml',
        pack: 't',
        text: "id: t.sales-guarantee.promise\ncategory: sales-guarantee\nseverity: warning\nmessage: 保证\nkind:\n  forbid:\n    pattern: ['保证[^。]{0,10}销售额']\n",
      },
      {
        file: 'k.yaml',
        pack: 't',
        text: "id: agency.kpi.defined\ncategory: kpi\nseverity: error\nmessage: 没有KPI\nkind:\n  require:\n    where: ['考核指标', 'kpi']\n",
      },
    ],
    validator,
  );

  it('the test rules load', () => {
    expect(loaded.problems).toEqual([]);
  });

  const MD = (directives: { second?: string; top?: string }) =>
    [
      '# 代运营服务合同', // 1
      '', // 2
      '甲方（委托方）：某服饰有限公司', // 3
      '', // 4
      '乙方（受托方）：某电子商务有限公司', // 5
      '', // 6
      directives.top ?? '', // 7
      '', // 8
      '## 第一条 服务内容', // 9
      '', // 10
      '乙方保证甲方店铺销售额增长。', // 11
      '', // 12
      directives.second ?? '', // 13
      '## 第二条 业绩', // 14
      '', // 15
      '乙方保证甲方店铺月销售额不低于100万元。', // 16
      '', // 17
      '1. 乙方保证新品销售额达到10万元。', // 18
      '', // 19
      '## 第三条 其他', // 20
      '', // 21
      '乙方保证甲方店铺年销售额翻倍。', // 22
      '',
    ].join('\n');
  const run = (md: string, configured: Array<{ rule: string; clause?: string; reason: string }> = []) => {
    const doc = analyseDocument(ingestMarkdown(new TextEncoder().encode(md)));
    const { findings } = lintDocument(doc, loaded.rules);
    return applySuppressions(doc, findings, configured).map((f) => [f.ruleId, f.location.clause ?? null, f.suppressions ?? null]);
  };

  it('without suppressions, every finding stands', () => {
    expect(run(MD({}))).toEqual([
      ['agency.kpi.defined', null, null],
      ['t.sales-guarantee.promise', '第一条', null],
      ['t.sales-guarantee.promise', '第二条', null],
      ['t.sales-guarantee.promise', '1.', null],
      ['t.sales-guarantee.promise', '第三条', null],
    ]);
  });

  it('disable-next-clause suppresses findings in the next clause and its sub-clauses only, with the reason', () => {
    const md = MD({ second: '<!-- contract-lint-disable-next-clause t.sales-guarantee.promise -- 品牌方书面确认的目标 -->' });
    const inline = [{ kind: 'inline', justification: '品牌方书面确认的目标' }];
    expect(run(md)).toEqual([
      ['agency.kpi.defined', null, null],
      ['t.sales-guarantee.promise', '第一条', null],
      ['t.sales-guarantee.promise', '第二条', inline],
      ['t.sales-guarantee.promise', '1.', inline],
      ['t.sales-guarantee.promise', '第三条', null],
    ]);
  });

  it('a directive for another rule suppresses nothing; a prefix and a list of rules work', () => {
    expect(run(MD({ second: '<!-- contract-lint-disable-next-clause agency.kpi.measurable -- 见附件 -->' })).every((f) => f[2] === null)).toBe(true);
    const listed = run(MD({ second: '<!-- contract-lint-disable-next-clause agency.kpi.measurable, t.sales-guarantee.* -- 见附件 -->' }));
    expect(listed.filter((f) => f[2] !== null).map((f) => f[1])).toEqual(['第二条', '1.']);
  });

  it('a directive without a reason says so', () => {
    const found = run(MD({ second: '<!-- contract-lint-disable-next-clause t.sales-guarantee.promise -->' }));
    expect(found[2][2]).toEqual([{ kind: 'inline', justification: 'no reason given' }]);
  });

  it('disable-next-clause does not reach a document-level finding; disable does', () => {
    const next = run(MD({ second: '<!-- contract-lint-disable-next-clause agency.kpi.defined -- KPI在附件 -->' }));
    expect(next[0]).toEqual(['agency.kpi.defined', null, null]);
    const whole = run(MD({ top: '<!-- contract-lint-disable agency.kpi.defined -- KPI在附件二 -->' }));
    expect(whole[0]).toEqual(['agency.kpi.defined', null, [{ kind: 'inline', justification: 'KPI在附件二' }]]);
    expect(whole.slice(1).every((f) => f[2] === null)).toBe(true);
  });

  it('the directive is read with its line, and bound to the clause after it', () => {
    const doc = analyseDocument(ingestMarkdown(new TextEncoder().encode(MD({ second: '<!-- contract-lint-disable-next-clause t.sales-guarantee.promise -- r -->' }))));
    expect(doc.directives).toEqual([{ text: 'contract-lint-disable-next-clause t.sales-guarantee.promise -- r', line: 13 }]);
    expect(inlineSuppressions(doc)).toEqual([{ rule: 't.sales-guarantee.promise', reason: 'r', kind: 'inline', range: [14, 18] }]);
  });

  it('config suppression by rule id and clause number: that clause and its sub-clauses', () => {
    const reason = [{ kind: 'config', justification: '目标已由品牌方确认' }];
    expect(run(MD({}), [{ rule: 't.sales-guarantee.promise', clause: '第二条', reason: '目标已由品牌方确认' }])).toEqual([
      ['agency.kpi.defined', null, null],
      ['t.sales-guarantee.promise', '第一条', null],
      ['t.sales-guarantee.promise', '第二条', reason],
      ['t.sales-guarantee.promise', '1.', reason],
      ['t.sales-guarantee.promise', '第三条', null],
    ]);
  });

  it('config suppression without a clause: the whole document; with an unknown clause: nothing', () => {
    const all = run(MD({}), [{ rule: 't.sales-guarantee.*', reason: 'template' }]);
    expect(all.filter((f) => f[2] !== null)).toHaveLength(4);
    expect(run(MD({}), [{ rule: 't.sales-guarantee.promise', clause: '第九条', reason: 'x' }]).every((f) => f[2] === null)).toBe(true);
  });

  it('inline and config suppressions of one finding are both kept', () => {
    const md = MD({ second: '<!-- contract-lint-disable-next-clause t.sales-guarantee.promise -- 行内 -->' });
    const found = run(md, [{ rule: 't.sales-guarantee.promise', clause: '第二条', reason: '配置' }]);
    expect(found[2][2]).toEqual([
      { kind: 'inline', justification: '行内' },
      { kind: 'config', justification: '配置' },
    ]);
  });
});
