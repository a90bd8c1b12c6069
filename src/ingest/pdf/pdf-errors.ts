/**
 * Turning what pdf.js throws into ReadErrors a user can act on. pdf.js says "Invalid PDF structure" both for a file
 * that is not a PDF at all and for one cut short, so the bytes themselves decide which it is.
 */

import { ReadError } from '../read-error.js';

export const MESSAGES = {
  encrypted:
    'the PDF is password-protected; remove the password or pass --password / PDF 已加密，请先移除密码或通过 --password 提供密码',
  wrongPassword:
    'the password given for the PDF is wrong; check the --password value / 提供的 PDF 密码不正确，请检查 --password 的值',
  notPdf:
    'the file is not a PDF (no %PDF header); check the file or export it to PDF again / 文件不是 PDF（缺少 %PDF 文件头），请检查文件或重新导出为 PDF',
  corrupt:
    'the PDF is damaged and cannot be read; export or download it again / PDF 文件已损坏，无法读取，请重新导出或重新下载',
  truncated:
    'the PDF is incomplete (cut short, e.g. an interrupted download or copy); download or copy it again / PDF 文件不完整（可能下载或复制中断），请重新下载或复制',
  emptyFile: 'the file is empty (0 bytes); check that it was saved or copied completely / 文件为空（0 字节），请检查文件是否完整保存或复制',
  empty: 'the PDF is empty (no pages); export it again from the original document / PDF 为空（没有页面），请从原文档重新导出',
  tooManyPages: (pages: number, max: number) =>
    `the PDF has ${pages} pages, more than the ${max} a contract-lint run reads; split it into smaller files / PDF 共 ${pages} 页，超过 ${max} 页的上限，请拆分为较小的文件后再检查`,
  noTextLayer:
    'the PDF has no text layer (a scanned image); run OCR on it first, e.g. ocrmypdf / PDF 没有文字层（扫描件），请先进行 OCR 文字识别',
} as const;

/** pdf.js accepts junk before the header, up to 1 KB of it. */
export function hasPdfHeader(data: Uint8Array): boolean {
  return indexOfAscii(data, '%PDF-', 0, Math.min(data.length, 1024 + 5)) >= 0;
}

/** A complete PDF ends with %%EOF, give or take trailing whitespace or junk some writers add. */
export function hasEofMarker(data: Uint8Array): boolean {
  return indexOfAscii(data, '%%EOF', Math.max(0, data.length - 2048), data.length) >= 0;
}

export function toReadError(e: unknown, data: Uint8Array, passwordGiven: boolean): ReadError {
  if (e instanceof ReadError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    // code 1 = a password is needed, 2 = the one given is wrong.
    const wrong = (e as { code?: unknown }).code === 2 && passwordGiven;
    return new ReadError('encrypted', wrong ? MESSAGES.wrongPassword : MESSAGES.encrypted);
  }
  if (!hasPdfHeader(data)) return new ReadError('corrupt', MESSAGES.notPdf);
  if (!hasEofMarker(data)) return new ReadError('truncated', MESSAGES.truncated);
  return new ReadError('corrupt', MESSAGES.corrupt);
}

function indexOfAscii(data: Uint8Array, needle: string, from: number, to: number): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i <= to - needle.length; i++) {
    if (data[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (data[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
