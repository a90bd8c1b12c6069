import JSZip from 'jszip';
import { LIMITS } from '../limits.js';
import { ReadError } from '../read-error.js';
import { checkXmlPart } from './xml-limits.js';
import { childrenNamed, parseXmlTree } from './xml-scan.js';
import { isXmlPart, PartInflater, partTooLargeError, readZipDirectory, refuseDeclaredBomb, type ZipEntry } from './zip-parts.js';

const OFFICE_DOCUMENT_TYPES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
]);

const CORRUPT_ZIP =
  'the DOCX file is corrupt (not a valid zip archive); re-save it from Word / DOCX 文件已损坏（不是有效的 zip 压缩包），请用 Word 重新保存';

/** The zip of a DOCX with the paths of the parts we read ourselves. */
export interface DocxPackage {
  zip: JSZip;
  mainDocumentPath: string;
  stylesPath: string;
  numberingPath: string;
}

/** Opens the bytes as a zip holding a WordprocessingML document, or says why it is not one. */
export async function openDocxPackage(data: Uint8Array): Promise<DocxPackage> {
  if (data.length === 0) throw new ReadError('empty', 'the file is empty / 文件为空');
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) throw oleError(data);
  if (!startsWith(data, [0x50, 0x4b])) {
    throw new ReadError('corrupt', CORRUPT_ZIP);
  }

  // The zip directory is read, and the parts inflated, under limits before JSZip or mammoth see anything.
  const entries = readZipDirectory(data);
  refuseDeclaredBomb(entries);
  const { zip, sizes } = unpackParts(data, entries);

  const mainDocumentPath = (await officeDocumentTarget(zip)) ?? 'word/document.xml';
  if (!zip.file(mainDocumentPath) || /^(xl|ppt)\//.test(mainDocumentPath)) throw notWordError(zip, mainDocumentPath);
  // mammoth parses the other XML parts (notes, comments, styles) as they are; the main document is measured after
  // our rewrite, which removes much of its bulk (index.ts).
  for (const [name, size] of sizes) {
    if (name !== mainDocumentPath && size > LIMITS.docxParsedXmlBytes) throw partTooLargeError(name, size, LIMITS.docxParsedXmlBytes);
  }
  const parts = await documentParts(zip, mainDocumentPath);
  return { zip, mainDocumentPath, ...parts };
}

/** Reads a part (inflated already, under limits, by `unpackParts`) as text, BOM removed; undefined when absent. */
export async function readPart(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  try {
    const text = await file.async('string');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new ReadError(
      'corrupt',
      `the DOCX file is damaged (part ${path} cannot be decompressed); re-save it from Word / DOCX 文件已损坏（${path} 无法解压），请用 Word 重新保存`,
    );
  }
}

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

/**
 * Callers detect OLE files before us; this is for direct callers. Encrypted OOXML is an OLE file with an
 * "EncryptionInfo" stream, whose directory entry name is UTF-16LE.
 */
function oleError(data: Uint8Array): ReadError {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  if (Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(name)) {
    return new ReadError(
      'encrypted',
      'the document is password-protected; remove the password in Word (File › Info › Protect Document) and save it again / 文档设有密码，请在 Word 中取消密码后重新保存',
    );
  }
  return new ReadError(
    'unsupported-format',
    'this is a legacy Word .doc file, not DOCX; save it as DOCX or PDF in Word and lint that / 这是旧版 .doc 文件，请在 Word 中另存为 DOCX 或 PDF 后再检查',
  );
}

/**
 * A JSZip holding the package's XML parts, inflated here under the limits of zip-parts.ts and checked for DTDs and
 * excessive nesting, stored uncompressed so that nothing downstream inflates anything. Other parts (images, fonts,
 * embedded objects) are never read: they are kept as empty entries, so that what the package holds can still be
 * told.
 */
function unpackParts(data: Uint8Array, entries: ZipEntry[]): { zip: JSZip; sizes: Map<string, number> } {
  const inflater = new PartInflater(data);
  const zip = new JSZip();
  const sizes = new Map<string, number>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (!isXmlPart(entry.name)) {
      zip.file(entry.name, new Uint8Array(0), { compression: 'STORE' });
      continue;
    }
    const bytes = inflater.inflate(entry);
    checkXmlPart(entry.name, bytes);
    zip.file(entry.name, bytes, { compression: 'STORE' });
    sizes.set(entry.name, bytes.length);
  }
  return { zip, sizes };
}

async function officeDocumentTarget(zip: JSZip): Promise<string | undefined> {
  const rels = await readPart(zip, '_rels/.rels');
  const root = rels === undefined ? null : parseXmlTree(rels);
  for (const rel of childrenNamed(root ?? undefined, 'rel:Relationship')) {
    if (OFFICE_DOCUMENT_TYPES.has(rel.attributes.Type ?? '') && rel.attributes.Target) {
      return joinPartPath('', rel.attributes.Target);
    }
  }
  return undefined;
}

/** Styles and numbering as the main document's relationships name them, with Word's usual paths as fallback. */
async function documentParts(zip: JSZip, mainDocumentPath: string): Promise<{ stylesPath: string; numberingPath: string }> {
  const slash = mainDocumentPath.lastIndexOf('/');
  const directory = slash < 0 ? '' : mainDocumentPath.slice(0, slash);
  const name = mainDocumentPath.slice(slash + 1);
  const rels = await readPart(zip, `${directory ? `${directory}/` : ''}_rels/${name}.rels`);
  const root = rels === undefined ? null : parseXmlTree(rels);
  const found: Record<string, string> = {};
  for (const rel of childrenNamed(root ?? undefined, 'rel:Relationship')) {
    const kind = /\/(styles|numbering)$/.exec(rel.attributes.Type ?? '')?.[1];
    const target = rel.attributes.Target;
    if (kind && target && rel.attributes.TargetMode !== 'External') {
      const path = joinPartPath(directory, target);
      if (zip.file(path)) found[kind] = path;
    }
  }
  return {
    stylesPath: found.styles ?? `${directory ? `${directory}/` : ''}styles.xml`,
    numberingPath: found.numbering ?? `${directory ? `${directory}/` : ''}numbering.xml`,
  };
}

/** Resolves a relationship target against the source part's directory; "/x" is package-absolute. */
function joinPartPath(directory: string, target: string): string {
  const segments = target.startsWith('/') ? [] : directory.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** Names the kind of zip it is, where that is plain from its parts, so the user knows what to convert. */
export function notWordError(zip: JSZip, mainDocumentPath: string): ReadError {
  const kind = describeZip(zip, mainDocumentPath);
  return new ReadError(
    'unsupported-format',
    `this is ${kind.en}, not a Word document (no word/document.xml); convert it to DOCX or PDF and lint that / 这是${kind.zh}，不是 Word 文档（缺少 word/document.xml），请转换为 DOCX 或 PDF 后再检查`,
  );
}

function describeZip(zip: JSZip, mainDocumentPath: string): { en: string; zh: string } {
  if (zip.file('xl/workbook.xml') || /^xl\//.test(mainDocumentPath)) return { en: 'an Excel workbook (.xlsx)', zh: 'Excel 工作簿（.xlsx）' };
  if (zip.file('ppt/presentation.xml') || /^ppt\//.test(mainDocumentPath)) {
    return { en: 'a PowerPoint presentation (.pptx)', zh: 'PowerPoint 演示文稿（.pptx）' };
  }
  if (zip.file('content.xml') && zip.file('mimetype')) {
    return { en: 'an OpenDocument file (.odt/.ods/.odp)', zh: 'OpenDocument 文件（.odt/.ods/.odp）' };
  }
  if (zip.file('META-INF/container.xml')) return { en: 'an EPUB e-book', zh: 'EPUB 电子书' };
  if (zip.file('[Content_Types].xml')) return { en: 'an Office file of another kind', zh: '其他类型的 Office 文件' };
  return { en: 'a zip archive', zh: 'zip 压缩包' };
}
