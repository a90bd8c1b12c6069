import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../node/lint-files.js';
import { diffFiles } from '../../node/diff-files.js';
import type { Language, PartyRole } from '../../types.js';
import { EXIT_FINDINGS, EXIT_TROUBLE, raise, unreadableLine, type Output } from '../output.js';

export interface DiffCommandOptions {
  format: 'stylish' | 'json' | 'markdown' | 'html';
  output?: string;
  config?: string;
  rules: string[];
  party?: PartyRole;
  lang?: Language;
  template?: boolean;
  color: boolean;
  debug?: boolean;
  password?: string;
  maxFileSize: number;
  timeout?: number;
}

/** `contract-lint diff <old> <new>`: exit 1 when the new version brings an error finding, 2 when a version is unreadable. */
export async function diffCommand(oldPath: string, newPath: string, options: DiffCommandOptions, cwd: string, out: Output): Promise<void> {
  let result;
  try {
    result = await diffFiles(oldPath, newPath, {
      cwd,
      config: options.config,
      rules: options.rules,
      party: options.party,
      language: options.lang,
      template: options.template,
      password: options.password,
      maxFileSize: options.maxFileSize,
      timeout: options.timeout,
      // Two files: reading them in this thread is quicker than starting workers (PDFs still go to one).
      workers: undefined,
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      out.stderr += 'contract-lint: invalid configuration or rules / 配置或规则文件有误:\n';
      for (const p of e.problems) out.stderr += `  ${p.file}:${p.line}:${p.column}: ${p.message}\n`;
      raise(out, EXIT_TROUBLE);
      return;
    }
    throw e;
  }
  for (const f of result.files) {
    if (!f.error) continue;
    out.stderr += unreadableLine(f.path, f.error);
    if (options.debug && f.cause instanceof Error && f.cause.stack) out.stderr += f.cause.stack + '\n';
    raise(out, EXIT_TROUBLE);
  }
  const diff = result.diff;
  if (!diff) {
    out.stderr += 'contract-lint: diff needs both versions readable / 两个版本都需可读才能比较\n';
    return;
  }
  let report: string;
  if (options.format === 'json') report = (await import('../../report/diff-json.js')).formatDiffJson(diff);
  else if (options.format === 'markdown') report = (await import('../../report/diff-markdown.js')).formatDiffMarkdown(diff, { language: options.lang });
  else if (options.format === 'html') report = (await import('../../report/diff-html.js')).formatDiffHtml(diff, { language: options.lang });
  else report = (await import('../../report/diff-stylish.js')).formatDiffStylish(diff, { color: options.color && !options.output, language: options.lang });
  if (options.output) await writeFile(path.resolve(cwd, options.output), report);
  else out.stdout += report;
  if (diff.findings.introduced.some((f) => f.severity === 'error')) raise(out, EXIT_FINDINGS);
}
