import { describe, expect, it } from 'vitest';
import { ruleValidator } from '../src/node/rule-packs.js';
import { loadRuleSources, type RuleSource } from '../src/rules/load.js';
import { formatProblem, type Problem } from '../src/rules/yaml-source.js';

const validator = await ruleValidator();

/** A valid rule with the given id; `extra` is added at the end. */
const good = (id: string, extra = '') => `id: ${id}
category: misc
severity: warning
message: hi
kind:
  require:
    where: ['验收']
${extra}`;

const src = (file: string, text: string): RuleSource => ({ file, text, pack: 't' });

const BAD: RuleSource[] = [
  // 1: id, 2: message with a nested mapping on one line
  src('syntax.yaml', 'id: t.syntax\nmessage: hi: there\ncategory: misc\n'),
  src('no-message.yaml', 'id: t.no-message\ncategory: misc\nseverity: warning\nkind:\n  require:\n    where: x\n'),
  src('unknown-key.yaml', good('t.unknown', 'colour: red\n')),
  src('severity.yaml', 'id: t.severity\ncategory: misc\nseverity: fatal\nmessage: hi\nkind:\n  require:\n    where: x\n'),
  src('two-kinds.yaml', 'id: t.two\ncategory: misc\nseverity: warning\nmessage: hi\nkind:\n  require:\n    where: x\n  forbid:\n    pattern: y\n'),
  src('catastrophic.yaml', 'id: t.slow\ncategory: misc\nseverity: warning\nmessage: hi\nkind:\n  forbid:\n    pattern:\n      - 保证\n      - (a+)+\n'),
  src('invalid-regex.yaml', 'id: t.regex\ncategory: misc\nseverity: warning\nmessage: hi\nkind:\n  forbid:\n    pattern: "保证(销售"\n'),
  src('first.yaml', good('t.dup')),
  src('second.yaml', '# the same id again\n' + good('t.dup')),
  src('fine.yaml', good('t.fine')),
];

describe('loadRuleSources with the schema validator', () => {
  const loaded = loadRuleSources(BAD, validator);
  const byFile = (file: string) => loaded.problems.filter((p) => p.file === file);
  const only = (file: string): Problem => {
    const ps = byFile(file);
    expect(ps, JSON.stringify(loaded.problems, null, 1)).toHaveLength(1);
    return ps[0];
  };

  it('collects the problems of every file at once, one per bad file', () => {
    expect(loaded.problems.map((p) => p.file)).toEqual([
      'syntax.yaml',
      'no-message.yaml',
      'unknown-key.yaml',
      'severity.yaml',
      'two-kinds.yaml',
      'catastrophic.yaml',
      'invalid-regex.yaml',
      'second.yaml',
    ]);
  });

  it('still loads the good rules (and the first of two with the same id)', () => {
    expect(loaded.rules.map((r) => r.id)).toEqual(['t.dup', 't.fine']);
    expect(loaded.rules[0].source).toEqual({ file: 'first.yaml', line: 1, column: 1 });
    expect(loaded.rules[0].pack).toBe('t');
  });

  it('YAML syntax error: at its line and column', () => {
    const p = only('syntax.yaml');
    expect(p).toMatchObject({ line: 2, column: 10 });
    expect(p.message).toMatch(/^YAML syntax: /);
  });

  it('missing required key', () => {
    expect(only('no-message.yaml')).toEqual({ file: 'no-message.yaml', line: 1, column: 1, message: "missing required key 'message'" });
  });

  it('unknown key: at the key', () => {
    expect(only('unknown-key.yaml')).toEqual({ file: 'unknown-key.yaml', line: 8, column: 1, message: "unknown key 'colour'" });
  });

  it('bad severity: at the value, naming the allowed values', () => {
    expect(only('severity.yaml')).toEqual({ file: 'severity.yaml', line: 3, column: 11, message: "'severity' must be one of: error, warning, info" });
  });

  it('a kind with two kinds', () => {
    const p = only('two-kinds.yaml');
    expect(p).toMatchObject({ line: 6, column: 3 });
    expect(p.message).toBe("'kind' must name exactly one rule kind: require, require-detail, forbid, one-sided, threshold or conditional");
  });

  it('a catastrophic pattern: at the pattern in its list', () => {
    const p = only('catastrophic.yaml');
    expect(p).toMatchObject({ line: 9, column: 9 });
    expect(p.message).toContain('pattern "(a+)+"');
    expect(p.message).toContain('nested quantifiers');
  });

  it('an invalid regular expression', () => {
    const p = only('invalid-regex.yaml');
    expect(p).toMatchObject({ line: 7, column: 5 });
    expect(p.message).toMatch(/^pattern "保证\(销售": invalid regular expression/);
  });

  it('duplicate rule ids: at the second id, naming the first file', () => {
    expect(byFile('first.yaml')).toEqual([]);
    expect(only('second.yaml')).toEqual({ file: 'second.yaml', line: 2, column: 1, message: "duplicate rule id 't.dup' (also in first.yaml)" });
  });

  it('messages are plain: no JSON pointers or Ajv jargon', () => {
    for (const p of loaded.problems) {
      expect(p.message).not.toMatch(/must NOT have|instancePath|#\/|additionalProperties|must match/);
    }
    expect(formatProblem(only('no-message.yaml'))).toBe("no-message.yaml:1:1: missing required key 'message'");
  });
});

describe('more problems in one file', () => {
  it('every schema problem of a file, each at its place', () => {
    const text = [
      'id: t.many', // 1
      'category: misc', // 2
      'severity: loud', // 3
      'message: hi', // 4
      'kind:', // 5
      '  forbid:', // 6
      '    pattern: x', // 7
      '    negate: true', // 8
      'examples:', // 9
      '  flag: [a]', // 10
      '  fail: [b]', // 11
    ].join('\n');
    const { problems, rules } = loadRuleSources([src('many.yaml', text)], validator);
    expect(rules).toEqual([]);
    expect(problems.map((p) => [p.line, p.column, p.message]).sort()).toEqual(
      [
        [3, 11, "'severity' must be one of: error, warning, info"],
        [8, 5, "unknown key 'negate' in 'kind.forbid'"],
        [11, 3, "unknown key 'fail' in 'examples'"],
      ].sort(),
    );
  });

  it('nested patterns in conditions are checked too', () => {
    const text = 'id: t.nested\ncategory: misc\nseverity: warning\nmessage: hi\nkind:\n  conditional:\n    if: { all: [ok, { not: "(\\\\w*)*" }] }\n    then: ok\n';
    const { problems } = loadRuleSources([src('nested.yaml', text)], validator);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'nested.yaml', line: 7 });
    expect(problems[0].message).toContain('nested quantifiers');
  });

  it('a bad rule id and a missing kind', () => {
    const { problems } = loadRuleSources([src('id.yaml', 'id: NoDots\ncategory: misc\nseverity: info\nmessage: hi\n')], validator);
    expect(problems.map((p) => p.message).sort()).toEqual(["'id' must match pattern \"^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$\"", "missing required key 'kind'"].sort());
    expect(problems.find((p) => p.message.startsWith("'id'"))).toMatchObject({ line: 1, column: 5 });
  });

  it('a file that is not a mapping', () => {
    const { problems } = loadRuleSources([src('list.yaml', '- a\n- b\n')], validator);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'list.yaml', line: 1, column: 1 });
  });

  it('without a validator (trusted packs), patterns and ids are still checked', () => {
    const { problems, rules } = loadRuleSources(
      [src('a.yaml', good('t.same')), src('b.yaml', good('t.same')), src('c.yaml', 'id: t.c\ncategory: misc\nseverity: warning\nmessage: hi\nkind:\n  forbid:\n    pattern: "(x+)*"\n')],
      undefined,
    );
    expect(rules.map((r) => r.id)).toEqual(['t.same']);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['b.yaml', 1],
      ['c.yaml', 7],
    ]);
  });

  it('a valid rule has no problems', () => {
    const { problems, rules } = loadRuleSources([src('ok.yaml', good('t.ok'))], validator);
    expect(problems).toEqual([]);
    expect(rules).toHaveLength(1);
    expect(rules[0].kindName).toBe('require');
  });
});
