import mammoth from 'mammoth';
import type JSZip from 'jszip';
import { ReadError } from '../read-error.js';
import { MARKER_PREFIX } from './document-xml.js';

/*
 * The parts of mammoth's document model (mammoth/lib/documents.js) that we read. mammoth types it as `any`; these
 * interfaces are what version 1.13 produces.
 */

export interface MammothElement {
  type: string;
  children?: MammothElement[];
}

export interface MammothParagraph extends MammothElement {
  type: 'paragraph';
  children: MammothElement[];
  styleId: string | null;
  styleName: string | null;
}

export interface MammothText extends MammothElement {
  type: 'text';
  value: string;
}

export interface MammothCheckbox extends MammothElement {
  type: 'checkbox';
  checked: boolean;
}

export interface MammothBookmark extends MammothElement {
  type: 'bookmarkStart';
  name: string;
}

export interface MammothNoteReference extends MammothElement {
  type: 'noteReference';
  noteType: 'footnote' | 'endnote';
  noteId: string;
}

export interface MammothNote {
  noteType: 'footnote' | 'endnote';
  noteId: string;
  body: MammothElement[];
}

export interface MammothDocument {
  type: 'document';
  children: MammothElement[];
  notes: { resolve(reference: { noteType: string; noteId: string }): MammothNote | null };
}

/**
 * Runs mammoth over the package and returns its document model. We use the model, not mammoth's HTML:
 * `transformDocument` hands it to us, and returning an empty body makes the HTML stage free. `texts` are parts we have
 * read as text already (the main document as we rewrote it, styles, numbering): mammoth reads those as they are.
 */
export async function readMammothDocument(zip: JSZip, texts: ReadonlyMap<string, string>): Promise<MammothDocument> {
  let captured: MammothDocument | undefined;
  try {
    await mammoth.convertToHtml(
      // (mammoth's input type does not list `file`, the opened package its own `buffer` input becomes)
      { file: mammothPackage(zip, texts) } as unknown as { buffer: Buffer },
      {
        transformDocument: (document: MammothDocument) => {
          captured = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    throw new ReadError(
      'corrupt',
      `the DOCX file is damaged (${oneLine(error)}); re-save it from Word / DOCX 文件已损坏，无法读取其内容，请用 Word 重新保存`,
    );
  }
  if (!captured) {
    throw new ReadError('corrupt', 'the DOCX file is damaged (no document body); re-save it from Word / DOCX 文件已损坏（没有正文），请用 Word 重新保存');
  }
  return captured;
}

/**
 * The package as mammoth opens a `buffer` it is given (mammoth/lib/zipfile.js, openArrayBuffer), over the parts we
 * have already inflated under limits. Handing mammoth a buffer meant zipping them all again and mammoth unzipping
 * them: a CRC-32 of every part and two passes over the bytes, ~5% of a DOCX lint. A part in `texts` is not encoded
 * and decoded again: mammoth asks for XML as UTF-8, which a BOM-less string of ours already is.
 */
function mammothPackage(zip: JSZip, texts: ReadonlyMap<string, string>) {
  return {
    exists: (name: string) => zip.file(name) !== null,
    read: async (name: string, encoding?: string) => {
      const text = encoding === 'utf-8' || encoding === 'utf8' ? texts.get(name) : undefined;
      if (text !== undefined) return text;
      const bytes = await zip.file(name)!.async('uint8array');
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
    write: (name: string, contents: string | Uint8Array) => void zip.file(name, contents),
    toArrayBuffer: () => zip.generateAsync({ type: 'arraybuffer' }),
  };
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 160);
}

export function isParagraph(element: MammothElement): element is MammothParagraph {
  return element.type === 'paragraph';
}

/**
 * The index of the document.xml paragraph a mammoth paragraph came from. When mammoth merged paragraphs (a deleted
 * paragraph mark), the last marker is the paragraph whose properties mammoth kept.
 */
export function markerIndexOf(paragraph: MammothParagraph): number | undefined {
  let index: number | undefined;
  for (const element of paragraph.children) {
    if (element.type === 'bookmarkStart') {
      const name = (element as MammothBookmark).name;
      if (name?.startsWith(MARKER_PREFIX)) index = Number(name.slice(MARKER_PREFIX.length));
    }
  }
  return index;
}

/**
 * The text of a paragraph as a reader sees it on one line: tabs and line breaks become spaces, runs of spaces
 * collapse. Footnote and comment references are not text; footnote references are reported to `onNote` so the
 * notes can follow in reference order.
 */
export function paragraphText(paragraph: MammothElement, onNote?: (reference: MammothNoteReference) => void): string {
  const parts: string[] = [];
  collectText(paragraph, parts, onNote);
  return normaliseSpace(parts.join(''));
}

function collectText(element: MammothElement, parts: string[], onNote?: (reference: MammothNoteReference) => void): void {
  switch (element.type) {
    case 'text':
      parts.push((element as MammothText).value);
      return;
    case 'tab':
    case 'break':
      parts.push(' ');
      return;
    case 'checkbox':
      parts.push((element as MammothCheckbox).checked ? '☒' : '☐');
      return;
    case 'noteReference':
      onNote?.(element as MammothNoteReference);
      return;
    default:
      for (const child of element.children ?? []) collectText(child, parts, onNote);
  }
}

export function normaliseSpace(text: string): string {
  return text
    .replace(/\u00ad/g, '') // soft hyphen: invisible unless Word breaks the line there
    .replace(/\u2011/g, '-') // mammoth's rendering of w:noBreakHyphen; readers (and rules) see a hyphen
    .replace(/[^\S\u3000]+/g, ' ') // ideographic spaces are layout a Chinese reader sees; other runs of space are one
    .trim();
}
