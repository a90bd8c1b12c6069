import { diffVersions, type DiffResult } from '../diff/index.js';
import { lintFiles, type FileReport, type LintFilesOptions } from './lint-files.js';

export interface DiffFilesResult {
  /** Absent when either version could not be read. */
  diff?: DiffResult;
  /** The two versions as linted (an unreadable one carries `error`). */
  files: [FileReport, FileReport];
}

/**
 * Reads and lints both versions with the configuration that applies to each, then compares them. Throws
 * ConfigError like lintFiles.
 */
export async function diffFiles(oldPath: string, newPath: string, options: LintFilesOptions): Promise<DiffFilesResult> {
  const [a, b] = await Promise.all([lintFiles([oldPath], options), lintFiles([newPath], options)]);
  const missing = (p: string): FileReport => ({ path: p, findings: [], concerns: {}, error: { code: 'not-found', message: 'no contract found at this path / 找不到该文件' } });
  const oldFile = a.files[0] ?? missing(oldPath);
  const newFile = b.files[0] ?? missing(newPath);
  if (!oldFile.document || !newFile.document || oldFile.error || newFile.error) return { files: [oldFile, newFile] };
  const diff = diffVersions(
    { path: oldFile.path, document: oldFile.document, findings: oldFile.findings, concerns: oldFile.concerns },
    { path: newFile.path, document: newFile.document, findings: newFile.findings, concerns: newFile.concerns },
  );
  return { diff, files: [oldFile, newFile] };
}
