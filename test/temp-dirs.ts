import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Call at the top of a test file: returns a maker of scratch folders that are all removed when the file's tests end,
 * so that `npm test` leaves nothing behind in the system's temp folder (it used to leave about thirty per run).
 */
export function useTempDirs(): (name: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (name) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `contract-lint-${name}-`));
    made.push(dir);
    return dir;
  };
}
