import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lintFiles } from '../../node/lint-files.js';
import { lintFilesOptions, reportConfigError, type ReadingOptions } from './lint-options.js';
import { summarize } from '../../report/summary.js';
import { EXIT_FINDINGS, EXIT_TROUBLE, raise, unreadableLine, type Output } from '../output.js';

export interface LintCommandOptions extends ReadingOptions {
  format: string;
  output?: string;
  maxWarnings?: number;
  quiet?: boolean;
  tree?: boolean;
  color: boolean;
  debug?: boolean;
  workers?: number;
  cache?: boolean;
  cacheLocation?: string;
}

/** Files linted before a progress line is worth showing. */
const PROGRESS_FROM = 20;

const AVAILABLE_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'];

export async function lintCommand(
  paths: string[],
  options: LintCommandOptions,
  cwd: string,
  out: Output,
  progress?: (text: string) => void,
): Promise<void> {
  if (paths.length === 0) {
    out.stderr += 'contract-lint: no input files; give files, directories or globs (see --help) / 请指定要检查的文件\n';
    raise(out, EXIT_TROUBLE);
    return;
  }
  if (!options.tree && !AVAILABLE_FORMATS.includes(options.format)) {
    out.stderr += `contract-lint: --format ${options.format} is not available in this version; use stylish, json, sarif, junit, github or markdown / 此版本暂不支持该输出格式\n`;
    raise(out, EXIT_TROUBLE);
    return;
  }
  let result;
  try {
    result = await lintFiles(paths, {
      ...lintFilesOptions(options, cwd),
      workers: options.workers,
      cache: options.cache && !options.tree,
      cacheLocation: options.cacheLocation ? path.resolve(cwd, options.cacheLocation) : undefined,
      onProgress: progress
        ? (done, total) => {
            if (total < PROGRESS_FROM) return;
            progress(done < total ? `\rcontract-lint: ${done}/${total} files` : '\r\x1b[K');
          }
        : undefined,
    });
  } catch (e) {
    if (reportConfigError(e, out)) return;
    throw e;
  }
  const { files, ignored } = result;
  if (files.length === 0 && ignored.length === 0) {
    out.stderr += `contract-lint: no .docx, .pdf, .md or .txt files found in ${paths.join(', ')} / 没有找到可检查的文件\n`;
    raise(out, EXIT_TROUBLE);
    return;
  }
  for (const p of ignored) out.stderr += `contract-lint: ${p}: ignored by the configuration's ignore patterns / 已按配置忽略\n`;
  for (const f of files) {
    if (!f.error) continue;
    out.stderr += unreadableLine(f.path, f.error);
    if (options.debug && f.cause instanceof Error && f.cause.stack) out.stderr += f.cause.stack + '\n';
    raise(out, EXIT_TROUBLE);
  }
  // Each formatter loads only when asked for: start-up pays for one, not seven (chalk only for stylish).
  let report: string;
  if (options.tree) {
    const results = files.map((f) => ({ path: f.path, document: f.document, error: f.error ?? undefined }));
    report = options.format === 'json' ? (await import('../../report/tree-json.js')).formatTreeJson(results) : (await import('../../report/tree-text.js')).formatTreeText(results);
  } else if (options.format === 'json') {
    report = (await import('../../report/json.js')).formatJson(files);
  } else if (options.format === 'sarif') {
    report = (await import('../../report/sarif.js')).formatSarif(files, result.rules);
  } else if (options.format === 'junit') {
    report = (await import('../../report/junit.js')).formatJunit(files);
  } else if (options.format === 'github') {
    report = (await import('../../report/github.js')).formatGithub(files);
  } else if (options.format === 'html') {
    report = (await import('../../report/html.js')).formatHtml(files, { language: options.lang });
  } else if (options.format === 'markdown') {
    report = (await import('../../report/markdown.js')).formatMarkdown(files, { language: options.lang });
  } else {
    const { formatStylish } = await import('../../report/stylish.js');
    report = formatStylish(files, { color: options.color && !options.output, quiet: options.quiet, language: options.lang });
  }
  if (options.output) await writeFile(path.resolve(cwd, options.output), report);
  else out.stdout += report;

  if (!options.tree) {
    const s = summarize(files);
    if (s.errors > 0) raise(out, EXIT_FINDINGS);
    if (options.maxWarnings !== undefined && s.warnings > options.maxWarnings) {
      out.stderr += `contract-lint: ${s.warnings} warnings, more than --max-warnings ${options.maxWarnings} / 警告数超过上限\n`;
      raise(out, EXIT_FINDINGS);
    }
  }
}
