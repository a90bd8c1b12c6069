import type { Language, PartyRole } from '../types.js';
import { lintDocument, type RunnableRule } from '../rules/engine.js';
import { applySuppressions } from '../rules/suppressions.js';
import type { Severity } from '../rules/types.js';
import type { FileReport } from './lint-files.js';
import { analyseIngested, ingestContract, type IngestResult } from './read-contract.js';
import { loadPacks, type PackRef } from './rule-packs.js';

/** Everything needed to lint one file, as plain data: it can cross to a worker thread. */
export interface LintTask {
  path: string;
  explicit: boolean;
  cwd: string;
  packs: PackRef[];
  ruleSettings: Record<string, Severity | 'off'>;
  party: PartyRole;
  language?: Language;
  template: boolean;
  suppress: Array<{ rule: string; clause?: string; reason: string }>;
  password?: string;
  maxFileSize?: number;
  timeout?: number;
}

const packsKey = (packs: PackRef[]) => packs.map((p) => p.dir).join('\0');

/** Rule packs loaded once per thread. The main thread has validated them before any task runs. */
export class RuleCache {
  private readonly byKey = new Map<string, Promise<RunnableRule[]>>();

  get(packs: PackRef[], cwd: string): Promise<RunnableRule[]> {
    const key = packsKey(packs);
    let rules = this.byKey.get(key);
    if (!rules) {
      rules = loadPacks(packs, { cwd }).then((l) => l.rules);
      this.byKey.set(key, rules);
    }
    return rules;
  }

  set(packs: PackRef[], rules: RunnableRule[]): void {
    this.byKey.set(packsKey(packs), Promise.resolve(rules));
  }
}

/** Reads and lints one file. Never throws: an unreadable file comes back with `error`. */
export async function runLintTask(task: LintTask, cache: RuleCache): Promise<FileReport> {
  // (a task carries the read options itself: cwd, password, maxFileSize, timeout, explicit)
  return lintIngested(task, await ingestContract(task.path, task), cache);
}

/** The linting half of a task: clause tree, rules and suppressions over what was read. */
export async function lintIngested(task: LintTask, ingested: IngestResult, cache: RuleCache): Promise<FileReport> {
  const read = analyseIngested(ingested);
  if (read.error) return { path: task.path, findings: [], concerns: {}, error: read.error, cause: read.cause };
  const { document } = read;
  const rules = await cache.get(task.packs, task.cwd);
  const result = lintDocument(document, rules, {
    party: task.party,
    language: task.language,
    ruleSettings: task.ruleSettings,
    template: task.template,
  });
  const findings = applySuppressions(document, result.findings, task.suppress);
  return { path: task.path, document, findings, concerns: result.concerns, error: null };
}
