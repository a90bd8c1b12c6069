import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContractDocument, Language, PartyRole } from '../types.js';
import type { RunnableRule } from '../rules/engine.js';
import type { ConcernReport, Finding } from '../rules/types.js';
import type { Problem } from '../rules/yaml-source.js';
import { ConfigError, ConfigResolver, settingsFor, type ResolvedConfig } from './config.js';
import { expandPaths } from './expand-paths.js';
import type { LintCache } from './lint-cache.js';
import { lintIngested, RuleCache, runLintTask, type LintTask } from './lint-task.js';
import { loadPacks, resolvePack } from './rule-packs.js';
import { estimateCost, isPdfPath, longestFirst, plannedWorkers } from './work-plan.js';
import { runInPool, workersAvailable } from './worker-pool.js';

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
  /** Seconds reading one file may take (default 60; 0 = no limit). */
  timeout?: number;
  /** Worker threads (default: by the number of files and cores; 1 lints in this thread). */
  workers?: number;
  /** Reuse reports of unchanged files from the cache file. */
  cache?: boolean;
  cacheLocation?: string;
  /** Told after each file, for a progress line. */
  onProgress?: (done: number, total: number) => void;
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

  // Every rule pack is loaded and validated here, before anything is linted, so that all problems show at once.
  const extra = (options.rules ?? []).map((r) => resolvePack(r, options.cwd));
  const ruleCache = new RuleCache();
  const active = new Map<string, RunnableRule>();
  const problems: Problem[] = [];
  const seenPacks = new Set<string>();
  for (const c of configs) {
    const packs = [...c.packs, ...extra];
    const key = packs.map((p) => p.dir).join('\0');
    if (seenPacks.has(key)) continue;
    seenPacks.add(key);
    const loaded = await loadPacks(packs, { cwd: options.cwd });
    problems.push(...loaded.problems);
    ruleCache.set(packs, loaded.rules);
    for (const r of loaded.rules) if (!active.has(r.id)) active.set(r.id, r);
  }
  if (problems.length) throw new ConfigError(problems);

  const ignored: string[] = [];
  const tasks: LintTask[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const config = configs[i];
    if (config.ignored) {
      if (f.explicit) ignored.push(f.path);
      continue;
    }
    const packs = [...config.packs, ...extra];
    const rules = await ruleCache.get(packs, options.cwd);
    tasks.push({
      path: f.path,
      explicit: f.explicit,
      cwd: options.cwd,
      packs,
      ruleSettings: settingsFor(rules.map((r) => r.id), config.rules),
      party: options.party ?? config.party ?? 'client',
      language: options.language ?? config.language,
      template: options.template ?? config.template ?? false,
      suppress: config.suppress,
      password: options.password,
      maxFileSize: options.maxFileSize,
      timeout: options.timeout,
    });
  }

  // (loaded only with --cache: it brings node:crypto, which a plain run does not need)
  const cache: LintCache | null = options.cache ? new (await import('./lint-cache.js')).LintCache(options.cacheLocation ?? path.join(options.cwd, '.contract-lint-cache'), [...active.values()]) : null;
  const reports: Array<FileReport | undefined> = new Array(tasks.length);
  const keys: string[] = [];
  if (cache) {
    for (let i = 0; i < tasks.length; i++) {
      const content = await readFile(path.resolve(options.cwd, tasks[i].path)).catch(() => null);
      if (!content) continue;
      keys[i] = cache.keyOf(tasks[i], content);
      reports[i] = cache.get(keys[i], tasks[i].path);
    }
  }
  const todo = tasks.map((t, i) => i).filter((i) => !reports[i]);
  let done = tasks.length - todo.length;
  options.onProgress?.(done, tasks.length);
  const costs = await Promise.all(
    todo.map((i) => stat(path.resolve(options.cwd, tasks[i].path)).then((s) => estimateCost(tasks[i].path, s.size), () => 0)),
  );
  const isPdf = (i: number) => isPdfPath(tasks[i].path);
  const hasPdf = todo.some(isPdf);
  const planned = () => plannedWorkers(todo.map((i, k) => ({ cost: costs[k], pdf: isPdf(i) })));
  // A PDF is read in a worker even in a small run: only a worker can be stopped when pdf.js is stuck in a loop.
  const workers = !workersAvailable() || options.workers === 0 ? 0 : Math.max(hasPdf ? 1 : 0, options.workers ?? planned());
  const finish = (i: number, report: FileReport) => {
    reports[i] = report;
    options.onProgress?.(++done, tasks.length);
  };
  if (workers === 0) {
    // Two files in flight: the next one is read from disk while this one is linted. (The linting itself is not
    // concurrent: it is one thread's work either way.)
    let next = 0;
    const lane = async () => {
      while (next < todo.length) {
        const i = todo[next++];
        finish(i, await runLintTask(tasks[i], ruleCache));
      }
    };
    await Promise.all([lane(), lane()]);
  } else {
    // One queue, costliest first, shared by the workers and this thread. Workers take the PDFs first and only read
    // them: the text blocks come back here for the tree and rules, so this thread works while the workers read.
    const order = longestFirst(costs).map((k) => todo[k]);
    const pdfs = order.filter(isPdf);
    const others = order.filter((i) => !isPdf(i));
    let nextPdf = 0;
    let nextOther = 0;
    const linting: Array<Promise<void>> = [];
    const pool = runInPool(
      Math.min(workers, todo.length),
      () => {
        if (nextPdf < pdfs.length) return { id: pdfs[nextPdf], task: tasks[pdfs[nextPdf++]], job: 'read' };
        if (nextOther < others.length) return { id: others[nextOther], task: tasks[others[nextOther++]], job: 'lint' };
        return undefined;
      },
      (i, result) => {
        if (result.report) finish(i, result.report);
        else linting.push(lintIngested(tasks[i], result.read, ruleCache).then((report) => finish(i, report)));
      },
    );
    while (nextOther < others.length) {
      const i = others[nextOther++];
      finish(i, await runLintTask(tasks[i], ruleCache));
    }
    await pool;
    await Promise.all(linting);
  }
  if (cache) {
    todo.forEach((i) => keys[i] && cache.set(keys[i], reports[i]!));
    cache.save();
  }
  return { files: reports as FileReport[], ignored, rules: [...active.values()] };
}

export { ConfigError };
