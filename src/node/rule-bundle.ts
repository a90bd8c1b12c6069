/**
 * Built-in rule packs parsed once, at build time, into one JSON file per pack (dist/packs/<pack>.json). Parsing
 * 44 YAML files with positions took ~75 ms of every run's start-up; reading one JSON file takes ~2. The bundle
 * records a digest of each source file, and is used only while they all still match: a rule edited without a
 * rebuild is read from its YAML, never from a stale bundle. A file whose size and modification time are still the
 * ones bundled is not read again (a checkout built in place); any other is read and its digest compared (npm packs
 * files with a fixed date, so an installed package's times never match).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRule, type RunnableRule } from '../rules/engine.js';
import { seedPatternFacts, type PatternFacts } from '../rules/patterns.js';
import type { RuleSpec } from '../rules/types.js';

export const BUNDLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packs');
export const BUNDLE_VERSION = 5;

export interface BundledRule {
  /** Path of the YAML file inside the pack folder. */
  file: string;
  /** Fingerprint of the file's bytes (digestOf). */
  digest: string;
  /** Size and modification time when bundled: a file that still has both is taken as unchanged without reading it. */
  size: number;
  mtimeMs: number;
  line: number;
  column: number;
  spec: RuleSpec;
}

/** One rule per YAML file, in the order of the pack's files: the list of files is the list of rules. */
export interface Bundle {
  version: number;
  pack: string;
  rules: BundledRule[];
  /** What the build worked out for each pattern (patternFacts), rather than every start-up. */
  patterns: Record<string, PatternFacts>;
}

export const bundlePath = (pack: string, bundleDir = BUNDLE_DIR) => path.join(bundleDir, `${pack}.json`);
/**
 * A fingerprint of a rule file, to tell an edited file from the one bundled: two 32-bit FNV-1a hashes with different
 * seeds, and the length. Not a security measure (anyone who can edit the rules can edit the bundle); computed in
 * JavaScript because loading node:crypto cost more of a short lint's start-up than hashing fifty small files.
 */
export function digestOf(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x5bd1e995) ^ (b >>> 13);
  }
  return `${bytes.length.toString(16)}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The pack's rules from its bundle, or undefined when there is no bundle or it no longer matches the YAML files
 * (`files`: the pack's YAML files as found now). Source locations are given relative to `cwd` when set, as
 * loading from YAML gives them.
 */
export function readBundle(pack: string, dir: string, files: string[], cwd?: string, bundleDir = BUNDLE_DIR): RunnableRule[] | undefined {
  const file = bundlePath(pack, bundleDir);
  if (!existsSync(file)) return undefined;
  let bundle: Bundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
  } catch {
    return undefined;
  }
  const now = files.map((f) => path.relative(dir, f));
  if (bundle.version !== BUNDLE_VERSION || bundle.pack !== pack || bundle.rules.map((r) => r.file).join('\0') !== now.join('\0')) return undefined;
  const rules: RunnableRule[] = [];
  // (keyed by each pattern's text: an entry is right for that text whichever rule it came from, even if the bundle
  // turns out stale below)
  seedPatternFacts(bundle.patterns);
  for (const r of bundle.rules) {
    const full = path.join(dir, r.file);
    try {
      const st = statSync(full);
      if ((st.size !== r.size || st.mtimeMs !== r.mtimeMs) && digestOf(readFileSync(full)) !== r.digest) return undefined;
    } catch {
      return undefined;
    }
    const shown = cwd ? path.relative(cwd, full) || full : full;
    rules.push(compileRule(r.spec, { file: shown, line: r.line, column: r.column }, pack));
  }
  return rules;
}
