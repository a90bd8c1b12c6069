import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ingestDocx } from '../src/ingest/docx/index.js';
import { ListCounters } from '../src/ingest/docx/list-counter.js';
import { formatNumber } from '../src/ingest/docx/number-formats.js';
import { NumberingDefinitions } from '../src/ingest/docx/numbering-definitions.js';
import { StyleDefinitions } from '../src/ingest/docx/style-definitions.js';
import { ReadError } from '../src/ingest/read-error.js';
import type { IngestedDocument } from '../src/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = `${root}fixtures/ingest/docx/`;
const corpus = `${root}../shared/corpus/`;

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixtures + name));
const ingestFixture = (name: string): Promise<IngestedDocument> => ingestDocx(fixture(name));
const numbers = (doc: IngestedDocument): string[] =>
  doc.blocks.filter((b) => b.generatedNumber).map((b) => b.generatedNumber!.text);

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

describe('ingestDocx: Chinese automatic numbering (zh-articles.docx)', () => {
  it('computes 第X条 at level 0 and （一） at level 1 and prefixes the text', async () => {
    const doc = await ingestFixture('zh-articles.docx');
    expect(doc.format).toBe('docx');
    expect(numbers(doc)).toEqual([
      '第一条', '（一）', '（二）',
      '第二条', '（一）', '（二）', '（三）',
      '第三条', '第四条', '第五条', '第六条', '第七条', '第八条', '第九条', '第十条',
      '第十一条', '（一）',
    ]);
    const first = doc.blocks.find((b) => b.generatedNumber?.text === '第一条')!;
    expect(first.text).toBe('第一条 服务内容');
    expect(first.generatedNumber).toEqual({ text: '第一条', level: 0 });
    expect(first.kind).toBe('list-item');
    const item = doc.blocks.find((b) => b.text.startsWith('（三）'))!;
    expect(item.text).toBe('（三） 逾期付款的，甲方按日万分之五支付违约金。');
    expect(item.generatedNumber).toEqual({ text: '（三）', level: 1 });
  });

  it('takes the Title as a heading and keeps plain paragraphs unnumbered', async () => {
    const doc = await ingestFixture('zh-articles.docx');
    expect(doc.blocks[0]).toMatchObject({ text: '技术服务合同', kind: 'heading', headingLevel: 1 });
    expect(doc.blocks[1]).toMatchObject({ text: '甲方（委托方）：北京某某科技有限公司', kind: 'paragraph' });
    expect(doc.blocks[1].generatedNumber).toBeUndefined();
  });

  it('gives each block one line, in order', async () => {
    const doc = await ingestFixture('zh-articles.docx');
    expect(doc.lines).toEqual(doc.blocks.map((b) => b.text));
    doc.blocks.forEach((b, i) => {
      expect(b.line).toBe(i + 1);
      expect(b.endLine).toBe(i + 1);
    });
  });
});

describe('ingestDocx: English multi-level numbering (en-multilevel.docx)', () => {
  it('numbers heading styles, (a) lists and a restarted schedule list as Word does', async () => {
    const doc = await ingestFixture('en-multilevel.docx');
    expect(numbers(doc)).toEqual([
      // clauses: numbering comes from the Heading 1/2 styles, not the paragraphs
      '1.', '1.1', '(a)', '(b)', '(c)', '1.2', '(a)', '(b)',
      '2.', '2.1', '2.2',
      '3.', '3.1',
      // Schedule 1
      '1.', '1.1', '(a)', '(b)', '2.', '2.1', '2.2',
      // Schedule 2: same list, restarted with w:startOverride
      '1.', '1.1', '2.',
    ]);
  });

  it('marks headings with their level and keeps the number level', async () => {
    const doc = await ingestFixture('en-multilevel.docx');
    const services = doc.blocks.find((b) => b.text === '1. Services')!;
    expect(services).toMatchObject({ kind: 'heading', headingLevel: 1, generatedNumber: { text: '1.', level: 0 } });
    const scope = doc.blocks.find((b) => b.text.startsWith('1.1 Scope'))!;
    expect(scope).toMatchObject({ kind: 'heading', headingLevel: 2, generatedNumber: { text: '1.1', level: 1 } });
    expect(doc.blocks.find((b) => b.text === '(a) design of the system;')).toMatchObject({
      kind: 'list-item',
      generatedNumber: { text: '(a)', level: 0 },
    });
    expect(doc.blocks.find((b) => b.text === '(a) planned maintenance; and')?.generatedNumber).toEqual({
      text: '(a)',
      level: 2,
    });
    expect(doc.blocks.find((b) => b.text === 'Schedule 2 - Fees')).toMatchObject({ kind: 'heading' });
    expect(doc.blocks.find((b) => b.text === '1. Monthly fee')).toBeDefined();
  });
});

describe('ingestDocx: tables (table.docx)', () => {
  it('gives one block per non-empty cell, row by row', async () => {
    const doc = await ingestFixture('table.docx');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The key terms are set out below.'],
      ['table-cell', 'Term'],
      ['table-cell', 'Value'],
      ['table-cell', 'Fees'],
      ['table-cell', 'USD 10,000 per month'],
      ['table-cell', 'Payment terms'],
      // the empty value cell gives no block
      ['table-cell', 'Provider duties'],
      // a cell with numbered paragraphs keeps one block per paragraph
      ['table-cell', '1. Deliver monthly reports.'],
      ['table-cell', '2. Attend steering meetings.'],
      ['table-cell', 'Contacts'],
      ['table-cell', 'Alice Chen (Client)'],
      ['table-cell', 'Bob Smith (Provider)'],
      ['table-cell', 'Signed by both parties on the Effective Date.'],
      ['paragraph', 'This table forms part of the Agreement.'],
    ]);
    expect(doc.blocks[7].generatedNumber).toEqual({ text: '1.', level: 0 });
  });

  it('numbers each cell with its row, so that a row can be read as one statement', async () => {
    const doc = await ingestFixture('table.docx');
    const rowOf = (text: string) => doc.blocks.find((b) => b.text === text)?.row;
    expect(rowOf('Fees')).toBe(rowOf('USD 10,000 per month'));
    expect(rowOf('Provider duties')).toBe(rowOf('2. Attend steering meetings.'));
    // Contacts spans two rows: Bob is in the second
    expect(rowOf('Contacts')).toBe(rowOf('Alice Chen (Client)'));
    expect(rowOf('Bob Smith (Provider)')).not.toBe(rowOf('Alice Chen (Client)'));
    const rows = doc.blocks.filter((b) => b.kind === 'table-cell').map((b) => b.row);
    expect(new Set(rows).size).toBe(7);
    expect(rows).toEqual([...rows].sort((a, b) => a! - b!));
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').every((b) => b.row === undefined)).toBe(true);
  });
});

describe('ingestDocx: footnotes and endnotes (footnotes.docx)', () => {
  it('puts notes at the end in reference order, and no reference marks in the text', async () => {
    const doc = await ingestFixture('footnotes.docx');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Confidentiality'],
      ['paragraph', "Each party keeps the other's information confidential for five years."],
      ['paragraph', 'Liability is capped at the fees paid.'],
      ['paragraph', 'This Agreement is governed by English law.'],
      ['footnote', 'Confidential information excludes information that is public.'],
      ['footnote', 'Fees paid in the twelve months before the claim.'],
      ['footnote', 'Without regard to conflict of laws rules.'],
    ]);
  });
});

describe('ingestDocx: review marks (review-marks.docx)', () => {
  it('reads tracked changes as accepted and leaves out comments and hidden text', async () => {
    const doc = await ingestFixture('review-marks.docx');
    const text = doc.lines.join('\n');
    expect(doc.lines).toEqual([
      'Fees',
      'The monthly fee is USD 8,000 payable in advance.',
      "Either party may terminate on thirty days' notice.",
      'Provider warrants the services for ninety days.',
    ]);
    expect(text).toContain('USD 8,000'); // inserted
    expect(text).not.toContain('USD 5,000'); // deleted
    expect(text).not.toContain('without notice'); // deleted
    expect(text).not.toContain('Please check the notice period'); // comment
    expect(text).not.toContain('internal note'); // hidden text
    expect(doc.notes.some((n) => n.startsWith('tracked changes'))).toBe(true);
    expect(doc.notes.some((n) => n.startsWith('comments'))).toBe(true);
    expect(doc.notes.some((n) => n.startsWith('hidden text'))).toBe(true);
  });
});

describe('ingestDocx: number formats (formats.docx)', () => {
  it('renders roman, letter, circled, Chinese, zero-padded and word formats; bullets get no number', async () => {
    const doc = await ingestFixture('formats.docx');
    expect(numbers(doc)).toEqual([
      'VIII.', 'IX.', 'X.',
      '(i)', '(ii)', '(iii)', '(iv)',
      'Y.', 'Z.', 'AA.',
      'a)', 'b)',
      '①', '②', '③',
      '玖、', '壹拾、', '壹拾壹、',
      '甲、', '乙、',
      '子、', '丑、',
      '１．', '２．',
      '09.', '10.',
      '1st', '2nd', '3rd',
      'One:', 'Two:',
      'First:', 'Second:',
    ]);
    const bullet = doc.blocks.find((b) => b.text === 'bullet one')!;
    expect(bullet.kind).toBe('list-item');
    expect(bullet.generatedNumber).toBeUndefined();
  });
});

describe('formatNumber', () => {
  it('writes Chinese counting numerals', () => {
    const counting = [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1010, 10001].map((n) =>
      formatNumber(n, 'chineseCounting'),
    );
    expect(counting).toEqual([
      '一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千', '一千零一十', '一万零一',
    ]);
    expect(formatNumber(12, 'chineseCountingThousand')).toBe('十二');
    expect(formatNumber(12, 'taiwaneseCountingThousand')).toBe('十二');
    expect(formatNumber(11, 'chineseLegalSimplified')).toBe('壹拾壹');
    expect(formatNumber(23, 'ideographLegalTraditional')).toBe('貳拾參');
    expect(formatNumber(105, 'ideographDigital')).toBe('一〇五');
    expect(formatNumber(11, 'ideographTraditional')).toBe('甲');
  });

  it('writes the other formats', () => {
    expect(formatNumber(1994, 'upperRoman')).toBe('MCMXCIV');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(27, 'upperLetter')).toBe('AA');
    expect(formatNumber(53, 'lowerLetter')).toBe('aaa');
    expect(formatNumber(20, 'decimalEnclosedCircle')).toBe('⑳');
    expect(formatNumber(21, 'decimalEnclosedCircle')).toBe('21');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(7, 'custom', '001, 002, 003, ...')).toBe('007');
    expect(formatNumber(12, 'ordinal')).toBe('12th');
    expect(formatNumber(22, 'ordinal')).toBe('22nd');
    expect(formatNumber(21, 'cardinalText')).toBe('Twenty-one');
    expect(formatNumber(12, 'ordinalText')).toBe('Twelfth');
    expect(formatNumber(20, 'ordinalText')).toBe('Twentieth');
    expect(formatNumber(3, 'bullet')).toBe('');
    expect(formatNumber(3, 'somethingNew')).toBe('3');
  });
});

/** Word behaviours LibreOffice cannot write, checked on numbering.xml written the way Word writes it. */
describe('list counters (Word numbering rules)', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const lvl = (ilvl: number, numFmt: string, text: string, extra = ''): string =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

  function run(numberingXml: string, paragraphs: Array<{ numId?: string; ilvl?: number; style?: string }>, stylesXml = '') {
    const styles = StyleDefinitions.parse(`<w:styles ${W}>${stylesXml}</w:styles>`);
    const numbering = NumberingDefinitions.parse(`<w:numbering ${W}>${numberingXml}</w:numbering>`, styles);
    const counters = new ListCounters();
    return paragraphs.map((p) => {
      const resolved = numbering.paragraphNumbering({ numId: p.numId, ilvl: p.ilvl }, p.style);
      if (!resolved) return null;
      return counters.next(numbering.resolve(resolved.numId)!, resolved.ilvl).text ?? null;
    });
  }

  it('legal numbering (w:isLgl) shows the higher levels as decimal', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', 'Article %1')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const p = (ilvl: number) => ({ numId: '1', ilvl });
    expect(run(xml, [p(0), p(1), p(1), p(0), p(1)])).toEqual(['Article I', '1.1', '1.2', 'Article II', '2.1']);
  });

  it('without w:isLgl each placeholder keeps its own level format', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', 'Article %1')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(run(xml, [{ numId: '1', ilvl: 0 }, { numId: '1', ilvl: 1 }])).toEqual(['Article I', 'I.1']);
  });

  it('w:lvlRestart 0 keeps a lower level counting across higher ones', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'lowerLetter', '(%2)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const p = (ilvl: number) => ({ numId: '1', ilvl });
    expect(run(xml, [p(0), p(1), p(0), p(1)])).toEqual(['1.', '(a)', '2.', '(b)']);
  });

  it('nums sharing an abstractNum continue each other; w:startOverride restarts once', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`;
    const p = (numId: string) => ({ numId, ilvl: 0 });
    expect(run(xml, [p('1'), p('1'), p('2'), p('2'), p('1'), p('3')])).toEqual(['1.', '2.', '1.', '2.', '3.', '4.']);
  });

  it('a skipped level shows as 0, as in Word ("1.0.1")', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'decimal', '%1.%2.%3')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(run(xml, [{ numId: '1', ilvl: 0 }, { numId: '1', ilvl: 2 }])).toEqual(['1.', '1.0.1']);
  });

  it('style numbering follows basedOn and the level bound to the style; numId 0 removes it', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.', '<w:pStyle w:val="Clause1"/>')}${lvl(1, 'decimal', '%1.%2', '<w:pStyle w:val="Clause2"/>')}</w:abstractNum>` +
      `<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`;
    const styles =
      `<w:style w:type="paragraph" w:styleId="Clause1"><w:name w:val="Clause 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Clause2"><w:name w:val="Clause 2"/><w:basedOn w:val="Clause1"/></w:style>`;
    const result = run(
      xml,
      [{ style: 'Clause1' }, { style: 'Clause2' }, { style: 'Clause2', numId: '0' }, { style: 'Clause2' }, { style: 'Clause1' }],
      styles,
    );
    expect(result).toEqual(['1.', '1.1', null, '1.2', '2.']);
  });

  it('follows w:numStyleLink to the list style that holds the levels', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="ContractList"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="ContractList"/>${lvl(0, 'upperLetter', '%1)')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const styles = `<w:style w:type="numbering" w:styleId="ContractList"><w:name w:val="Contract List"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`;
    expect(run(xml, [{ numId: '1', ilvl: 0 }, { numId: '1', ilvl: 0 }], styles)).toEqual(['A)', 'B)']);
  });
});

describe('ingestDocx: namespace prefixes', () => {
  it('reads a document whose WordprocessingML prefix is not w:', async () => {
    const zip = await JSZip.loadAsync(fixture('zh-articles.docx'));
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml']) {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace(/(<\/?)w:/g, '$1ns9:').replace(/ w:/g, ' ns9:').replace('xmlns:w=', 'xmlns:ns9='));
    }
    const doc = await ingestDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(numbers(doc).slice(0, 4)).toEqual(['第一条', '（一）', '（二）', '第二条']);
    expect(doc.blocks[0]).toMatchObject({ text: '技术服务合同', kind: 'heading' });
  });

  it('keeps the text of simple fields (w:fldSimple), which mammoth alone would drop', async () => {
    const zip = await JSZip.loadAsync(fixture('zh-articles.docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const field = '<w:fldSimple w:instr=" REF _Ref1 \\h "><w:r><w:t>第二条</w:t></w:r></w:fldSimple>';
    zip.file('word/document.xml', xml.replace('<w:t>保密义务</w:t></w:r>', `<w:t>保密义务（见</w:t></w:r>${field}<w:r><w:t>）</w:t></w:r>`));
    const doc = await ingestDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(doc.lines).toContain('第三条 保密义务（见第二条）');
  });

  it('never expands entities declared in a DTD', async () => {
    const zip = await JSZip.loadAsync(fixture('zh-articles.docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const bomb = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    zip.file('word/document.xml', xml.replace('?>', `?>${bomb}`).replace('服务内容', '服务内容&c;'));
    const error = await readError(ingestDocx(await zip.generateAsync({ type: 'uint8array' })));
    expect(error.code).toBe('corrupt');
  });
});

describe('ingestDocx: unreadable input', () => {
  it('rejects bytes that are not a zip as corrupt', async () => {
    const error = await readError(ingestDocx(new TextEncoder().encode('this is not a word document at all')));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('/');
    expect(error.message).not.toContain('\n');
  });

  it('recognises a zip cut short as truncated', async () => {
    const bytes = fixture('zh-articles.docx');
    const error = await readError(ingestDocx(bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(error.code).toBe('truncated');
  });

  it('reports damaged compressed data as corrupt', async () => {
    const bytes = fixture('zh-articles.docx').slice();
    // overwrite part of document.xml's compressed bytes, leaving the zip directory intact
    const header = findLocalHeader(bytes, 'word/document.xml');
    const dataStart = header + 30 + readUint16(bytes, header + 26) + readUint16(bytes, header + 28);
    bytes.fill(0x5a, dataStart + 20, dataStart + 400);
    const error = await readError(ingestDocx(bytes));
    expect(error.code).toBe('corrupt');
  });

  it('says what a zip without word/document.xml is', async () => {
    const xlsx = new JSZip();
    xlsx.file('[Content_Types].xml', '<Types/>');
    xlsx.file('xl/workbook.xml', '<workbook/>');
    const error = await readError(ingestDocx(await xlsx.generateAsync({ type: 'uint8array' })));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/Excel/);
    expect(error.message).toMatch(/convert it to DOCX or PDF/);

    const plain = new JSZip();
    plain.file('notes.txt', 'hello');
    const plainError = await readError(ingestDocx(await plain.generateAsync({ type: 'uint8array' })));
    expect(plainError.code).toBe('unsupported-format');
    expect(plainError.message).toMatch(/zip archive/);
  });

  it('reports a document without text as empty', async () => {
    expect((await readError(ingestFixture('empty.docx'))).code).toBe('empty');
    expect((await readError(ingestDocx(new Uint8Array(0)))).code).toBe('empty');
  });

  it('tells an encrypted Office file from a legacy .doc', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const encrypted = new Uint8Array([...ole, ...Buffer.from('EncryptionInfo', 'utf16le')]);
    expect((await readError(ingestDocx(encrypted))).code).toBe('encrypted');
    expect((await readError(ingestDocx(new Uint8Array([...ole, 0, 0, 0])))).code).toBe('unsupported-format');
  });
});

// Speed is measured by the benchmark script, not asserted here; this checks that a long document is read whole.
describe('ingestDocx: a long document', () => {
  it('reads a 50-page document whole', async () => {
    // ~23,000 words in 540 paragraphs: en-multilevel.docx's body repeated with longer sentences
    const zip = await JSZip.loadAsync(fixture('en-multilevel.docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const start = xml.indexOf('<w:body>') + '<w:body>'.length;
    const end = xml.lastIndexOf('<w:sectPr');
    const sentence =
      ' Provider shall perform the Services diligently, in accordance with good industry practice and all applicable laws, and shall promptly notify the Client of any matter that may delay or prevent performance of its obligations under this Agreement.';
    const body = xml.slice(start, end).replace(/<\/w:t>/g, `${sentence}</w:t>`);
    zip.file('word/document.xml', xml.slice(0, start) + body.repeat(20) + xml.slice(end));
    const big = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

    const doc = await ingestDocx(big);
    expect(doc.lines.join(' ').split(/\s+/).length).toBeGreaterThan(20_000);
    expect(doc.blocks.filter((b) => b.generatedNumber).length).toBeGreaterThan(100);
  });
});

const templates = `${corpus}templates-en/`;
const hasTemplates = existsSync(templates);

describe('ingestDocx: real templates (../shared/corpus)', () => {
  it.skipIf(!hasTemplates)('ingests every DOCX template', async () => {
    const files = readdirSync(templates).filter((f) => f.endsWith('.docx'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = await ingestDocx(new Uint8Array(readFileSync(templates + file)));
      expect(doc.blocks.length, file).toBeGreaterThan(0);
      expect(doc.lines.length, file).toBe(doc.blocks.length);
    }
  });

  it.skipIf(!hasTemplates)('numbers the Common Paper PSA as its numbering.xml says', async () => {
    // numbering.xml: abstractNum 0 binds Heading1 → "%1." decimal, Heading2 → "%1.%2", Heading3 → "(%3)" lowerLetter;
    // the heading styles carry w:numId 1 → abstractNum 0. The empty Heading1 paragraph that holds the cover page's
    // section break takes no number, which is what the document's own cross-references assume
    // ("Section 12.7 of the Standard Terms" is "No Publicity").
    const doc = await ingestDocx(new Uint8Array(readFileSync(`${templates}common-paper-professional-services-agreement.docx`)));
    const numbered = doc.blocks.filter((b) => b.generatedNumber);
    expect(numbered[0]).toMatchObject({ text: '1. Services', kind: 'heading', headingLevel: 1, generatedNumber: { text: '1.', level: 0 } });
    expect(numbered[1].text).toMatch(/^1\.1 Providing Services\./);
    expect(numbered[1].generatedNumber).toEqual({ text: '1.1', level: 1 });
    const nums = numbered.map((b) => b.generatedNumber!.text);
    const thirdParty = nums.indexOf('2.4');
    expect(numbered[thirdParty].text).toBe('2.4 Third-Party Materials.');
    expect(nums.slice(thirdParty, thirdParty + 5)).toEqual(['2.4', '(a)', '(b)', '(c)', '2.5']);
    expect(numbered.find((b) => b.generatedNumber!.text === '12.7')!.text).toMatch(/^12\.7 No Publicity\./);
    expect(numbered.find((b) => b.generatedNumber!.text === '13.')!.text).toBe('13. Definitions');
    expect(nums.at(-1)).toBe('13.21');
    expect(nums.filter((n) => /^\d+\.$/.test(n))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.', '12.', '13.']);
    // the cover page's key-terms table comes first, cell by cell
    expect(doc.blocks.some((b) => b.kind === 'table-cell' && b.text === 'Governing Law')).toBe(true);
  });
});

function findLocalHeader(bytes: Uint8Array, name: string): number {
  const target = Buffer.from(name);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); i >= 0; i = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i + 4)) {
    const nameLength = readUint16(bytes, i + 26);
    if (nameLength === target.length && buffer.subarray(i + 30, i + 30 + nameLength).equals(target)) return i;
  }
  throw new Error(`no local header for ${name}`);
}

function readUint16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}
