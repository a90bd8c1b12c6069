/**
 * Reading a DOCX's zip safely: the central directory is parsed here, before any library sees the bytes, and parts
 * are inflated here with a byte limit.
 *
 * JSZip (which mammoth uses too) inflates a whole part into memory with no limit, trusts nothing it could check
 * first, and reads the declared sizes as signed 32-bit numbers (a part declared at 2 GiB or more looks negative).
 * So a zip bomb is refused in two steps:
 * - before inflating: from the sizes the central directory declares (total over `LIMITS.docxExpandedBytes`, or a
 *   large part compressed more than `LIMITS.docxMaxRatio` : 1);
 * - while inflating: node:zlib stops at `maxOutputLength`, set to the part's declared size (within what is left of
 *   the total), so a directory that lies about a part's size is caught after that many bytes, not gigabytes.
 * The parts handed on to JSZip and mammoth are the ones inflated here, stored uncompressed: neither ever inflates
 * anything from the original file.
 */
import zlib from 'node:zlib';
import { LIMITS } from '../limits.js';
import { ReadError } from '../read-error.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  /** As the central directory declares it. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

const CORRUPT_ZIP =
  'the DOCX file is corrupt (not a valid zip archive); re-save it from Word / DOCX 文件已损坏（不是有效的 zip 压缩包），请用 Word 重新保存';

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

const MB = 1024 * 1024;

const MB_LIMIT = LIMITS.docxExpandedBytes / MB;

/** Expanding past the total limit, from declared sizes or counted while inflating. */
function tooLargeError(detail: string, detailZh: string): ReadError {
  return new ReadError(
    'too-large',
    `the DOCX expands to more than ${MB_LIMIT} MB (${detail}; a zip bomb?); refusing to open it — re-save it from Word, or split it if it is genuine / DOCX 解压后超过 ${MB_LIMIT} MB（${detailZh}，疑似 zip 炸弹），拒绝打开；请用 Word 重新保存，如确属正常文件请拆分`,
  );
}

/** One XML part bigger than contract-lint reads (see LIMITS.docxParsedXmlBytes for why the limits are low). */
export function partTooLargeError(name: string, bytes: number, limit: number = LIMITS.docxPartBytes): ReadError {
  const mb = Math.ceil(bytes / MB);
  const max = limit / MB;
  return new ReadError(
    'too-large',
    `the DOCX is too large to read: its part ${name} holds ${mb} MB of XML, more than the ${max} MB contract-lint reads (over a thousand pages); split the document into smaller files / DOCX 过大：部件 ${name} 含 ${mb} MB XML，超过 ${max} MB 的上限（逾千页），请拆分为较小的文件后再检查`,
  );
}

/** A part that inflates to more than its zip headers declare: a lie no zip writer tells. */
function lyingSizeError(entry: ZipEntry): ReadError {
  return new ReadError(
    'too-large',
    `the DOCX part ${entry.name} expands to more than the ${entry.uncompressedSize} bytes its zip header declares (a zip bomb?); refusing to open it — re-save it from Word / DOCX 部件 ${entry.name} 解压后超过 zip 头声明的 ${entry.uncompressedSize} 字节（疑似 zip 炸弹），拒绝打开；请用 Word 重新保存`,
  );
}

/**
 * The entries of the zip's central directory. Throws 'truncated' for a zip cut short (no end record, but it starts
 * like a zip), 'corrupt' for anything else that is not a readable zip.
 */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndRecord(buf);
  if (end < 0) {
    if (buf.length >= 4 && buf.readUInt32LE(0) === LOCAL_HEADER) {
      throw new ReadError(
        'truncated',
        'the DOCX file is incomplete (the zip archive is cut short, e.g. an interrupted download); get the whole file again / DOCX 文件不完整（压缩包被截断，例如下载中断），请重新获取完整文件',
      );
    }
    throw new ReadError('corrupt', CORRUPT_ZIP);
  }

  let count = buf.readUInt16LE(end + 10);
  let size = buf.readUInt32LE(end + 12);
  let offset = buf.readUInt32LE(end + 16);
  let directoryEnd = end;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64End(buf, end);
    if (zip64) ({ count, size, offset, directoryEnd } = zip64);
  }
  // Each directory entry is at least 46 bytes: a count the directory cannot hold is damage, not a big file.
  if (count * 46 > size || size > buf.length) throw new ReadError('corrupt', CORRUPT_ZIP);
  if (count > LIMITS.docxEntries) {
    throw new ReadError(
      'too-large',
      `the DOCX zip has ${count} parts, far more than a Word document has; refusing to open it / DOCX 压缩包含有 ${count} 个部件，远超 Word 文档的正常数量，拒绝打开`,
    );
  }
  // Bytes before the zip proper (a self-extractor stub, junk) shift every offset by the same amount.
  const shift = directoryEnd - size - offset;
  if (shift < 0 || offset + shift < 0) throw new ReadError('corrupt', CORRUPT_ZIP);

  const entries: ZipEntry[] = [];
  let at = offset + shift;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_HEADER) throw new ReadError('corrupt', CORRUPT_ZIP);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    let compressedSize = buf.readUInt32LE(at + 20);
    let uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    let localHeaderOffset = buf.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > buf.length) throw new ReadError('corrupt', CORRUPT_ZIP);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    // Zip64: sizes and offset of 0xffffffff are in the extra field, in this order, each only when needed.
    const extra = buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const zip64 = zip64Extra(extra);
    if (zip64) {
      let k = 0;
      const take = (): number | undefined => (k + 8 <= zip64.length ? Number(zip64.readBigUInt64LE((k += 8) - 8)) : undefined);
      if (uncompressedSize === 0xffffffff) uncompressedSize = take() ?? uncompressedSize;
      if (compressedSize === 0xffffffff) compressedSize = take() ?? compressedSize;
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = take() ?? localHeaderOffset;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset: localHeaderOffset + shift });
    at = next;
  }
  return entries;
}

/** Whether a part is XML that we or mammoth may read (every other part, e.g. an image, is never opened). */
export function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels)$/i.test(name);
}

/** Refuses, from declared sizes alone, a zip that would expand past the limits. Nothing is inflated. */
export function refuseDeclaredBomb(entries: ZipEntry[]): void {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > LIMITS.docxExpandedBytes) {
    throw tooLargeError(`its zip directory declares ${Math.round(total / MB)} MB`, `zip 目录声明共 ${Math.round(total / MB)} MB`);
  }
  for (const e of entries) {
    if (isXmlPart(e.name) && e.uncompressedSize > LIMITS.docxPartBytes) throw partTooLargeError(e.name, e.uncompressedSize);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > LIMITS.docxRatioCheckFrom && ratio > LIMITS.docxMaxRatio) {
      const mb = Math.round(e.uncompressedSize / MB);
      const r = Math.round(ratio);
      throw new ReadError(
        'too-large',
        `the DOCX part ${e.name} is declared to expand to ${mb} MB at ${r} : 1 compression, which no real document reaches (a zip bomb?); refusing to open it — re-save it from Word / DOCX 部件 ${e.name} 声明解压后 ${mb} MB，压缩比 ${r} : 1，远超正常文档（疑似 zip 炸弹），拒绝打开；请用 Word 重新保存`,
      );
    }
  }
}

/**
 * Inflates parts with a shared budget: no part may produce more than it declares, and all parts together no more
 * than `LIMITS.docxExpandedBytes`. Throws 'too-large' past either, 'corrupt' for data that does not inflate.
 */
export class PartInflater {
  private remaining: number = LIMITS.docxExpandedBytes;
  private readonly buf: Buffer;

  constructor(data: Uint8Array) {
    this.buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }

  inflate(entry: ZipEntry): Buffer {
    const damaged = () =>
      new ReadError(
        'corrupt',
        `the DOCX file is damaged (part ${entry.name} cannot be decompressed); re-save it from Word / DOCX 文件已损坏（${entry.name} 无法解压），请用 Word 重新保存`,
      );
    if (entry.flags & 0x1) {
      throw new ReadError(
        'encrypted',
        'the DOCX zip is encrypted; save the document again in Word without a password / DOCX 压缩包已加密，请在 Word 中取消密码后重新保存',
      );
    }
    const at = entry.localHeaderOffset;
    if (at < 0 || at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== LOCAL_HEADER) throw damaged();
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.buf.length) throw damaged();
    const compressed = this.buf.subarray(start, end);

    const limit = Math.min(entry.uncompressedSize, this.remaining, LIMITS.docxPartBytes);
    let out: Buffer;
    if (entry.method === 0) {
      if (compressed.length > limit) throw this.overLimit(entry);
      out = Buffer.from(compressed);
    } else if (entry.method === 8) {
      try {
        // Past maxOutputLength zlib stops and throws: at most `limit` bytes are ever produced.
        out = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, limit) });
      } catch (error) {
        if ((error as { code?: unknown })?.code === 'ERR_BUFFER_TOO_LARGE') throw this.overLimit(entry);
        throw damaged();
      }
      if (out.length > limit) throw this.overLimit(entry);
    } else {
      throw damaged();
    }
    this.remaining -= out.length;
    return out;
  }

  /** The declared size is checked against both limits before inflating, so going past it means the header lied. */
  private overLimit(entry: ZipEntry): ReadError {
    if (entry.uncompressedSize < Math.min(this.remaining, LIMITS.docxPartBytes)) return lyingSizeError(entry);
    return entry.uncompressedSize >= LIMITS.docxPartBytes
      ? partTooLargeError(entry.name, entry.uncompressedSize)
      : tooLargeError(`counted while decompressing ${entry.name}`, `解压 ${entry.name} 时统计`);
  }
}

function findEndRecord(buf: Buffer): number {
  const from = Math.max(0, buf.length - 22 - MAX_COMMENT);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf[i] === 0x50 && buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function readZip64End(buf: Buffer, end: number): { count: number; size: number; offset: number; directoryEnd: number } | undefined {
  const locator = end - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined;
  const recordOffset = Number(buf.readBigUInt64LE(locator + 8));
  // The locator's offset does not include any prefix; the record sits right before the locator in practice.
  let record = recordOffset;
  if (record + 56 > buf.length || buf.readUInt32LE(record) !== ZIP64_EOCD) {
    record = locator - 56;
    if (record < 0 || buf.readUInt32LE(record) !== ZIP64_EOCD) return undefined;
  }
  return {
    count: Number(buf.readBigUInt64LE(record + 32)),
    size: Number(buf.readBigUInt64LE(record + 40)),
    offset: Number(buf.readBigUInt64LE(record + 48)),
    directoryEnd: record,
  };
}

function zip64Extra(extra: Buffer): Buffer | undefined {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 0x0001) return extra.subarray(i + 4, Math.min(extra.length, i + 4 + size));
    i += 4 + size;
  }
  return undefined;
}
