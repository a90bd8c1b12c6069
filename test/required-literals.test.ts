/**
 * The strings a pattern cannot match without (src/rules/required-literals.ts), which let a contract skip the
 * patterns that cannot match it. The one property that matters is soundness: whenever a pattern matches a text, the
 * text holds one of its strings. A wrong answer would silently turn a finding into a miss.
 */
import fc from 'fast-check';

if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContract } from '../src/node/read-contract.js';
import { loadPacks, resolvePack } from '../src/node/rule-packs.js';
import { rulePatterns } from '../src/rules/load.js';
import { normalize } from '../src/rules/normalize.js';
import { compilePattern, patternLiterals } from '../src/rules/patterns.js';
import { DocumentText, requiredLiterals } from '../src/rules/required-literals.js';
import type { Clause } from '../src/types.js';

const root = path.resolve(__dirname, '..');

/** Whether `literals` (null: nothing required) allow `text`. */
const allows = (literals: string[] | null, text: string) => literals === null || literals.some((l) => text.includes(l));

describe('requiredLiterals', () => {
  it.each([
    ['服务范围', ['服务范围']],
    ['(?:服务|工作)范围', ['服务范围', '工作范围']],
    ['[甲乙]方有权', ['甲方有权', '乙方有权']],
    ['terminat\\w* for convenience', [' for convenience']],
    ['(?:review|approv)\\w* (?:of )?(?:the|our) work', [' the work', ' our work']],
    // (" of the work" holds " the work", so the shorter is enough)
    ['refunds?', ['refund']],
    ['\\bkpi\\b|考核指标', ['kpi', '考核指标']],
    ['(?<!不)得[^。]{0,10}终止', ['终止']],
    ['a(?=b)c', ['ac']],
    ['x{2}yz', ['yz']],
    ['\\u4e00abc', ['abc']],
    ['data\\.', ['data.']],
  ])('%s requires one of %j', (source, expected) => {
    expect(requiredLiterals(source)?.sort()).toEqual([...expected].sort());
  });

  it.each([
    ['.*', 'any text'],
    ['a?', 'an optional letter'],
    ['(?:ab)*c?', 'repetitions that may match nothing'],
    ['\\d+', 'a class'],
    ['a|\\w', 'an alternative that requires nothing'],
    ['𠀀?', 'a character outside the BMP'],
    ['(?i:abc)', 'syntax it does not know'],
  ])('%s requires nothing: %s', (source) => {
    expect(requiredLiterals(source)).toBeNull();
  });

  it('a back-reference requires nothing, its group still does', () => {
    expect(requiredLiterals('(ab)\\1')).toEqual(['ab']);
  });

  // Patterns built from the constructs rules use, over a small alphabet so that they often match.
  const letter = fc.constantFrom('a', 'b', 'c', '甲', '乙', ' ', '.');
  const atom: fc.Arbitrary<string> = fc.letrec<{ re: string; seq: string; item: string }>((tie) => ({
    re: fc.oneof({ depthSize: 'small' }, tie('seq'), fc.tuple(tie('seq'), tie('seq')).map(([a, b]) => `${a}|${b}`)),
    seq: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
    item: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      letter.map((c) => (c === '.' ? '\\.' : c)),
      fc.constantFrom('[ab]', '[^a]', '.', '\\b', '\\B', '^', '$', '\\w', '\\s', '[甲乙]', '\\u0061', '\\x62', '[a-c]', '[\\w.]', '[\\s甲]', '[\\-a]', '[\\.]'),
      fc.tuple(tie('re'), fc.constantFrom('', '?', '*', '+', '{2}', '{0,2}', '{1,3}', '{2,}', '??', '+?')).map(([r, q]) => `(?:${r})${q}`),
      fc.tuple(fc.constantFrom('?=', '?!', '?<=', '?<!', ''), tie('re')).map(([k, r]) => `(${k}${r})`),
      fc.tuple(letter, fc.constantFrom('?', '*', '+', '{2}', '{0,1}')).map(([c, q]) => (c === '.' ? '\\.' : c) + q),
    ),
  })).re;
  const text = fc.string({ unit: letter, maxLength: 24 });

  it('every text a generated pattern matches holds one of its strings', () => {
    fc.assert(
      fc.property(atom, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        let re: RegExp;
        try {
          re = new RegExp(source);
        } catch {
          return; // (a generated pattern V8 refuses, such as a quantified look-behind)
        }
        const literals = requiredLiterals(source);
        for (const t of texts) {
          const m = re.exec(t);
          if (m && m[0].length > 0) expect(allows(literals, t), `${source} matched ${JSON.stringify(t)} but requires ${JSON.stringify(literals)}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('every clause a built-in pattern matches holds one of its strings (the development set)', async () => {
    const { rules } = await loadPacks([resolvePack('agency', root)]);
    const sources = [...new Set(rules.flatMap((r) => rulePatterns(r.spec)))].filter((s) => !/\{(?:client|provider)\}/.test(s));
    expect(sources.length).toBeGreaterThan(400);
    const dir = path.join(root, 'fixtures/eval');
    const texts: string[] = [];
    for (const f of readdirSync(dir).filter((f) => /\.(md|txt|docx|pdf)$/.test(f))) {
      const document = (await readContract(path.join(dir, f), { cwd: root })).document!;
      const walk = (c: Clause) => {
        texts.push(normalize(c.blocks.map((b) => b.text).join('\n')).text);
        c.children.forEach(walk);
      };
      texts.push(normalize(document.preamble.map((b) => b.text).join('\n')).text);
      document.tree.children.forEach(walk);
    }
    let matched = 0;
    let skipped = 0;
    for (const source of sources) {
      const re = compilePattern(source);
      const literals = patternLiterals(source);
      for (const t of texts) {
        re.lastIndex = 0;
        const m = re.exec(t);
        if (m && m[0].length > 0) {
          matched++;
          expect(allows(literals, t), `${source} matched a clause holding none of ${JSON.stringify(literals)}`).toBe(true);
        } else if (!allows(literals, t)) skipped++;
      }
    }
    // The check means something: patterns did match, and most pattern-clause pairs could be skipped unread.
    expect(matched).toBeGreaterThan(500);
    expect(skipped).toBeGreaterThan(sources.length * texts.length * 0.5);
  });
});

describe('DocumentText', () => {
  it('rules out strings the document does not hold, and never one it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '甲', '乙', ' '), maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (parts, i, j) => {
        const doc = new DocumentText();
        for (const p of parts) doc.add(p);
        const part = parts[i % parts.length];
        const from = part.length ? i % part.length : 0;
        const held = part.slice(from, from + 1 + (j % 6));
        if (held) expect(doc.mayContain([held])).toBe(true);
      }),
      { numRuns: 2000 },
    );
    const doc = new DocumentText();
    doc.add('the agency shall provide the services');
    doc.add('甲方有权随时终止本合同');
    expect(doc.mayContain(['services'])).toBe(true);
    expect(doc.mayContain(['终止本合同'])).toBe(true);
    expect(doc.mayContain(['服务范围'])).toBe(false);
    expect(doc.mayContain(['refund', 'liquidated damages'])).toBe(false);
    expect(doc.mayContain(['refund', 'agency'])).toBe(true);
    expect(doc.mayContain(null)).toBe(true);
  });
});
