import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffFiles } from '../../node/diff-files.js';
import { EXIT_FINDINGS, EXIT_TROUBLE, raise, unreadableLine, type Output } from '../output.js';
import { lintFilesOptions, reportConfigError, type ReadingOptions } from './lint-options.js';

export interface DiffCommandOptions extends ReadingOptions {
  format: 'stylish' | 'json' | 'markdown' | 'html';
  output?: string;
  color: boolean;
  debug?: boolean;
}

/** `contract-lint diff <old> <new>`: exit 1 when the new version brings an error finding, 2 when a version is unreadable. */
export async function diffCommand(oldPath: string, newPath: string, options: DiffCommandOptions, cwd: string, out: Output): Promise<void> {
  let result;
  try {
    result = await diffFiles(oldPath, newPath, lintFilesOptions(options, cwd));
  } catch (e) {
    if (reportConfigError(e, out)) return;
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
