import type { FileReport } from '../node/lint-files.js';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
}

/** Counts of active (not suppressed) findings. */
export function summarize(files: FileReport[]): Summary {
  const s: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
  for (const f of files) {
    if (f.error) s.unreadable++;
    for (const x of f.findings) {
      if (x.suppressions?.length) continue;
      if (x.severity === 'error') s.errors++;
      else if (x.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}
