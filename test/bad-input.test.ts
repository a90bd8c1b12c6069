import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/run.js';
import { parseContract } from '../src/index.js';
import { ingest } from '../src/ingest/index.js';
import { LIMITS, TimeBudget, withTimeBudget } from '../src/ingest/limits.js';
import { ingestPdf } from '../src/ingest/pdf/index.js';
import { ReadError } from '../src/ingest/read-error.js';
import type { IngestedDocument, ReadErrorCode } from '../src/types.js';
import { useTempDirs } from './temp-dirs.js';
// The generator of the fixtures (plain JavaScript: it also runs as a script).
import { docx, documentXml, goodDocx, smallFixtures, streamBombPdf, textPdf, writeBigFixtures } from '../scripts/make-bad-fixtures.mjs';

/**
 * Hostile and broken inputs: contract-lint must never hang, exhaust memory, read local files on a document's behalf
 * or crash; each gives a ReadError with a one-line message (English / Chinese) or, where the file can be read after
 * all, a bounded result. Small cases are committed in fixtures/bad (made by scripts/make-bad-fixtures.mjs); the big
 * ones (a 2 GiB zip bomb, a lying zip header, a 3,000-page PDF) are generated into a temp folder here.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const badDir = path.join(root, 'fixtures/bad');
const tempDir = useTempDirs();
const MB = 1024 * 1024;

/** Expected ReadError code per committed file; null = read after all (bounded, with text). */
const cases: Array<{ file: string; code: ReadErrorCode | null; why: string }> = [
  { file: 'corrupt.docx', code: 'corrupt', why: 'document.xml data that will not inflate' },
  { file: 'corrupt-directory.docx', code: 'corrupt', why: 'a zip end record pointing nowhere' },
  { file: 'truncated.docx', code: 'truncated', why: 'a zip cut short' },
  { file: 'empty.docx', code: 'empty', why: '0 bytes' },
  { file: 'not-a-word-zip.docx', code: 'unsupported-format', why: 'an Excel-like zip' },
  { file: 'xxe.docx', code: 'corrupt', why: 'an external entity naming /etc/passwd' },
  { file: 'xxe-styles.docx', code: 'corrupt', why: 'a parameter entity naming /etc/passwd in styles.xml' },
  { file: 'billion-laughs.docx', code: 'corrupt', why: 'entity expansion' },
  { file: 'deep-xml.docx', code: 'corrupt', why: '100,000 nested elements' },
  { file: 'huge-text.docx', code: null, why: 'one 4 MiB text node' },
  { file: 'encrypted.pdf', code: 'encrypted', why: 'a password' },
  { file: 'truncated.pdf', code: 'truncated', why: 'a PDF cut in half' },
  { file: 'bad-xref.pdf', code: null, why: 'a cross-reference table of wrong offsets (pdf.js rebuilds it)' },
  { file: 'garbage.pdf', code: 'corrupt', why: 'a header and junk' },
  { file: 'no-text.pdf', code: 'no-text-layer', why: 'a scan' },
  { file: 'binary.txt', code: 'not-text', why: 'binary bytes' },
  { file: 'empty.txt', code: 'empty', why: '0 bytes' },
  { file: 'latin1.txt', code: 'not-text', why: 'Latin-1, not a supported encoding' },
  { file: 'image-named.pdf', code: 'unsupported-format', why: 'a PNG named .pdf' },
  { file: 'legacy.doc', code: 'unsupported-format', why: 'an OLE (Word 97) file' },
  { file: 'rtf.rtf', code: 'unsupported-format', why: 'RTF' },
];

async function outcome(data: Uint8Array, name: string): Promise<IngestedDocument | ReadError> {
  try {
    return await ingest(data, name);
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error; // anything else is a bug: the test fails with it
  }
}

async function readError(data: Uint8Array, name: string): Promise<ReadError> {
  const result = await outcome(data, name);
  if (result instanceof ReadError) return result;
  throw new Error(`expected a ReadError for ${name}, got a document of ${result.lines.length} lines`);
}

/** One line, English then Chinese. */
function expectUserMessage(error: ReadError): void {
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).toMatch(/^[\x20-\x7e\u2014]+ \/ .*[\u4e00-\u9fff]/);
}

const fixture = (file: string) => new Uint8Array(readFileSync(path.join(badDir, file)));

/** Peak RSS of this process so far, in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

describe('big hostile inputs (generated at test time)', () => {
  let dir: string;
  let big: Record<string, string>;

  beforeAll(() => {
    dir = tempDir('bad');
    big = writeBigFixtures(dir);
  });

  it('refuses a DOCX whose document.xml inflates to 2 GiB, before inflating it', async () => {
    const data = new Uint8Array(readFileSync(big['bomb-2gib.docx']));
    expect(data.length).toBeLessThan(4 * MB);
    const before = process.memoryUsage().rss;
    const error = await readError(data, 'bomb.docx');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/expands to more than 200 MB .*zip bomb/);
    expectUserMessage(error);
    // A sanity bound, not a benchmark: the refusal must not have inflated anything big.
    expect(peakRss() - before).toBeLessThan(300 * MB);
  });

  it('stops inflating a part whose zip headers lie about its size (declared 4 KB, really 2 GiB)', async () => {
    const before = process.memoryUsage().rss;
    const error = await readError(new Uint8Array(readFileSync(big['lying-header.docx'])), 'lying.docx');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/word\/document\.xml expands to more than the 4096 bytes its zip header declares/);
    expectUserMessage(error);
    expect(peakRss() - before).toBeLessThan(300 * MB);
  });

  it('refuses parts that together expand past the limit though none looks like a bomb', async () => {
    const error = await readError(new Uint8Array(readFileSync(big['many-parts.docx'])), 'many.docx');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/declares 300 MB/);
  });

  it('refuses a PDF whose content stream inflates to 1 GiB, before pdf.js inflates it', async () => {
    const data = new Uint8Array(readFileSync(big['stream-bomb.pdf']));
    expect(data.length).toBeLessThan(2 * MB);
    const before = process.memoryUsage().rss;
    const error = await readError(data, 'bomb.pdf');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/a stream inflates to more than 64 MB .*compression bomb/);
    expectUserMessage(error);
    expect(peakRss() - before).toBeLessThan(300 * MB);
  });

  it('refuses PDF streams that together inflate past the limit though none is over it alone', async () => {
    const error = await readError(new Uint8Array(readFileSync(big['stream-bomb-pages.pdf'])), 'pages.pdf');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/its streams together inflate to more than 512 MB/);
  });

  it('reads a PDF whose Flate stream is big but within the limits', async () => {
    const doc = await parseContract(streamBombPdf(8), 'eight.pdf');
    expect(doc.tree.children.map((c) => c.heading)).toEqual(['Services']);
  });

  it('refuses a document whose XML is more than mammoth can parse in bounded memory', async () => {
    // ~20 MB of ordinary, varied paragraphs: no bomb, just too much for one read (mammoth's DOM is ~50x the XML).
    const paragraphs: string[] = [];
    let size = 0;
    for (let n = 1; size < 20 * MB; n++) {
      const p = `<w:p><w:r><w:t>${n}. The Agency shall deliver report ${(n * 7919) % 100003} within ${n % 97} days.</w:t></w:r></w:p>`;
      paragraphs.push(p);
      size += p.length;
    }
    const error = await readError(docx(documentXml(paragraphs.join(''))), 'long.docx');
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`more than the ${LIMITS.docxParsedXmlBytes / MB} MB contract-lint reads`);
    expectUserMessage(error);
  });

  it('refuses a PDF of 3,000 pages', async () => {
    const error = await readError(new Uint8Array(readFileSync(big['pages-3000.pdf'])), 'pages.pdf');
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('3000 pages');
    expectUserMessage(error);
  });

  it('applies a lower page limit when asked', async () => {
    await expect(ingestPdf(textPdf(12), { maxPageCount: 10 })).rejects.toMatchObject({ code: 'too-large' });
    const doc = await ingestPdf(textPdf(12), { maxPageCount: 12 });
    expect(doc.pageCount).toBe(12);
  });

  it('gives up on a file once its time budget is spent', async () => {
    const data = new Uint8Array(readFileSync(big['pages-1500.pdf']));
    const error = await withTimeBudget(0.001, (budget) => ingest(data, 'slow.pdf', { budget })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).code).toBe('timeout');
    expect((error as ReadError).message).toMatch(/^reading took more than 0\.001 s/);
    expectUserMessage(error as ReadError);
  });

  it('keeps each file to its own time budget while several are read at once', async () => {
    const slow = new Uint8Array(readFileSync(big['pages-1500.pdf']));
    const [spent, read] = await Promise.allSettled([
      withTimeBudget(0.001, (budget) => ingest(slow, 'slow.pdf', { budget })),
      withTimeBudget(60, (budget) => ingest(textPdf(3), 'short.pdf', { budget })),
    ]);
    expect(spent).toMatchObject({ status: 'rejected', reason: { code: 'timeout' } });
    expect(read).toMatchObject({ status: 'fulfilled', value: { pageCount: 3 } });
  });

  it('spends a time budget by the clock, and gives none for 0 or an unusable number', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const short = new TimeBudget(1);
      const long = new TimeBudget(10);
      short.check();
      vi.setSystemTime(Date.now() + 2000);
      long.check();
      expect(() => short.check()).toThrow(/^reading took more than 1 s/);
    } finally {
      vi.useRealTimers();
    }
    for (const seconds of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, undefined]) {
      expect(await withTimeBudget(seconds, async (budget) => budget)).toBeUndefined();
    }
  });

  it('--timeout reports the slow file and lints the others', async () => {
    const cwd = tempDir('timeout');
    copyFileSync(big['pages-1500.pdf'], path.join(cwd, 'slow.pdf'));
    copyFileSync(path.join(root, 'fixtures/contracts/en-agency.md'), path.join(cwd, 'en-agency.md'));
    const result = await run(['--timeout', '0.001', 'slow.pdf', 'en-agency.md'], { cwd });
    expect(result.exitStatus).toBe(2);
    expect(result.stderr).toMatch(/^contract-lint: slow\.pdf: reading took more than 0\.001 s.* \[timeout\]$/m);
    expect(result.stdout).toContain('en-agency.md');
    expect((await run(['--timeout', 'soon', 'en-agency.md'], { cwd })).stderr).toContain('--timeout');
  });
});

describe('bad inputs through ingest()', () => {
  it('the committed fixtures are small and what the script makes', () => {
    const made = smallFixtures() as Record<string, Buffer>;
    expect(readdirSync(badDir).sort()).toEqual(Object.keys(made).sort());
    for (const [file, data] of Object.entries(made)) {
      expect(statSync(path.join(badDir, file)).size, file).toBeLessThan(100 * 1024);
      expect(Buffer.compare(readFileSync(path.join(badDir, file)), data), `${file} differs from the script's`).toBe(0);
    }
    expect(cases.map((c) => c.file).sort()).toEqual(Object.keys(made).sort());
  });

  it('reads the well-formed DOCX the hostile ones are built from', async () => {
    const doc = await ingest(goodDocx(), 'good.docx');
    expect(doc.lines).toContain('1. Services. The Agency shall operate the Client store and report monthly.');
  });

  it('reads nesting well beyond Word’s (but under the limit)', async () => {
    const depth = 200; // x2 elements per level = 400 < LIMITS.xmlDepth
    const xml = documentXml('<w:sdt><w:sdtContent>'.repeat(depth) + '<w:p><w:r><w:t>1. Services.</w:t></w:r></w:p>' + '</w:sdtContent></w:sdt>'.repeat(depth));
    expect((await ingest(docx(xml), 'nested.docx')).lines).toEqual(['1. Services.']);
  });

  it.each(cases)('$file ($why) → $code', async ({ file, code }) => {
    const result = await outcome(fixture(file), file);
    if (code === null) {
      expect(result, result instanceof ReadError ? result.message : '').not.toBeInstanceOf(ReadError);
      const doc = result as IngestedDocument;
      expect(doc.lines.length).toBeGreaterThan(0);
      expect(doc.lines.join('\n')).not.toContain('root:');
    } else {
      expect(result).toBeInstanceOf(ReadError);
      const error = result as ReadError;
      expect(error.code, error.message).toBe(code);
      expectUserMessage(error);
      expect(error.message).not.toContain('root:'); // nothing of /etc/passwd, ever
    }
  });

  it('says why a DTD is refused, and the deep nesting', async () => {
    expect((await readError(fixture('xxe.docx'), 'xxe.docx')).message).toMatch(/word\/document\.xml declares a DTD/);
    expect((await readError(fixture('xxe-styles.docx'), 'x.docx')).message).toMatch(/word\/styles\.xml declares a DTD/);
    expect((await readError(fixture('deep-xml.docx'), 'deep.docx')).message).toMatch(/nests XML elements more than 500 levels deep/);
  });
});

describe('bad inputs through the CLI', () => {
  // Every case goes through the whole run, huge-text.docx (one 4 MB paragraph) included: rule patterns are bounded
  // so that linting it stays linear.
  const excluded = new Set<string>();

  it('reports each unreadable file on one stderr line, exits 2 and still lints the good ones', async () => {
    const cwd = tempDir('bad-cli');
    mkdirSync(path.join(cwd, 'contracts'));
    for (const { file } of cases) if (!excluded.has(file)) copyFileSync(path.join(badDir, file), path.join(cwd, 'contracts', file));
    copyFileSync(path.join(root, 'fixtures/contracts/en-agency.md'), path.join(cwd, 'contracts', 'en-agency.md'));
    // A folder is searched for supported extensions only, so .doc and .rtf are named as well.
    const result = await run(['contracts', 'contracts/legacy.doc', 'contracts/rtf.rtf'], { cwd });

    expect(result.exitStatus).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    for (const { file, code } of cases) {
      if (excluded.has(file)) continue;
      const mine = lines.filter((l) => l.includes(`contracts/${file}:`));
      if (code === null) {
        expect(mine, file).toEqual([]);
        expect(result.stdout).toContain(`contracts/${file}`);
      } else {
        expect(mine, file).toHaveLength(1);
        expect(mine[0]).toMatch(new RegExp(`^contract-lint: contracts/${file.replace(/\./g, '\\.')}: .+ \\[[a-z-]+\\]$`));
        expect(mine[0], file).toContain(`[${code}]`);
      }
    }
    // Every stderr line is about one file: no stack trace, no internal error.
    expect(lines.every((l) => l.startsWith('contract-lint: contracts/'))).toBe(true);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stdout).toContain('contracts/en-agency.md');
  });
});
