import type { ReadErrorCode } from '../types.js';

/**
 * An input that cannot be linted. The message is one line, names no file (the caller adds the path) and says
 * what the user can do about it, in English and Chinese.
 */
export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

export function isReadError(e: unknown): e is ReadError {
  return e instanceof ReadError;
}
