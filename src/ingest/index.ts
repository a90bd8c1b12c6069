import type { DocFormat, IngestedDocument } from '../types.js';
import { detectFormat } from './detect-format.js';
import type { TimeBudget } from './limits.js';
import { ingestMarkdown } from './markdown.js';
import { ingestText } from './text.js';

export interface IngestOptions {
  /** User password for an encrypted PDF. */
  password?: string;
  /** The file's time budget (see withTimeBudget); PDF and DOCX reading stop once it is spent. */
  budget?: TimeBudget;
}

/**
 * Bytes → text blocks with line and page. The format comes from the content (the file name only tells
 * Markdown from plain text). PDF and DOCX readers load on first use: a run over text files never pays for them.
 */
export async function ingest(data: Uint8Array, name: string, options: IngestOptions = {}): Promise<IngestedDocument> {
  const format: DocFormat = detectFormat(data, name);
  switch (format) {
    case 'pdf': {
      const { ingestPdf } = await import('./pdf/index.js');
      return ingestPdf(data, { password: options.password, budget: options.budget });
    }
    case 'docx': {
      const { ingestDocx } = await import('./docx/index.js');
      return ingestDocx(data, { budget: options.budget });
    }
    case 'markdown':
      return ingestMarkdown(data);
    case 'text':
      return ingestText(data);
  }
}

export { ReadError, isReadError } from './read-error.js';
export { detectFormat, formatFromExtension } from './detect-format.js';
