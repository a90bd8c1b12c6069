import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/ingest/decode-text.js';
import { detectFormat, sniff } from '../src/ingest/detect-format.js';
import { ingest } from '../src/ingest/index.js';
import { ReadError } from '../src/ingest/read-error.js';

const fixtures = path.resolve(__dirname, '../fixtures');
const bytes = (s: string) => new TextEncoder().encode(s);

async function readErrorOf(p: Promise<unknown>): Promise<ReadError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}

describe('text encodings are detected from the bytes', () => {
  const zh = '第一条 服务内容\n乙方为甲方提供代运营服务。';
  it('UTF-8', () => expect(decodeText(bytes(zh))).toEqual({ text: zh, encoding: 'utf-8' }));
  it('UTF-8 with BOM', () => expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(zh)])).text).toBe(zh));
  it('UTF-16LE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(zh, 'utf16le')]);
    expect(decodeText(new Uint8Array(le))).toEqual({ text: zh, encoding: 'utf-16le' });
  });
  it('UTF-16BE with BOM', () => {
    const le = Buffer.from(zh, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).text).toBe(zh);
  });
  it('GBK (a Chinese .txt saved on Windows), from a fixture encoded by iconv', () => {
    const gbk = readFileSync(path.join(fixtures, 'contracts/zh-agency-gbk.txt'));
    const decoded = decodeText(new Uint8Array(gbk));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('甲方');
  });
  it('Latin-1 bytes that are not Chinese are refused rather than guessed', () => {
    const latin1 = new Uint8Array(Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade', 'latin1'));
    expect(() => decodeText(latin1)).toThrow(ReadError);
  });
});

describe('the format comes from the content', () => {
  it.each([
    ['%PDF-1.7 …', 'pdf'],
    ['\x89PNG\r\n', 'image'],
    ['{\\rtf1\\ansi hello}', 'rtf'],
    ['hello world', 'text'],
  ])('%j is %s', (head, kind) => expect(sniff(new Uint8Array(Buffer.from(head, 'latin1')))).toBe(kind));

  it('a PDF named .docx is read as a PDF', () => {
    expect(detectFormat(new Uint8Array(Buffer.from('%PDF-1.4\n', 'latin1')), 'contract.docx')).toBe('pdf');
  });
  it('text named .pdf is read as text', () => {
    expect(detectFormat(bytes('第一条 服务内容'), 'contract.pdf')).toBe('text');
  });
  it('.md is Markdown, .txt is text', () => {
    expect(detectFormat(bytes('# Title'), 'a.md')).toBe('markdown');
    expect(detectFormat(bytes('# Title'), 'a.txt')).toBe('text');
  });
});

describe('bad inputs: a clear error with a code and what to do', () => {
  it.each([
    ['empty file', new Uint8Array(), 'a.txt', 'empty', /empty/],
    ['blank text', bytes('  \n\n  '), 'a.txt', 'empty', /no text/],
    ['legacy .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'a.doc', 'unsupported-format', /\.doc.*DOCX/],
    ['RTF', bytes('{\\rtf1\\ansi contract}'), 'a.rtf', 'unsupported-format', /RTF.*DOCX or PDF/],
    ['image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'scan.png', 'unsupported-format', /OCR/],
    ['binary', new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)), 'a.txt', 'not-text', /binary/],
    ['truncated zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'a.docx', 'truncated', /DOCX|zip/i],
  ])('%s', async (_name, data, name, code, message) => {
    const e = await readErrorOf(ingest(data, name));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('content.xml', '<office:document/>');
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text');
    const e = await readErrorOf(ingest(await zip.generateAsync({ type: 'uint8array' }), 'a.docx'));
    expect(e.code).toBe('unsupported-format');
  });

  it('a truncated DOCX', async () => {
    const docx = readFileSync(path.join(fixtures, 'contracts/zh-agency-article.docx'));
    const e = await readErrorOf(ingest(new Uint8Array(docx.subarray(0, Math.floor(docx.length / 2))), 'a.docx'));
    expect(['corrupt', 'truncated']).toContain(e.code);
  });

  it('a truncated PDF', async () => {
    const pdf = readFileSync(path.join(fixtures, 'contracts/zh-agency-services.pdf'));
    const e = await readErrorOf(ingest(new Uint8Array(pdf.subarray(0, Math.floor(pdf.length / 3))), 'a.pdf'));
    expect(['corrupt', 'truncated', 'no-text-layer']).toContain(e.code);
  });

  it('an encrypted PDF asks for the password', async () => {
    const e = await readErrorOf(ingest(new Uint8Array(readFileSync(path.join(fixtures, 'ingest/pdf/encrypted.pdf'))), 'a.pdf'));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/password/);
  });

  it('a PDF with no text layer says OCR is needed', async () => {
    const e = await readErrorOf(ingest(new Uint8Array(readFileSync(path.join(fixtures, 'ingest/pdf/scanned-like.pdf'))), 'a.pdf'));
    expect(e.code).toBe('no-text-layer');
    expect(e.message).toMatch(/OCR/);
  });
});
