import type { BlockKind } from '../../types.js';
import type { ParagraphProperties } from './document-xml.js';
import { headingLevel } from './heading-level.js';
import { ListCounters, type ListLabel } from './list-counter.js';
import {
  isParagraph,
  markerIndexOf,
  normaliseSpace,
  paragraphText,
  type MammothDocument,
  type MammothElement,
  type MammothNoteReference,
  type MammothParagraph,
} from './mammoth-document.js';
import type { NumberingDefinitions } from './numbering-definitions.js';
import type { StyleDefinitions } from './style-definitions.js';

/** A block before it is given its line. */
export interface BlockDraft {
  text: string;
  kind: BlockKind;
  headingLevel?: number;
  generatedNumber?: { text: string; level: number };
  row?: number;
}

export interface DocumentContext {
  paragraphs: ParagraphProperties[];
  styles: StyleDefinitions;
  numbering: NumberingDefinitions;
}

/**
 * Turns mammoth's document into blocks in reading order: body paragraphs and tables, then footnotes and endnotes
 * in the order they are first referenced (as Word numbers them; notes never referenced are not shown by Word
 * either). Every paragraph, empty or not, goes through the list counters in document order, as in Word.
 *
 * Table cells: one block per cell with its paragraphs joined by spaces, which keeps a cell such as
 * "Fees | USD 10,000 per month" readable as a unit. A cell holding automatically numbered paragraphs instead gives
 * one block per paragraph, so that each numbered clause keeps its own generatedNumber.
 */
export function buildBlocks(document: MammothDocument, context: DocumentContext): BlockDraft[] {
  const counters = new ListCounters();
  const noteReferences: MammothNoteReference[] = [];
  const seenNotes = new Set<string>();
  const onNote = (reference: MammothNoteReference): void => {
    const key = `${reference.noteType}-${reference.noteId}`;
    if (!seenNotes.has(key)) {
      seenNotes.add(key);
      noteReferences.push(reference);
    }
  };

  const drafts: BlockDraft[] = [];
  let rows = 0;

  const paragraphDraft = (paragraph: MammothParagraph): BlockDraft => {
    const index = markerIndexOf(paragraph);
    const properties = index === undefined ? undefined : context.paragraphs[index];
    const styleId = properties?.styleId ?? paragraph.styleId ?? undefined;
    let text = paragraphText(paragraph, onNote);
    // An empty paragraph that only carries a section break is not counted. Documents saved by Word whose own
    // cross-references and LibreOffice's rendering agree show that such a paragraph in a numbered heading style
    // (common at the end of a cover page) does not take a number; counting it would shift every later clause.
    const label = properties?.sectionBreak && !text ? undefined : listLabel(properties, styleId);
    const level = headingLevel(styleId, paragraph.styleName ?? undefined, properties?.outlineLevel, context.styles);
    const kind: BlockKind = level !== undefined ? 'heading' : label ? 'list-item' : 'paragraph';
    const draft: BlockDraft = { text, kind };
    if (level !== undefined) draft.headingLevel = level;
    if (label?.text !== undefined && text) {
      text = `${label.text} ${text}`;
      draft.text = text;
      draft.generatedNumber = { text: label.text, level: label.level };
    }
    return draft;
  };

  const listLabel = (properties: ParagraphProperties | undefined, styleId: string | undefined): ListLabel | undefined => {
    if (properties?.removed) return undefined;
    const numbering = context.numbering.paragraphNumbering({ numId: properties?.numId, ilvl: properties?.ilvl }, styleId);
    if (!numbering) return undefined;
    const list = context.numbering.resolve(numbering.numId);
    return list ? counters.next(list, numbering.ilvl) : undefined;
  };

  const cellParagraphs = (element: MammothElement, into: BlockDraft[]): void => {
    if (isParagraph(element)) into.push(paragraphDraft(element));
    else for (const child of element.children ?? []) cellParagraphs(child, into);
  };

  const visit = (element: MammothElement): void => {
    if (isParagraph(element)) {
      const draft = paragraphDraft(element);
      if (draft.text) drafts.push(draft);
    } else if (element.type === 'table') {
      for (const { cell, row } of cellsOf(element, () => ++rows)) {
        const inCell: BlockDraft[] = [];
        cellParagraphs(cell, inCell);
        const nonEmpty = inCell.filter((d) => d.text);
        if (nonEmpty.length === 0) continue;
        if (nonEmpty.some((d) => d.generatedNumber)) {
          for (const d of nonEmpty) drafts.push({ ...d, kind: 'table-cell', headingLevel: undefined, row });
        } else {
          drafts.push({ text: normaliseSpace(nonEmpty.map((d) => d.text).join(' ')), kind: 'table-cell', row });
        }
      }
    } else {
      for (const child of element.children ?? []) visit(child);
    }
  };

  for (const element of document.children) visit(element);

  for (const noteType of ['footnote', 'endnote']) {
    for (const reference of noteReferences.filter((r) => r.noteType === noteType)) {
      const note = document.notes.resolve(reference);
      if (!note) continue;
      const text = normaliseSpace(note.body.map((element) => paragraphText(element, onNote)).join(' '));
      if (text) drafts.push({ text, kind: 'footnote' });
    }
  }

  return drafts.map(withoutUndefined);
}

/**
 * Cells in reading order: row by row, cell by cell (mammoth has already dropped vertically merged repeats), each with
 * the number `nextRow` gives its row.
 */
function cellsOf(table: MammothElement, nextRow: () => number): Array<{ cell: MammothElement; row: number }> {
  const cells: Array<{ cell: MammothElement; row: number }> = [];
  for (const row of table.children ?? []) {
    const id = nextRow();
    if (row.type !== 'tableRow') {
      cells.push({ cell: row, row: id });
      continue;
    }
    for (const cell of row.children ?? []) cells.push({ cell, row: id });
  }
  return cells;
}

function withoutUndefined(draft: BlockDraft): BlockDraft {
  const clean: BlockDraft = { text: draft.text, kind: draft.kind };
  if (draft.headingLevel !== undefined) clean.headingLevel = draft.headingLevel;
  if (draft.generatedNumber) clean.generatedNumber = draft.generatedNumber;
  if (draft.row !== undefined) clean.row = draft.row;
  return clean;
}
