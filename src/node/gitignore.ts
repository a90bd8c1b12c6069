import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ignore } from 'ignore';

/**
 * What `.gitignore` files say about paths under a directory: those in the directory and below, and those of its
 * parents up to the repository root, each applying to paths relative to its own folder, as git reads them.
 */
export class GitIgnore {
  private readonly rules: Array<{ dir: string; ig: Ignore }> = [];

  private constructor() {}

  static async forDirectory(dir: string): Promise<GitIgnore> {
    const gi = new GitIgnore();
    const files = new Set<string>();
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
      const f = path.join(d, '.gitignore');
      if (existsSync(f)) files.add(f);
      if (existsSync(path.join(d, '.git')) || path.dirname(d) === d) break;
    }
    const { glob } = await import('tinyglobby');
    for (const f of await glob('**/.gitignore', { cwd: dir, ignore: ['**/node_modules/**', '**/.git/**'], dot: true, absolute: true })) {
      files.add(path.resolve(f));
    }
    // Loaded here, not at start-up: only a directory walk reads .gitignore files.
    const { default: ignore } = await import('ignore');
    for (const f of files) {
      gi.rules.push({ dir: path.dirname(f), ig: ignore().add(readFileSync(f, 'utf8')) });
    }
    return gi;
  }

  ignores(file: string): boolean {
    const abs = path.resolve(file);
    return this.rules.some(({ dir, ig }) => {
      const rel = path.relative(dir, abs);
      return !rel.startsWith('..') && !path.isAbsolute(rel) && rel !== '' && ig.ignores(rel.split(path.sep).join('/'));
    });
  }
}
