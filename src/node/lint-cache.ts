import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { RunnableRule } from '../rules/engine.js';
import { VERSION } from '../version.js';
import type { FileReport } from './lint-files.js';
import type { LintTask } from './lint-task.js';

interface CacheFile {
  tool: string;
  entries: Record<string, FileReport>;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * `--cache`: a file's report is reused when its content, the tool version, the rules and the options that shape
 * the report are all unchanged, so a CI run over a template repository re-lints only what changed. The clause tree
 * is not kept (reports do not need it), so `--tree` never reads the cache.
 */
export class LintCache {
  private data: CacheFile;
  private used = new Set<string>();
  private changed = false;

  constructor(
    private readonly location: string,
    rules: RunnableRule[],
  ) {
    this.rulesHash = sha256(JSON.stringify(rules.map((r) => [r.id, r.severity, r.spec])));
    try {
      const parsed = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      this.data = parsed.tool === VERSION ? parsed : { tool: VERSION, entries: {} };
    } catch {
      this.data = { tool: VERSION, entries: {} };
    }
  }

  private readonly rulesHash: string;

  keyOf(task: LintTask, content: Uint8Array): string {
    const { path: _path, cwd: _cwd, password: _password, ...options } = task;
    return sha256(`${VERSION}\0${this.rulesHash}\0${JSON.stringify(options)}\0${sha256(content)}`);
  }

  get(key: string, path: string): FileReport | undefined {
    const hit = this.data.entries[key];
    if (!hit) return undefined;
    this.used.add(key);
    return { ...hit, path };
  }

  set(key: string, report: FileReport): void {
    if (report.error || !report.document) return;
    const d = report.document;
    const slim = {
      ...d,
      preamble: [],
      tree: { children: [] },
      signature: [],
      definedTerms: [],
    };
    this.data.entries[key] = { path: report.path, document: slim, findings: report.findings, concerns: report.concerns, error: null };
    this.used.add(key);
    this.changed = true;
  }

  /** Writes the cache, keeping only the entries of this run so that it does not grow for ever. */
  save(): void {
    const kept = Object.fromEntries(Object.entries(this.data.entries).filter(([k]) => this.used.has(k)));
    if (!this.changed && Object.keys(kept).length === Object.keys(this.data.entries).length) return;
    writeFileSync(this.location, JSON.stringify({ tool: VERSION, entries: kept }));
  }
}
