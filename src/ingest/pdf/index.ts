/**
 * PDF bytes → IngestedDocument: positioned text from pdf.js, rebuilt into visual lines, running headers, footers and
 * page numbers removed, wrapped lines joined into paragraphs.
 */

import type { IngestedDocument } from '../../types.js';
import { ReadError } from '../read-error.js';
import { readPdfText, type PdfReadOptions } from './load.js';
import type { TextLine } from './page-text.js';
import { buildBlocks, type NumberedLine } from './paragraphs.js';
import { MESSAGES } from './pdf-errors.js';
import { removeRunningText } from './running-headers.js';
import { buildLines } from './text-lines.js';

export type { PdfReadOptions } from './load.js';

/**
 * A page of a contract has hundreds of characters; a scan has none, or a few from a stamp or a "Scanned with …"
 * watermark. Below this average per page the document is treated as a scan.
 */
const MIN_CHARS_PER_PAGE = 40;
/** A page below this is reported as unreadable (a scanned page inside an otherwise digital PDF). */
const MIN_CHARS_ON_PAGE = 10;

export async function ingestPdf(data: Uint8Array, options: PdfReadOptions = {}): Promise<IngestedDocument> {
  const { pages, pageCount, truncated, notes } = await readPdfText(data, options);
  const pageLines = pages.map(buildLines);

  const charsPerPage = pageLines.map(countChars);
  const total = charsPerPage.reduce((a, b) => a + b, 0);
  if (total < MIN_CHARS_PER_PAGE * pages.length) {
    // Text lost to a cut-off file is not a scan; OCR would be the wrong advice.
    throw truncated
      ? new ReadError('truncated', MESSAGES.truncated)
      : new ReadError('no-text-layer', MESSAGES.noTextLayer);
  }
  const textless = pages.filter((_, i) => charsPerPage[i] < MIN_CHARS_ON_PAGE).map((p) => p.page);
  if (textless.length > 0) {
    const list = textless.join(', ');
    notes.push(
      `pages without a text layer (scanned?) were not linted: ${list}; run OCR on them to include them / ` +
        `以下页面没有文字层（扫描件？），未能检查：${list}；如需检查请先进行 OCR`,
    );
  }

  const lines: NumberedLine[] = [];
  for (const pageText of removeRunningText(pageLines).pages) {
    for (const line of pageText) lines.push({ ...line, line: lines.length + 1 });
  }
  return {
    format: 'pdf',
    blocks: buildBlocks(lines),
    lines: lines.map((l) => l.text),
    pageCount,
    notes,
  };
}

function countChars(lines: TextLine[]): number {
  let n = 0;
  for (const l of lines) n += l.text.length - (l.text.match(/\s/g)?.length ?? 0);
  return n;
}
