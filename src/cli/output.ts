/** What a command produced: text for stdout and stderr, and the exit status. */
export interface Output {
  stdout: string;
  stderr: string;
  exitStatus: number;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

export function newOutput(): Output {
  return { stdout: '', stderr: '', exitStatus: EXIT_OK };
}

/** Raises the exit status, never lowers it (2 beats 1 beats 0). */
export function raise(out: Output, status: number): void {
  out.exitStatus = Math.max(out.exitStatus, status);
}

export function unreadableLine(path: string, error: { code: string; message: string }): string {
  return `contract-lint: ${path}: ${error.message} [${error.code}]\n`;
}
