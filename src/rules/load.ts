import { compileRule, type RunnableRule } from './engine.js';
import { withRoles } from './conditions.js';
import { compilePattern, PatternError } from './patterns.js';
import type { RuleSpec } from './types.js';
import { parseYaml, type Problem, type SchemaValidator } from './yaml-source.js';

export interface RuleSource {
  file: string;
  text: string;
  pack: string;
  /** Already checked against the schema (built-in packs, checked by the test suite). */
  trusted?: boolean;
}

export interface LoadedRules {
  rules: RunnableRule[];
  problems: Problem[];
}

/** Keys whose string values are not patterns. */
const NOT_PATTERN_KEYS = new Set(['id', 'name', 'type', 'op', 'unit', 'favoured', 'favours', 'zh', 'en', 'value', 'min', 'negation', 'document']);

/** Every pattern string of a rule, in its kind and its scope. */
export function rulePatterns(spec: RuleSpec): string[] {
  return [...patternsOf(spec.kind, ['kind']), ...patternsOf(spec.scope, ['scope'])].map(([pattern]) => pattern);
}

/** Every pattern string in a rule's kind and scope, with its path in the YAML. */
function* patternsOf(value: unknown, path: Array<string | number>): Generator<[string, Array<string | number>]> {
  if (typeof value === 'string') {
    const key = path[path.length - 1];
    const parentKey = path[path.length - 2];
    if (typeof key === 'string' && NOT_PATTERN_KEYS.has(key)) return;
    if (typeof key === 'number' && typeof parentKey === 'string' && NOT_PATTERN_KEYS.has(parentKey)) return;
    yield [value, path];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* patternsOf(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'name') continue;
      yield* patternsOf(v, [...path, k]);
    }
  }
}

/**
 * YAML rule files → compiled rules. Pure: the caller reads the files. Every problem of every file is collected
 * (syntax, schema, bad or dangerous patterns, duplicate ids) so that a user fixes them in one pass.
 */
export function loadRuleSources(sources: RuleSource[], validate?: SchemaValidator): LoadedRules {
  const rules: RunnableRule[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const src of sources) {
    const parsed = parseYaml(src.text, src.file, src.trusted ? undefined : validate);
    if (parsed.problems.length) {
      problems.push(...parsed.problems);
      continue;
    }
    const spec = parsed.value as RuleSpec;
    if (!spec || typeof spec !== 'object') {
      problems.push({ file: src.file, line: 1, column: 1, message: 'a rule file must hold one rule (a mapping with id, category, severity, message, kind)' });
      continue;
    }
    let bad = false;
    for (const [pattern, path] of [...patternsOf(spec.kind, ['kind']), ...patternsOf(spec.scope, ['scope'])]) {
      try {
        compilePattern(withRoles(pattern, { client: '(?:甲方|client)', provider: '(?:乙方|agency)' }));
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problems.push({ file: src.file, ...parsed.positionOf(path), message: `pattern ${JSON.stringify(pattern)}: ${e.message}` });
        bad = true;
      }
    }
    if (bad) continue;
    const where = parsed.positionOf(['id']);
    const previous = seen.get(spec.id);
    if (previous) {
      problems.push({ file: src.file, ...where, message: `duplicate rule id '${spec.id}' (also in ${previous})` });
      continue;
    }
    seen.set(spec.id, src.file);
    try {
      rules.push(compileRule(spec, { file: src.file, ...where }, src.pack));
    } catch (e) {
      problems.push({ file: src.file, ...where, message: (e as Error).message });
    }
  }
  return { rules, problems };
}
