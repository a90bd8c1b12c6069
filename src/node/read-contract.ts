import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { analyseDocument } from '../structure/index.js';
import { ingest } from '../ingest/index.js';
import { formatFromExtension } from '../ingest/detect-format.js';
import { DEFAULT_TIMEOUT_SECONDS, withTimeBudget } from '../ingest/limits.js';
import { isReadError, ReadError } from '../ingest/read-error.js';
import type { ContractDocument, IngestedDocument } from '../types.js';

export interface ReadOptions {
  cwd: string;
  password?: string;
  /** Bytes; larger files are reported as unreadable. */
  maxFileSize?: number;
  /** Seconds reading one file may take (default 60; 0 = no limit); slower files are reported as unreadable. */
  timeout?: number;
  /** Whether the user named the file (a named file of an unsupported type is an error). */
  explicit?: boolean;
}

export type ReadResult =
  | { path: string; document: ContractDocument; error?: undefined }
  | { path: string; document?: undefined; error: { code: string; message: string }; cause?: unknown };

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;
export { DEFAULT_TIMEOUT_SECONDS };

export type IngestResult =
  | { path: string; ingested: IngestedDocument; error?: undefined }
  | { path: string; ingested?: undefined; error: { code: string; message: string }; cause?: unknown };

/** Reads one contract from disk into a clause tree; every failure becomes an `error` for that file, never a throw. */
export async function readContract(file: string, options: ReadOptions): Promise<ReadResult> {
  return analyseIngested(await ingestContract(file, options));
}

/** What was read, as a clause tree; a failure to read, or to analyse, becomes the file's `error`. */
export function analyseIngested(read: IngestResult): ReadResult {
  if (read.error) return read;
  try {
    return { path: read.path, document: analyseDocument(read.ingested) };
  } catch (e) {
    return readFailure(read.path, e);
  }
}

/**
 * Reads one contract from disk into text blocks, without the clause tree: the part that may need stopping from
 * outside (pdf.js on a crafted file), run in a worker while the tree and rules run in the main thread.
 */
export async function ingestContract(file: string, options: ReadOptions): Promise<IngestResult> {
  const full = path.resolve(options.cwd, file);
  try {
    const info = await stat(full).catch(() => null);
    if (!info || !info.isFile()) {
      throw new ReadError('not-found', 'no such file; check the path / 文件不存在，请检查路径');
    }
    if (options.explicit !== false && formatFromExtension(file) === null) {
      const ext = path.extname(file) || '(no extension)';
      throw new ReadError(
        'unsupported-format',
        `unsupported file type ${ext}; give a .docx, .pdf, .md or .txt file / 不支持的文件类型 ${ext}，请提供 .docx、.pdf、.md 或 .txt 文件`,
      );
    }
    const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (info.size > max) {
      throw new ReadError(
        'too-large',
        `the file is ${Math.round(info.size / 1048576)} MB, over the ${Math.round(max / 1048576)} MB limit; raise --max-file-size if it is genuine / 文件超过大小上限`,
      );
    }
    const data = new Uint8Array(await readFile(full));
    const ingested = await withTimeBudget(options.timeout ?? DEFAULT_TIMEOUT_SECONDS, (budget) =>
      ingest(data, file, { password: options.password, budget }),
    );
    return { path: file, ingested };
  } catch (e) {
    return readFailure(file, e);
  }
}

/** Why a file could not be read, for its report: a ReadError's own message, anything else as a corrupt file. */
function readFailure(file: string, e: unknown): { path: string; error: { code: string; message: string }; cause?: unknown } {
  if (isReadError(e)) return { path: file, error: { code: e.code, message: e.message } };
  return {
    path: file,
    error: { code: 'corrupt', message: `could not be read (${(e as Error)?.message ?? String(e)}) / 无法读取此文件` },
    cause: e,
  };
}
