import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../src/index.js';
import type { Clause } from '../src/types.js';

/**
 * Every contract in fixtures/contracts has a hand-written expected outline (numbers, headings, nesting), parties
 * with roles, and language: the tool's clause tree must match it exactly.
 */
const dir = path.resolve(__dirname, '../fixtures/contracts');

interface Expected {
  language: string;
  parties: Array<{ label: string; role: string; name?: string }>;
  outline: Array<{ number: string | null; heading: string | null; children: Expected['outline'] }>;
}

const outline = (clauses: Clause[]): Expected['outline'] =>
  clauses.map((c) => ({ number: c.number, heading: c.heading, children: outline(c.children) }));

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .map((base) => ({ base, file: readdirSync(dir).find((f) => f.startsWith(base + '.') && !f.endsWith('.expected.json')) }))
  .filter((x): x is { base: string; file: string } => !!x.file);

describe('fixture contracts: clause tree, parties and language as a reader sees them', () => {
  it('there are at least 10 fixtures in four formats', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(new Set(fixtures.map((f) => path.extname(f.file))).size).toBeGreaterThanOrEqual(4);
  });

  for (const { base, file } of fixtures) {
    describe(file, async () => {
      const expected: Expected = JSON.parse(readFileSync(path.join(dir, base + '.expected.json'), 'utf8'));
      const full = path.join(dir, file);
      const doc = existsSync(full) ? await parseContract(new Uint8Array(readFileSync(full)), file) : null;

      it('clause outline', () => {
        expect(outline(doc!.tree.children)).toEqual(expected.outline);
      });
      it('parties and roles', () => {
        expect(doc!.parties.map((p) => ({ label: p.label, role: p.role, name: p.name }))).toEqual(
          expected.parties.map((p) => ({ label: p.label, role: p.role, name: p.name })),
        );
      });
      it('language', () => {
        expect(doc!.language).toBe(expected.language);
      });
    });
  }
});
