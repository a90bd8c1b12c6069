import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../src/ingest/read-error.js';
import { ingestPdf } from '../src/ingest/pdf/index.js';
import { clauseStart } from '../src/ingest/pdf/clause-start.js';
import { DirectPort } from '../src/ingest/pdf/direct-port.js';
import { loadPdfJs } from '../src/ingest/pdf/pdfjs.js';
import { removeCjkSpaces } from '../src/ingest/pdf/cjk-spacing.js';
import { isPageNumber, removeRunningText } from '../src/ingest/pdf/running-headers.js';
import type { TextLine } from '../src/ingest/pdf/page-text.js';
import type { Block, IngestedDocument } from '../src/types.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(projectRoot, 'fixtures/ingest/pdf');
const cuadDir = path.resolve(projectRoot, '../shared/corpus/cuad/pdf');

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixtures, name)));
}

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    const err = e as ReadError;
    // One line, English then Chinese.
    expect(err.message).not.toContain('\n');
    expect(err.message).toMatch(/^[ -~]+ \/ .*[\u4e00-\u9fff]/);
    return err;
  }
  throw new Error('expected a ReadError');
}

function blockStarting(doc: IngestedDocument, prefix: string): Block {
  const block = doc.blocks.find((b) => b.text.startsWith(prefix));
  if (!block) throw new Error(`no block starting with ${prefix}`);
  return block;
}

/** Every segment points at the text of its line (spaces aside, which CJK joining removes). */
function expectSegmentsMatchLines(doc: IngestedDocument): void {
  for (const block of doc.blocks) {
    expect(block.line).toBeLessThanOrEqual(block.endLine);
    if (!block.segments) {
      expect(block.line).toBe(block.endLine);
      continue;
    }
    expect(block.segments[0]).toMatchObject({ offset: 0, line: block.line, page: block.page });
    expect(block.segments.at(-1)!.line).toBe(block.endLine);
    for (const seg of block.segments) {
      const lineStart = doc.lines[seg.line - 1].replace(/\s+/g, '').slice(0, 6);
      expect(block.text.slice(seg.offset).replace(/\s+/g, '').startsWith(lineStart)).toBe(true);
    }
  }
}

describe('ingestPdf: Chinese contract', async () => {
  const doc = await ingestPdf(fixture('contract-zh.pdf'));

  it('reads all pages', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBe(3);
    expect(doc.notes).toEqual([]);
    expect(new Set(doc.blocks.map((b) => b.page))).toEqual(new Set([1, 2, 3]));
  });

  it('removes the running header and the 第 X 页 共 Y 页 footer', () => {
    const all = doc.lines.join('\n');
    expect(all).not.toContain('合同编号');
    expect(all).not.toMatch(/第\s*\d+\s*页/);
    expect(doc.lines[0]).toBe('软件开发与运营服务合同');
  });

  it('keeps lines as extracted and numbers them over the whole document', () => {
    expect(doc.lines).toContain('第一条  服务内容');
    // pdf.js's space between CJK text and digits stays in the line, not in the block.
    expect(doc.lines.some((l) => l.includes('不少于 10 款'))).toBe(true);
    const article4 = blockStarting(doc, '第四条');
    expect(article4.page).toBe(2);
    expect(doc.lines[article4.line - 1]).toContain('第四条');
  });

  it('starts a block at each article and numbered paragraph', () => {
    for (const n of ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']) blockStarting(doc, `第${n}条`);
    expect(blockStarting(doc, '第一条').kind).toBe('paragraph');
    blockStarting(doc, '1.1 乙方应按照');
    blockStarting(doc, '（二）甲方有权');
    expect(blockStarting(doc, '软件开发与运营服务合同').kind).toBe('heading');
  });

  it('joins a wrapped paragraph without spaces and with segments per line', () => {
    const block = blockStarting(doc, '1.2 在运营服务期内');
    expect(block.text).toContain('不少于10款新品');
    expect(block.text).toContain('负责商品详情页的文案撰写');
    expect(block.text).toContain('确保店铺月度GMV稳步增长。');
    expect(block.text).toMatch(/分析。$/);
    // No space left next to CJK text, except the one after the leading clause number.
    expect(block.text.slice(4)).not.toMatch(/[\u3000-\u9fff\uff00-\uffef] | [\u3000-\u9fff\uff00-\uffef]/);
    expect(block.endLine - block.line).toBe(3);
    expect(block.segments).toHaveLength(4);
    expect(block.segments!.map((s) => s.line)).toEqual([block.line, block.line + 1, block.line + 2, block.line + 3]);
    expect(block.text.slice(block.segments![1].offset)).toMatch(/^情页的文案/);
  });

  it('removes the space pdf.js puts between CJK characters in justified lines', () => {
    expect(doc.lines.some((l) => l.includes('自愿 、'))).toBe(true);
    expect(blockStarting(doc, '根据《中华人民共和国民法典》').text).toContain('平等、自愿、公平');
  });

  it('joins a paragraph across the page break', () => {
    const block = blockStarting(doc, '3.2 开发费用分三期支付');
    expect(block.page).toBe(1);
    expect(block.text).toContain('小程序稳定运行满三个月且无重大缺陷');
    expect(block.segments!.map((s) => s.page)).toEqual([1, 1, 2, 2]);
    expect(block.text.slice(block.segments![2].offset)).toMatch(/^三个月且无重大缺陷/);
  });

  it('keeps signature lines apart', () => {
    expect(blockStarting(doc, '甲方（盖章）').text).toBe('甲方（盖章）：星河科技有限公司');
    expect(doc.blocks.filter((b) => b.text === '日期：2024年3月1日')).toHaveLength(2);
  });

  it('has segments that point at their lines', () => expectSegmentsMatchLines(doc));
});

describe('ingestPdf: English contract', async () => {
  const doc = await ingestPdf(fixture('contract-en.pdf'));

  it('removes the running header and Page X of Y footers', () => {
    expect(doc.pageCount).toBe(3);
    const all = doc.lines.join('\n');
    expect(all).not.toContain('Brightline LLC – Confidential');
    expect(all).not.toMatch(/Page \d of \d/);
  });

  it('starts a block at each Section and lettered item', () => {
    for (const s of ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2', '5.1', '6.1', '7.1', '7.2']) {
      blockStarting(doc, `Section ${s} `);
    }
    blockStarting(doc, 'ARTICLE 3 FEES AND PAYMENT');
    blockStarting(doc, '(a) Provider shall ensure');
    blockStarting(doc, '(b) Provider shall not transfer');
  });

  it('keeps a cross-reference at a line start inside its paragraph', () => {
    // "…permitted under Section\n4.2 of this Agreement." puts a number at the start of a line.
    expect(doc.lines.some((l) => l.startsWith('4.2 of this Agreement.'))).toBe(true);
    expect(blockStarting(doc, '(b) Provider shall not transfer').text).toContain(
      'approval, except as expressly permitted under Section 4.2 of this Agreement. Any such',
    );
  });

  it('joins wrapped lines with spaces and removes line-break hyphens only', () => {
    const s11 = blockStarting(doc, 'Section 1.1');
    expect(doc.lines.some((l) => l.endsWith('documen-'))).toBe(true);
    expect(s11.text).toContain('all software, documentation, reports and other materials');
    expect(blockStarting(doc, 'Section 1.2').text).toContain('any non-public business');
    const s41 = blockStarting(doc, 'Section 4.1');
    expect(s41.text).toContain('notice of non-renewal at least');
    expect(s41.text).toContain('the then-current term.');
    expect(blockStarting(doc, 'Section 7.2').text).toContain('and supersedes all prior');
  });

  it('joins a sentence across the page break', () => {
    const b = blockStarting(doc, '(b) Provider shall not transfer');
    expect(b.segments!.map((s) => s.page)).toEqual([1, 1, 1, 1, 1, 1, 2]);
    expect(b.text).toMatch(/of Client and its Affiliates as notified to Provider from time to time\.$/);
    const s61 = blockStarting(doc, 'Section 6.1');
    expect(s61.text).toMatch(/in the twelve \(12\) months preceding the claim\.$/);
    expect(s61.segments!.at(-1)!.page).toBe(3);
  });

  it('has segments that point at their lines', () => expectSegmentsMatchLines(doc));
});

describe('ingestPdf: terms set in two columns (two-columns.pdf)', async () => {
  const doc = await ingestPdf(fixture('two-columns.pdf'));
  const clauseLines = doc.blocks.filter((b) => /^\d\. /.test(b.text)).map((b) => b.text);

  it('reads the left column down, then the right one', () => {
    expect(clauseLines).toEqual(['1. Services', '2. Acceptance', '3. Fees', '4. Accounts and data', '5. Team', '6. Termination', '7. Liability', '8. General']);
  });

  it('joins a paragraph that runs from the foot of one column to the head of the next', () => {
    expect(blockStarting(doc, 'The store, the advertising accounts').text).toBe(
      "The store, the advertising accounts and all data in them belong to the Brand. The Brand keeps the main account and may view the back end, export raw data and audit the Operator's records at any time.",
    );
  });

  it('keeps the full-width text above and below the columns whole and in place', () => {
    expect(doc.blocks[0].text).toBe('STORE OPERATION TERMS');
    expect(doc.blocks[1].text).toMatch(/^These terms are agreed between Northwind Home Goods, Inc\..*read column by column\.$/);
    expect(doc.blocks[doc.blocks.length - 1].text).toBe('Signed for the Brand and for the Operator on March 1, 2026.');
  });
});

describe('ingestPdf: options', () => {
  it('reads only the first pages with maxPages and says so', async () => {
    const doc = await ingestPdf(fixture('contract-zh.pdf'), { maxPages: 1 });
    expect(doc.pageCount).toBe(3);
    expect(doc.blocks.every((b) => b.page === 1)).toBe(true);
    expect(doc.notes.join(' ')).toMatch(/first 1 of 3 pages/);
  });

  it('keeps the engine’s Array.prototype.push and JSON.parse (pdf.js’s core-js replaces them)', async () => {
    await ingestPdf(fixture('contract-en.pdf'));
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
    expect(Function.prototype.toString.call(JSON.parse)).toContain('[native code]');
  });

  it('leaves the caller’s bytes intact (pdf.js would detach a buffer it is given)', async () => {
    const data = fixture('contract-en.pdf');
    const size = data.byteLength;
    await ingestPdf(data);
    expect(data.byteLength).toBe(size);
    await ingestPdf(data);
  });
});

describe('ingestPdf: CJK text in a non-embedded font', () => {
  it('decodes it through the predefined CMaps shipped with pdf.js', async () => {
    const doc = await ingestPdf(fixture('cid-font.pdf'));
    expect(doc.blocks.map((b) => b.text)).toEqual([
      '第一条  本合同由甲方与乙方签订，乙方每月提供不少于十款新品。',
      '第二条  甲方应在收到发票后十个工作日内付款，逾期按日支付违约金。',
    ]);
  });
});

describe('ingestPdf: unreadable input', () => {
  it('encrypted without a password', async () => {
    const err = await readError(ingestPdf(fixture('encrypted.pdf')));
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/password-protected.*--password/);
  });

  it('encrypted with a wrong password', async () => {
    const err = await readError(ingestPdf(fixture('encrypted.pdf'), { password: 'wrong' }));
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/password given .* wrong/);
  });

  it('encrypted with the right password reads', async () => {
    const doc = await ingestPdf(fixture('encrypted.pdf'), { password: 'user-secret' });
    blockStarting(doc, 'Section 2.1 Provider shall provide');
  });

  it('no text layer', async () => {
    const err = await readError(ingestPdf(fixture('scanned-like.pdf')));
    expect(err.code).toBe('no-text-layer');
    expect(err.message).toMatch(/OCR/);
  });

  it('truncated', async () => {
    const data = fixture('contract-en.pdf');
    const err = await readError(ingestPdf(data.slice(0, data.length >> 1)));
    expect(err.code).toBe('truncated');
  });

  it('reads what it can when only the end is missing, and says so', async () => {
    const data = fixture('contract-en.pdf');
    const doc = await ingestPdf(data.slice(0, data.length - 30));
    expect(doc.blocks.length).toBeGreaterThan(10);
    expect(doc.notes.join(' ')).toMatch(/truncated/);
  });

  it('not a PDF', async () => {
    const zip = new TextEncoder().encode('PK\u0003\u0004 this is a zip, not a PDF '.repeat(40));
    const err = await readError(ingestPdf(zip));
    expect(err.code).toBe('corrupt');
  });

  it('a PDF header followed by garbage', async () => {
    const bytes = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`);
    const err = await readError(ingestPdf(bytes));
    expect(err.code).toBe('corrupt');
  });

  it('zero bytes and zero pages', async () => {
    expect((await readError(ingestPdf(new Uint8Array(0)))).code).toBe('empty');
    const noPages = new TextEncoder().encode(
      [
        '%PDF-1.4',
        '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
        '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
        'trailer << /Root 1 0 R >>',
        '%%EOF',
      ].join('\n'),
    );
    expect((await readError(ingestPdf(noPages))).code).toBe('empty');
  });
});

describe('clause starts', () => {
  it.each([
    '第一条 合同标的',
    '第十二条　违约责任',
    '第3条 付款',
    '一、总则',
    '（一）甲方的义务',
    '(二) 乙方的义务',
    '1. Services',
    '1、服务内容',
    '1.1 乙方应',
    '2.3.5 provide reports',
    '(1) the Company',
    '（1）一方违约',
    '① 首付款',
    '(a) Provider shall',
    'a) Provider shall',
    '(iv) any other',
    'A. Recipient wishes',
    'III. Signing',
    'Article 5 Term',
    'ARTICLE I DEFINITIONS',
    'Part II: Development',
    'Section 2.1 Provider shall',
    'Schedule 1',
    'EXHIBIT 10.1',
    '附件一：需求说明书',
    '• Branded header',
  ])('%s', (text) => {
    expect(clauseStart(text)).toBeDefined();
  });

  it.each([
    '1.5万元作为保证金',
    '3日内支付',
    '2026.1.1起生效',
    '3.5%的违约金',
    '第5条规定的期限',
    '第三条约定的费用',
    '1.5 million dollars',
    'Section 5.1 of this Agreement.',
    'Exhibit A attached hereto',
    '附件一所列的服务',
    'Sections are for convenience',
    'part of the Services',
  ])('not %s', (text) => {
    expect(clauseStart(text)).toBeUndefined();
  });
});

describe('page numbers and running text', () => {
  it.each(['第 3 页 共 10 页', '第3页', '共10页 第3页', 'Page 3 of 10', 'page 3', '- 3 -', '3', '3/10', 'iv'])(
    '%s is a page number',
    (text) => expect(isPageNumber(text)).toBe(true),
  );

  it.each(['2026年', 'Page Setup', '第三条', 'did', '1.1'])('%s is not', (text) => expect(isPageNumber(text)).toBe(false));

  const line = (page: number, text: string, y: number): TextLine => ({ page, text, x0: 72, x1: 300, y, size: 10 });

  it('removes repeated edge text with digits ignored but keeps numbered headings opening pages', () => {
    const pages = [1, 2, 3, 4].map((p) => [
      line(p, `ACME Corp. Confidential  Ref ${p * 7}`, 40),
      line(p, `ARTICLE ${p}`, 80),
      line(p, ['Alpha', 'Bravo', 'Charlie', 'Delta'][p - 1] + ' body text.', 100),
      line(p, ['Echo', 'Foxtrot', 'Golf', 'Hotel'][p - 1] + ' body text.', 120),
      line(p, ['India', 'Juliett', 'Kilo', 'Lima'][p - 1] + ' body text.', 140),
      line(p, `- ${p} -`, 780),
    ]);
    const { pages: kept, removed } = removeRunningText(pages);
    expect(removed).toBe(8);
    expect(kept.map((lines) => lines[0].text)).toEqual(['ARTICLE 1', 'ARTICLE 2', 'ARTICLE 3', 'ARTICLE 4']);
    expect(kept[0][0].afterRemoved).toBe(true);
  });
});

describe('CJK spacing', () => {
  it('removes single spaces next to CJK text and keeps wide gaps and Latin spacing', () => {
    expect(removeCjkSpaces('不少于 10 款，按 GMV 的 3% 计算').text).toBe('不少于10款，按GMV的3%计算');
    expect(removeCjkSpaces('第一条  总则').text).toBe('第一条  总则');
    expect(removeCjkSpaces('Party A (甲方) shall pay').text).toBe('Party A (甲方) shall pay');
    expect(removeCjkSpaces('1.1 乙方 应', 4).text).toBe('1.1 乙方应');
  });

  it('maps offsets past removed spaces', () => {
    const r = removeCjkSpaces('甲 乙 丙');
    expect(r.text).toBe('甲乙丙');
    expect([0, 2, 4].map(r.mapOffset)).toEqual([0, 1, 2]);
  });
});

describe('CUAD corpus', () => {
  const plausible = 'ingests every PDF into a plausible number of blocks';
  it.skipIf(!existsSync(cuadDir))(plausible, { timeout: 120_000 }, async () => {
    const files = readdirSync(cuadDir).filter((f) => f.toLowerCase().endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = await ingestPdf(new Uint8Array(readFileSync(path.join(cuadDir, file))));
      const context = `${file}: ${doc.blocks.length} blocks, ${doc.lines.length} lines, ${doc.pageCount} pages`;
      expect(doc.blocks.length, context).toBeGreaterThanOrEqual(doc.pageCount! * 2);
      expect(doc.blocks.length, context).toBeLessThan(doc.lines.length);
      expect(doc.blocks.at(-1)!.endLine, context).toBe(doc.lines.length);
      // Running page numbers are gone.
      expect(doc.lines.filter((l) => /^(page \d+|\d{1,3})$/i.test(l)).length, context).toBeLessThan(doc.pageCount!);
    }
  });
});

describe('pdf.js is loaded for text only', () => {
  it('reads a PDF without loading the native canvas library, and leaves no DOMMatrix behind', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const doc = await ingestPdf(readFileSync(path.join(projectRoot, 'fixtures/contracts/en-agency-sections.pdf')));
    expect(doc.blocks.length).toBeGreaterThan(10);
    expect(Object.keys(require.cache).filter((f) => f.includes(`${path.sep}@napi-rs${path.sep}`))).toEqual([]);
    expect('DOMMatrix' in globalThis).toBe(false);
  });

  it('writes nothing of its own to the console while it loads', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = path.join(projectRoot, 'bin/contract-lint');
    const r = spawnSync('node', [bin, '--workers', '0', '-f', 'json', 'fixtures/contracts/en-agency-sections.pdf'], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).files[0].path).toBe('fixtures/contracts/en-agency-sections.pdf');
  });
});

describe('pdf.js halves joined by a DirectPort', () => {
  it('delivers after the send returns, to listeners still registered, and stops at an abort signal', async () => {
    const port = new DirectPort();
    const seen: string[] = [];
    const stop = new AbortController();
    port.addEventListener('message', (e) => seen.push(`a:${(e.data as { n: number }).n}`));
    port.addEventListener('message', (e) => seen.push(`b:${(e.data as { n: number }).n}`), { signal: stop.signal });
    port.postMessage({ n: 1 });
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual(['a:1', 'b:1']);
    stop.abort();
    port.postMessage({ n: 2 });
    await Promise.resolve();
    expect(seen).toEqual(['a:1', 'b:1', 'a:2']);
  });

  it('keeps what was sent intact when the sender puts new fields into the object it sent', async () => {
    // What pdf.js's text streaming does: enqueue the content object, then give it new items and styles.
    const port = new DirectPort();
    let received: { chunk: { items: string[]; styles: Record<string, unknown> } } | undefined;
    port.addEventListener('message', (e) => (received = e.data as typeof received));
    const content = { items: ['first'], styles: Object.create(null) as Record<string, unknown> };
    content.styles.f1 = { fontFamily: 'serif' };
    port.postMessage({ stream: 4, chunk: content });
    content.items = [];
    content.styles = Object.create(null) as Record<string, unknown>;
    await Promise.resolve();
    expect(received!.chunk.items).toEqual(['first']);
    expect(Object.getPrototypeOf(received!.chunk.styles)).toBe(null);
    expect(received!.chunk.styles.f1).toEqual({ fontFamily: 'serif' });
  });

  it('leaves no listener behind on the shared port once a document is read or has failed', async () => {
    await ingestPdf(fixture('contract-en.pdf'));
    const { port } = await loadPdfJs();
    const before = port.listenerCount;
    await ingestPdf(fixture('contract-zh.pdf'));
    await ingestPdf(fixture('two-columns.pdf'));
    await readError(ingestPdf(fixture('encrypted.pdf')));
    await readError(ingestPdf(new Uint8Array(readFileSync(path.join(projectRoot, 'fixtures/bad/garbage.pdf')))));
    expect(port.listenerCount).toBe(before);
  });

  it('gives the same text content as pdf.js reading through its own cloning port', { timeout: 60_000 }, async () => {
    const { pdfjs, worker, cMapDir } = await loadPdfJs();
    const files = [
      path.join(fixtures, 'contract-zh.pdf'),
      path.join(fixtures, 'contract-en.pdf'),
      path.join(fixtures, 'two-columns.pdf'),
      path.join(fixtures, 'cid-font.pdf'),
      path.join(projectRoot, 'fixtures/contracts/en-agency-sections.pdf'),
    ];
    const read = async (data: Uint8Array, shared: boolean) => {
      const task = pdfjs.getDocument({
        data: new Uint8Array(data),
        ...(shared ? { worker } : {}),
        isEvalSupported: false,
        cMapUrl: cMapDir,
        cMapPacked: true,
        verbosity: pdfjs.VerbosityLevel.ERRORS,
      });
      try {
        const doc = await task.promise;
        const pages = [];
        for (let n = 1; n <= doc.numPages; n++) pages.push(await (await doc.getPage(n)).getTextContent());
        // Font names carry the document's number, which differs between the two reads.
        return JSON.parse(JSON.stringify(pages).replace(/"g_d\d+_/g, '"g_')) as typeof pages;
      } finally {
        await task.destroy();
      }
    };
    for (const file of files) {
      const data = new Uint8Array(readFileSync(file));
      const direct = await read(data, true);
      expect(direct.flatMap((p) => p.items).length, file).toBeGreaterThan(0);
      expect(direct, file).toEqual(await read(data, false));
    }
  });
});
