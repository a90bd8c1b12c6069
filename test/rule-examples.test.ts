import { describe, expect, it } from 'vitest';
import { builtinPackNames, loadPacks, resolvePack } from '../src/node/rule-packs.js';
import { runRuleExamples } from '../src/rules/examples.js';

describe('built-in rule packs', async () => {
  const packs = builtinPackNames().map((n) => resolvePack(n, process.cwd()));
  const loaded = await loadPacks(packs, { validateAll: true });

  it('validate against the rule schema', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.rules.length).toBeGreaterThan(5);
  });

  it('every rule has flag and pass examples', () => {
    const without = loaded.rules.filter((r) => !(r.spec.examples?.flag?.length && r.spec.examples?.pass?.length)).map((r) => r.id);
    expect(without).toEqual([]);
  });

  for (const rule of loaded.rules) {
    it(`${rule.id}: flags its flag examples and passes its pass examples`, () => {
      const { failed } = runRuleExamples([rule]);
      expect(failed.map((f) => `${f.expectation}[${f.index}] ${f.text} → ${f.got.join(' | ')}`)).toEqual([]);
    });
  }
});
