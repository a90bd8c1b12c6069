import type { DocFormat } from '../types.js';
import { ReadError } from './read-error.js';

/** The kind of a file as its bytes say, before the extension is considered. */
export type SniffedKind = 'pdf' | 'zip' | 'ole' | 'rtf' | 'image' | 'text' | 'binary' | 'empty';

const startsWith = (data: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);

export function sniff(data: Uint8Array): SniffedKind {
  if (data.length === 0) return 'empty';
  // A PDF header may follow some junk bytes; pdf.js tolerates up to 1024 of them, so do we.
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (
    startsWith(data, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(data, [0xff, 0xd8, 0xff]) ||
    startsWith(data, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(data, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8))
  ) {
    return 'image';
  }
  return looksBinary(data) ? 'binary' : 'text';
}

/** Text files may be UTF-16 (NUL bytes everywhere), so NULs only count as binary without a UTF-16 BOM. */
function looksBinary(data: Uint8Array): boolean {
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) return false;
  const n = Math.min(data.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.1;
}

export function formatFromExtension(path: string): DocFormat | null {
  const ext = path.toLowerCase().replace(/^.*\./, '.');
  switch (ext) {
    case '.docx':
      return 'docx';
    case '.pdf':
      return 'pdf';
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.txt':
      return 'text';
    default:
      return null;
  }
}

const CONVERT_HINT = 'save it as DOCX or PDF and lint that / 请另存为 DOCX 或 PDF 后再检查';

/**
 * Decide how to read a file from its content, with the extension as a hint for text files (Markdown or plain).
 * Throws a ReadError for content contract-lint cannot read, saying what to convert it to.
 */
export function detectFormat(data: Uint8Array, path: string): DocFormat {
  const byExtension = formatFromExtension(path);
  const kind = sniff(data);
  switch (kind) {
    case 'empty':
      throw new ReadError('empty', 'the file is empty / 文件为空');
    case 'pdf':
      return 'pdf';
    case 'zip':
      return 'docx'; // the DOCX reader says clearly when a zip is not a Word document
    case 'ole':
      throw new ReadError(
        'unsupported-format',
        `this is a legacy Word .doc file or a password-protected Office file; remove any password and ${CONVERT_HINT} / 这是旧版 .doc 或加密的 Office 文件，请去除密码并另存为 DOCX`,
      );
    case 'rtf':
      throw new ReadError('unsupported-format', `RTF is not supported; ${CONVERT_HINT}`);
    case 'image':
      throw new ReadError(
        'unsupported-format',
        'this is an image, not a text document; run OCR and save the result as DOCX or PDF with a text layer / 这是图片，请先 OCR 识别并保存为带文字层的 DOCX 或 PDF',
      );
    case 'binary':
      throw new ReadError(
        'not-text',
        `the file is binary data, not a contract in a supported format (.docx, .pdf, .md, .txt); ${CONVERT_HINT}`,
      );
    case 'text':
      if (byExtension === 'docx' || byExtension === 'pdf') {
        // A text file renamed to .docx/.pdf: read what it is rather than refuse, the content is what matters.
        return 'text';
      }
      return byExtension ?? 'text';
  }
}
