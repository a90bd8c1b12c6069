import type { ContractDocument, Language, PartyRole } from '../types.js';
import { lintDocument, type RunnableRule } from '../rules/engine.js';
import { applySuppressions } from '../rules/suppressions.js';
import type { ConcernReport, Finding } from '../rules/types.js';
import type { Problem } from '../rules/yaml-source.js';
import { ConfigError, ConfigResolver, settingsFor, type ResolvedConfig } from './config.js';
import { expandPaths } from './expand-paths.js';
import { readContract } from './read-contract.js';
import { loadPacks, resolvePack } from './rule-packs.js';

export interface LintFilesOptions {
  cwd: string;
  config?: string;
  /** Extra rule folders (--rules), added to the configured packs. */
  rules?: string[];
  party?: PartyRole;
  language?: Language;
  /** Lint as templates: blanks to fill in are expected. */
  template?: boolean;
  password?: string;
  maxFileSize?: number;
}

export interface FileReport {
  path: string;
  document?: ContractDocument;
  findings: Finding[];
  concerns: Record<string, ConcernReport>;
  error: { code: string; message: string } | null;
  /** The exception behind an unreadable file, for --debug. */
  cause?: unknown;
}

export interface LintFilesResult {
  files: FileReport[];
  /** Every rule that was active for at least one file (for report formats that describe rules, like SARIF). */
  rules: RunnableRule[];
  /** Files named on the command line that a configuration ignores. */
  ignored: string[];
}

/**
 * Lints files, directories and globs with the configuration found for each file. Throws ConfigError, with every
 * configuration and rule-file problem at once, before anything is linted.
 */
export async function lintFiles(inputs: string[], options: LintFilesOptions): Promise<LintFilesResult> {
  const resolver = new ConfigResolver(options.cwd, options.config);
  const files = await expandPaths(inputs, options.cwd);
  const configs: ResolvedConfig[] = [];
  for (const f of files) configs.push(await resolver.resolve(f.path));
  resolver.throwProblems();

  const extra = (options.rules ?? []).map((r) => resolvePack(r, options.cwd));
  const packsCache = new Map<string, RunnableRule[]>();
  const problems: Problem[] = [];
  const rulesFor = async (config: ResolvedConfig) => {
    const packs = [...config.packs, ...extra];
    const key = packs.map((p) => p.dir).join('\0');
    let rules = packsCache.get(key);
    if (!rules) {
      const loaded = await loadPacks(packs, { cwd: options.cwd });
      problems.push(...loaded.problems);
      rules = loaded.rules;
      packsCache.set(key, rules);
    }
    return rules;
  };
  for (const c of configs) await rulesFor(c);
  if (problems.length) throw new ConfigError(problems);

  const reports: FileReport[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const config = configs[i];
    if (config.ignored) {
      if (f.explicit) ignored.push(f.path);
      continue;
    }
    const read = await readContract(f.path, { cwd: options.cwd, password: options.password, maxFileSize: options.maxFileSize, explicit: f.explicit });
    if (read.error) {
      reports.push({ path: f.path, findings: [], concerns: {}, error: read.error, cause: read.cause });
      continue;
    }
    const rules = await rulesFor(config);
    const result = lintDocument(read.document, rules, {
      party: options.party ?? config.party ?? 'client',
      language: options.language ?? config.language,
      ruleSettings: settingsFor(rules.map((r) => r.id), config.rules),
      template: options.template ?? config.template ?? false,
    });
    const findings = applySuppressions(read.document, result.findings, config.suppress);
    reports.push({ path: f.path, document: read.document, findings, concerns: result.concerns, error: null });
  }
  const rules = new Map<string, RunnableRule>();
  for (const list of packsCache.values()) for (const r of list) if (!rules.has(r.id)) rules.set(r.id, r);
  return { files: reports, ignored, rules: [...rules.values()] };
}

export { ConfigError };
