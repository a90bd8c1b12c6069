import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunnableRule } from '../rules/engine.js';
import type { LoadedRules, RuleSource } from '../rules/load.js';
import { readBundle } from './rule-bundle.js';
import type { SchemaValidator } from '../rules/yaml-source.js';

/** The rules/ folder shipped with the package (dist/node → ../../rules). */
export const BUILTIN_RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');
export const SCHEMA_DIR = path.join(BUILTIN_RULES_DIR, 'schema');

export function builtinPackNames(): string[] {
  return readdirSync(BUILTIN_RULES_DIR).filter((n) => n !== 'schema' && statSync(path.join(BUILTIN_RULES_DIR, n)).isDirectory()).sort();
}

/** A pack name (agency) or a folder path → the folder. */
export function resolvePack(ref: string, baseDir: string): { dir: string; pack: string; builtin: boolean } {
  if (!ref.includes('/') && !ref.includes('\\') && !ref.startsWith('.') && builtinPackNames().includes(ref)) {
    return { dir: path.join(BUILTIN_RULES_DIR, ref), pack: ref, builtin: true };
  }
  const dir = path.resolve(baseDir, ref);
  return { dir, pack: path.basename(dir), builtin: false };
}

export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/i.test(name)) out.push(full);
  }
  return out;
}

let validator: SchemaValidator | undefined;

/** Ajv loads only when a rule file from outside the package needs checking. */
export async function ruleValidator(): Promise<SchemaValidator> {
  if (validator) return validator;
  const { default: Ajv } = await import('ajv');
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'rule.schema.json'), 'utf8'));
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  validator = ajv.compile(schema) as unknown as SchemaValidator;
  return validator;
}

export interface PackRef {
  dir: string;
  pack: string;
  builtin: boolean;
}

/**
 * Reads rule packs. Built-in packs are checked against the schema by the test suite, so they skip Ajv at run
 * time (start-up speed); any other pack is validated, and `validateAll` validates the built-in ones too.
 */
export async function loadPacks(packs: PackRef[], options: { validateAll?: boolean; cwd?: string } = {}): Promise<LoadedRules> {
  const sources: RuleSource[] = [];
  const problems: LoadedRules['problems'] = [];
  const bundled: RunnableRule[] = [];
  for (const p of packs) {
    let files: string[];
    try {
      files = statSync(p.dir).isDirectory() ? yamlFiles(p.dir) : [p.dir];
    } catch {
      problems.push({ file: p.dir, line: 1, column: 1, message: 'rule pack folder not found / 找不到规则包目录' });
      continue;
    }
    const fromBundle = p.builtin && !options.validateAll ? readBundle(p.pack, p.dir, files, options.cwd) : undefined;
    if (fromBundle) {
      bundled.push(...fromBundle);
      continue;
    }
    for (const f of files) {
      const rel = options.cwd ? path.relative(options.cwd, f) || f : f;
      sources.push({ file: rel, text: readFileSync(f, 'utf8'), pack: p.pack, trusted: p.builtin && !options.validateAll });
    }
  }
  const validate = sources.some((s) => !s.trusted) ? await ruleValidator() : undefined;
  // The YAML parser loads only when some pack is not read from its bundle.
  const loaded = sources.length ? (await import('../rules/load.js')).loadRuleSources(sources, validate) : { rules: [], problems: [] };
  // Ids must be unique across packs, bundled ones included.
  const bundledIds = new Map(bundled.map((r) => [r.id, r.source.file]));
  const rules = loaded.rules.filter((r) => {
    const other = bundledIds.get(r.id);
    if (other) problems.push({ ...r.source, message: `duplicate rule id '${r.id}' (also in ${other})` });
    return !other;
  });
  return { rules: [...bundled, ...rules], problems: [...problems, ...loaded.problems] };
}
