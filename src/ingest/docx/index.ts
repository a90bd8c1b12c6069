/**
 * DOCX bytes → IngestedDocument.
 *
 * mammoth reads the document (paragraphs, runs, tables, notes, tracked insertions, fields). What mammoth does not
 * give us is Word's automatic numbering, which is not in the text: mammoth keeps only {isOrdered, level} of a
 * numbered paragraph. So we read numbering.xml and styles.xml ourselves, rewrite document.xml once to tag every
 * paragraph with a marker bookmark and record its `w:numPr`, and count lists the way Word does while walking
 * mammoth's paragraphs (see document-xml.ts, numbering-definitions.ts, list-counter.ts).
 *
 * Bytes in, document out: no file system, no network.
 */
import type { Block, IngestedDocument } from '../../types.js';
import { LIMITS, type TimeBudget } from '../limits.js';
import { ReadError } from '../read-error.js';
import { buildBlocks } from './document-blocks.js';
import { prepareDocumentXml } from './document-xml.js';
import { notWordError, openDocxPackage, readPart } from './docx-package.js';
import { partTooLargeError } from './zip-parts.js';
import { readMammothDocument } from './mammoth-document.js';
import { NumberingDefinitions } from './numbering-definitions.js';
import { StyleDefinitions } from './style-definitions.js';

export async function ingestDocx(data: Uint8Array, options: { budget?: TimeBudget } = {}): Promise<IngestedDocument> {
  const budget = options.budget;
  const pkg = await openDocxPackage(data);
  budget?.check();
  const [documentXml, stylesXml, numberingXml] = await Promise.all([
    readPart(pkg.zip, pkg.mainDocumentPath),
    readPart(pkg.zip, pkg.stylesPath),
    readPart(pkg.zip, pkg.numberingPath),
  ]);
  if (documentXml === undefined || !/<(?:[A-Za-z_][\w.-]*:)?body[\s>/]/.test(documentXml)) {
    throw notWordError(pkg.zip, pkg.mainDocumentPath);
  }

  const styles = StyleDefinitions.parse(stylesXml);
  const numbering = NumberingDefinitions.parse(numberingXml, styles);
  const prepared = prepareDocumentXml(documentXml);
  budget?.check();
  const parsedBytes = Buffer.byteLength(prepared.xml);
  if (parsedBytes > LIMITS.docxParsedXmlBytes) throw partTooLargeError(pkg.mainDocumentPath, parsedBytes, LIMITS.docxParsedXmlBytes);

  const texts = new Map([[pkg.mainDocumentPath, prepared.xml]]);
  if (stylesXml !== undefined) texts.set(pkg.stylesPath, stylesXml);
  if (numberingXml !== undefined) texts.set(pkg.numberingPath, numberingXml);
  const document = await readMammothDocument(pkg.zip, texts);
  budget?.check();
  const drafts = buildBlocks(document, { paragraphs: prepared.paragraphs, styles, numbering });
  if (drafts.length === 0) {
    throw new ReadError(
      'empty',
      'the DOCX document has no text (it may hold only images or scanned pages); add the text or lint a PDF with a text layer / DOCX 文档中没有文字（可能只有图片或扫描页），请提供含文字的文档',
    );
  }

  const blocks: Block[] = drafts.map((draft, i) => ({ ...draft, line: i + 1, endLine: i + 1 }));
  const notes: string[] = [];
  if (prepared.hasTrackedChanges) {
    notes.push('tracked changes were read as accepted: deleted text left out, inserted text kept / 修订按“全部接受”处理：删除的文字不计，插入的文字保留');
  }
  if (prepared.hasComments) notes.push('comments were left out: they are not contract text / 批注不属于合同正文，已忽略');
  if (prepared.hasHiddenText) notes.push('hidden text (Word "Hidden" font) was left out / 隐藏文字未计入');

  return { format: 'docx', blocks, lines: blocks.map((b) => b.text), notes };
}
