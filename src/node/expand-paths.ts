import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatFromExtension } from '../ingest/detect-format.js';
import { GitIgnore } from './gitignore.js';

export interface ExpandedPath {
  /** The path as given, or as found under a given directory (relative paths stay relative). */
  path: string;
  /** Whether the user named this file directly (then an unsupported extension is an error, not skipped). */
  explicit: boolean;
}

const SKIPPED_DIRS = ['**/node_modules/**', '**/.git/**'];
const SUPPORTED = '**/*.{docx,pdf,md,markdown,txt,DOCX,PDF,MD,TXT}';

const isGlob = (p: string) => /[*?[\]{}]/.test(p);

/**
 * Files, directories (searched recursively for supported formats) and globs → file paths in a stable order.
 * A name that matches nothing is returned as is so that reading it reports "not found".
 */
export async function expandPaths(inputs: string[], cwd: string): Promise<ExpandedPath[]> {
  const out: ExpandedPath[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    const key = path.resolve(cwd, p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path: p, explicit });
  };
  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => null);
    if (info?.isDirectory()) {
      const root = path.resolve(cwd, input);
      const { glob } = await import('tinyglobby');
      const found = await glob(SUPPORTED, { cwd: root, ignore: SKIPPED_DIRS, dot: false });
      // A directory is searched the way git sees it: what .gitignore ignores is not linted.
      const gitignore = await GitIgnore.forDirectory(root);
      for (const f of found.sort()) if (!gitignore.ignores(path.join(root, f))) add(path.join(input, f), false);
    } else if (!info && isGlob(input)) {
      const { glob } = await import('tinyglobby');
      const found = await glob(input, { cwd, ignore: SKIPPED_DIRS, dot: false });
      for (const f of found.filter((f) => formatFromExtension(f)).sort()) add(f, false);
    } else {
      add(input, true);
    }
  }
  return out;
}
