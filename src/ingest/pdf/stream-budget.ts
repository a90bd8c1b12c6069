/**
 * The PDF counterpart of the DOCX zip-bomb guard. A content stream of a few KB can inflate to gigabytes, and pdf.js
 * inflates a stream whole into one growing buffer before it reads a single operator (measured: a 1 MB page that
 * inflates to 1 GiB took 12 s and 2.2 GB of memory). So before pdf.js sees the file, every Flate stream it would
 * decode for text is inflated here with a cap on the output: a stream or a file over its budget is refused.
 */
import { Buffer } from 'node:buffer';
import { constants, inflateRawSync } from 'node:zlib';
import { LIMITS, type TimeBudget } from '../limits.js';
import { ReadError } from '../read-error.js';

/** How far before `stream` its dictionary may start (dictionaries of real streams are a few hundred bytes). */
const DICTIONARY_WINDOW = 4096;

function tooLarge(streams: 'one' | 'all', limit: number): ReadError {
  const mb = limit / (1024 * 1024);
  const [en, zh] = streams === 'one' ? ['a stream', '其中一个数据流'] : ['its streams together', '全部数据流合计'];
  return new ReadError(
    'too-large',
    `${en} ${streams === 'one' ? 'inflates' : 'inflate'} to more than ${mb} MB (a compression bomb, not a contract); ask for an ordinary PDF export / ${zh}解压后超过 ${mb} MB（压缩炸弹，不是正常合同），请索取正常导出的 PDF`,
  );
}

/** The bytes a stream's data starts at: after `stream` and its end of line, or -1 if `at` is not a stream keyword. */
function dataStart(pdf: Buffer, at: number): number {
  if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') return -1;
  let start = at + 6;
  if (pdf[start] === 0x0d) start++;
  if (pdf[start] === 0x0a) start++;
  return start > at + 6 ? start : -1;
}

/** A zlib header (RFC 1950): deflate method and a check value that divides by 31. */
function hasZlibHeader(pdf: Buffer, start: number): boolean {
  const cmf = pdf[start];
  const flg = pdf[start + 1];
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** Deflate cannot expand data more than about 1032 : 1, so a stream's compressed length bounds what it can become. */
const MAX_DEFLATE_RATIO = 1032;

/** The Flate streams text extraction decodes, as [data start, data end] (zlib header included). */
function flateStreams(pdf: Buffer): Array<[number, number]> {
  const streams: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const at = pdf.indexOf('stream', from, 'latin1');
    if (at < 0) return streams;
    from = at + 6;
    const start = dataStart(pdf, at);
    if (start < 0) continue;
    const end = pdf.indexOf('endstream', start, 'latin1');
    if (end < 0) return streams;
    from = end + 9;
    const dictionary = pdf.toString('latin1', Math.max(0, at - DICTIONARY_WINDOW), at);
    const own = dictionary.slice(dictionary.lastIndexOf(' obj') + 1);
    if (/\/(?:FlateDecode|Fl)\b/.test(own) && !/\/Subtype\s*\/Image\b/.test(own) && hasZlibHeader(pdf, start)) streams.push([start, end]);
  }
}

/** Inflated size of one stream, counted up to `cap` bytes (more is reported as `cap`); 0 if it is not valid Flate. */
function inflatedSize(pdf: Buffer, [start, end]: [number, number], cap: number): number {
  try {
    return inflateRawSync(pdf.subarray(start + 2, end), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: cap }).length;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? cap : 0;
  }
}

/**
 * Throws a 'too-large' ReadError when a Flate stream that text extraction decodes (page contents, fonts, object and
 * cross-reference streams: anything but images, which text extraction skips) inflates to more than
 * `LIMITS.pdfStreamBytes`, or all of them together to more than `LIMITS.pdfInflatedBytes`. Streams that are not
 * Flate or do not inflate cleanly are left to pdf.js, whose errors are reported as usual. Only streams whose
 * compressed size could break a limit are inflated: for an ordinary contract, none.
 */
export function checkStreamBudget(data: Uint8Array, budget?: TimeBudget): void {
  const pdf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const bound = ([start, end]: [number, number]) => (end - start) * MAX_DEFLATE_RATIO;
  const streams = flateStreams(pdf).sort((a, b) => bound(b) - bound(a));
  let unchecked = streams.reduce((sum, s) => sum + bound(s), 0);
  let total = 0;
  for (const stream of streams) {
    if (bound(stream) <= LIMITS.pdfStreamBytes && total + unchecked <= LIMITS.pdfInflatedBytes) return;
    unchecked -= bound(stream);
    const size = inflatedSize(pdf, stream, Math.min(LIMITS.pdfStreamBytes, LIMITS.pdfInflatedBytes - total) + 1);
    if (size > LIMITS.pdfStreamBytes) throw tooLarge('one', LIMITS.pdfStreamBytes);
    total += size;
    if (total > LIMITS.pdfInflatedBytes) throw tooLarge('all', LIMITS.pdfInflatedBytes);
    budget?.check();
  }
}
