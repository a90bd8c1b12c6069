/**
 * Build step: writes dist/packs/<pack>.json for every built-in pack (see rule-bundle.ts). Kept apart from the
 * reader so that a run that uses bundles never loads the YAML parser.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSources, rulePatterns } from '../rules/load.js';
import { patternFacts } from '../rules/patterns.js';
import { BUILTIN_RULES_DIR, builtinPackNames, yamlFiles } from './rule-packs.js';
import { BUNDLE_DIR, BUNDLE_VERSION, bundlePath, digestOf, type Bundle, type BundledRule } from './rule-bundle.js';

/** Simplified Chinese → Traditional (the build passes OpenCC's; the run never loads it). */
export type ToTraditional = (simplified: string) => string;

/**
 * Parses a built-in pack's YAML files (as the run would, problems included) and writes its bundle. Returns the
 * problems; no bundle is written when there are any. With `toTraditional`, every Chinese text of a rule (message,
 * suggestion, rationale, element names) gets its Traditional form beside it, for contracts written in Traditional.
 */
export function writeBundle(pack: string, dir: string, files: string[], bundleDir = BUNDLE_DIR, toTraditional?: ToTraditional): string[] {
  const bytes = new Map(files.map((f) => [f, readFileSync(f)]));
  const sources = files.map((f) => ({ file: f, text: bytes.get(f)!.toString('utf8'), pack, trusted: true }));
  const loaded = loadRuleSources(sources);
  if (loaded.problems.length) return loaded.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  if (toTraditional) for (const r of loaded.rules) addTraditional(r.spec, toTraditional);
  const rules: BundledRule[] = loaded.rules.map((r) => {
    const digest = digestOf(bytes.get(r.source.file)!);
    const { size, mtimeMs } = statSync(r.source.file);
    return { file: path.relative(dir, r.source.file), digest, size, mtimeMs, line: r.source.line, column: r.source.column, spec: r.spec };
  });
  const patterns: Bundle['patterns'] = {};
  for (const r of loaded.rules) for (const p of rulePatterns(r.spec)) patterns[p] = patternFacts(p);
  const bundle: Bundle = { version: BUNDLE_VERSION, pack, rules, patterns };
  mkdirSync(bundleDir, { recursive: true });
  writeFileSync(bundlePath(pack, bundleDir), JSON.stringify(bundle));
  return [];
}

/** Writes the bundle of every built-in pack (run by `npm run build`). Returns the problems found. */
export function bundleBuiltinPacks(toTraditional?: ToTraditional): string[] {
  return builtinPackNames().flatMap((pack) => {
    const dir = path.join(BUILTIN_RULES_DIR, pack);
    return writeBundle(pack, dir, yamlFiles(dir), BUNDLE_DIR, toTraditional);
  });
}

/** Every { zh, en } text inside a rule, wherever the kind keeps it, gains 'zh-Hant' unless the author wrote one. */
function addTraditional(value: unknown, toTraditional: ToTraditional): void {
  if (Array.isArray(value)) {
    for (const v of value) addTraditional(v, toTraditional);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string' && o['zh-Hant'] === undefined) o['zh-Hant'] = toTraditional(o.zh);
    for (const v of Object.values(o)) addTraditional(v, toTraditional);
  }
}
