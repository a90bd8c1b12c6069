import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Language, PartyRole } from '../types.js';
import type { Severity } from '../rules/types.js';
import type { Problem, SchemaValidator } from '../rules/yaml-source.js';
import { resolvePack, SCHEMA_DIR, type PackRef } from './rule-packs.js';

export const CONFIG_NAMES = ['.contract-lint.yaml', '.contract-lint.yml'];
export const DEFAULT_PACKS = ['agency'];

type RuleSetting = Severity | 'off' | { severity?: Severity | 'off' };

interface ConfigData {
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  party?: PartyRole;
  language?: Language;
  template?: boolean;
  ignore?: string[];
  suppress?: Array<{ rule: string; clause?: string; files?: string | string[]; reason: string }>;
  overrides?: Array<{ files: string | string[]; rules?: Record<string, RuleSetting>; party?: PartyRole; language?: Language; template?: boolean }>;
}

interface ConfigFile {
  path: string;
  dir: string;
  data: ConfigData;
}

export interface ConfigSuppression {
  rule: string;
  clause?: string;
  reason: string;
}

/** The configuration that applies to one contract, after merging every file from the root down. */
export interface ResolvedConfig {
  packs: PackRef[];
  /** Settings by rule id; ids ending in `.*` apply to a prefix. */
  rules: Record<string, Severity | 'off'>;
  party?: PartyRole;
  language?: Language;
  template?: boolean;
  ignored: boolean;
  suppress: ConfigSuppression[];
  /** The configuration files, innermost last (for messages and cache keys). */
  files: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  }
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const settingOf = (s: RuleSetting): Severity | 'off' | undefined => (typeof s === 'string' ? s : s.severity);

/**
 * Finds and merges `.contract-lint.yaml` files upward from each contract, like ESLint's cascading configuration:
 * the nearest file wins, `root: true` stops the search. Configuration problems are collected across every file
 * and thrown once as a ConfigError.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigFile[]>();
  private readonly parsed = new Map<string, ConfigFile | null>();
  private readonly problems: Problem[] = [];
  private validator?: SchemaValidator;

  constructor(
    private readonly cwd: string,
    private readonly explicitConfig?: string,
  ) {}

  private async validate(): Promise<SchemaValidator> {
    if (!this.validator) {
      const { default: Ajv } = await import('ajv');
      const ajv = new Ajv.default({ allErrors: true, strict: false });
      this.validator = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'config.schema.json'), 'utf8'))) as unknown as SchemaValidator;
    }
    return this.validator;
  }

  private async read(file: string): Promise<ConfigFile | null> {
    if (this.parsed.has(file)) return this.parsed.get(file)!;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      this.problems.push({ file: path.relative(this.cwd, file) || file, line: 1, column: 1, message: 'configuration file not found / 找不到配置文件' });
      this.parsed.set(file, null);
      return null;
    }
    const rel = path.relative(this.cwd, file) || file;
    // The YAML parser loads only when there is a configuration file to read.
    const { parseYaml } = await import('../rules/yaml-source.js');
    const result = parseYaml(text, rel, await this.validate());
    if (result.problems.length) {
      this.problems.push(...result.problems);
      this.parsed.set(file, null);
      return null;
    }
    const data = (result.value ?? {}) as ConfigData;
    const cf = { path: file, dir: path.dirname(file), data };
    for (const ref of list(data.extends)) {
      const pack = resolvePack(ref, cf.dir);
      if (!existsSync(pack.dir)) {
        this.problems.push({ file: rel, ...result.positionOf(['extends']), message: `rule pack '${ref}' not found (a built-in pack name or a folder) / 找不到规则包 '${ref}'` });
      }
    }
    this.parsed.set(file, cf);
    return cf;
  }

  private async chain(dir: string): Promise<ConfigFile[]> {
    const hit = this.byDir.get(dir);
    if (hit) return hit;
    let result: ConfigFile[] = [];
    const here = CONFIG_NAMES.map((n) => path.join(dir, n)).find((p) => existsSync(p));
    const cf = here ? await this.read(here) : null;
    const parent = path.dirname(dir);
    if (cf?.data.root || parent === dir) result = cf ? [cf] : [];
    else result = [...(await this.chain(parent)), ...(cf ? [cf] : [])];
    this.byDir.set(dir, result);
    return result;
  }

  /** The configuration for one contract (path relative to cwd or absolute). */
  async resolve(file: string): Promise<ResolvedConfig> {
    const abs = path.resolve(this.cwd, file);
    const chain = this.explicitConfig
      ? [await this.read(path.resolve(this.cwd, this.explicitConfig))].filter((c): c is ConfigFile => c !== null)
      : await this.chain(path.dirname(abs));
    const out: ResolvedConfig = { packs: [], rules: {}, ignored: false, suppress: [], files: chain.map((c) => c.path) };
    // Loaded only when there is a configuration whose patterns need matching, not for every lint's start-up.
    const picomatch = chain.length ? (await import('picomatch')).default : null;
    let extendsSeen = false;
    for (const cf of chain) {
      const d = cf.data;
      const rel = path.relative(cf.dir, abs).split(path.sep).join('/');
      // One matcher per pattern: a pattern without a slash matches the file name at any depth (like .gitignore),
      // whatever the other patterns of the list look like.
      const matches = (globs: string | string[]) => list(globs).some((g) => picomatch!(g, { dot: true, matchBase: !g.includes('/') })(rel));
      if (d.extends !== undefined) {
        extendsSeen = true;
        for (const ref of list(d.extends)) {
          const pack = resolvePack(ref, cf.dir);
          if (!out.packs.some((p) => p.dir === pack.dir)) out.packs.push(pack);
        }
      }
      for (const [id, s] of Object.entries(d.rules ?? {})) {
        const v = settingOf(s);
        if (v) out.rules[id] = v;
      }
      if (d.party) out.party = d.party;
      if (d.language) out.language = d.language;
      if (d.template !== undefined) out.template = d.template;
      if (d.ignore && matches(d.ignore)) out.ignored = true;
      for (const s of d.suppress ?? []) {
        if (s.files === undefined || matches(s.files)) out.suppress.push({ rule: s.rule, clause: s.clause, reason: s.reason });
      }
      for (const o of d.overrides ?? []) {
        if (!matches(o.files)) continue;
        for (const [id, s] of Object.entries(o.rules ?? {})) {
          const v = settingOf(s);
          if (v) out.rules[id] = v;
        }
        if (o.party) out.party = o.party;
        if (o.language) out.language = o.language;
        if (o.template !== undefined) out.template = o.template;
      }
    }
    if (!extendsSeen) out.packs = DEFAULT_PACKS.map((p) => resolvePack(p, this.cwd));
    return out;
  }

  /** Throws every configuration problem met so far, at once. */
  throwProblems(): void {
    if (this.problems.length) throw new ConfigError(this.problems.splice(0));
  }
}

/** Expands `agency.exit.*` settings to the rule ids they cover; exact ids win over prefixes. */
export function settingsFor(ids: string[], rules: Record<string, Severity | 'off'>): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  const prefixes = Object.entries(rules)
    .filter(([k]) => k.endsWith('.*') || k === '*')
    .sort((a, b) => a[0].length - b[0].length);
  for (const id of ids) {
    for (const [k, v] of prefixes) if (k === '*' || id.startsWith(k.slice(0, -1))) out[id] = v;
    if (rules[id]) out[id] = rules[id];
  }
  return out;
}
