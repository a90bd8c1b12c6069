import { ReadError } from './read-error.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Decode a text file by its content: a BOM first, then strict UTF-8, then GB18030 (the superset of GBK that
 * Windows uses for Chinese .txt files). The extension says nothing about the encoding.
 */
export function decodeText(data: Uint8Array): DecodedText {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'utf-8' };
  }
  if (data[0] === 0xff && data[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le' };
  }
  if (data[0] === 0xfe && data[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(data);
    if (plausibleChinese(text)) return { text, encoding: 'gb18030' };
  } catch {
    // not GB18030 either
  }
  throw new ReadError(
    'not-text',
    'the text is in an unknown encoding (not UTF-8, UTF-16 or GBK); save it as UTF-8 / 文本编码无法识别，请另存为 UTF-8',
  );
}

/**
 * GB18030 decodes almost any byte soup without error, so demand that most non-ASCII characters are common
 * CJK ideographs or CJK punctuation before calling it Chinese.
 */
function plausibleChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return nonAscii === 0 || cjk / nonAscii > 0.9;
}
