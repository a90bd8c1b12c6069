import { WORDML_STRICT, WORDML_TRANSITIONAL, attributesOf, parseInteger, scanTags, type Tag } from './xml-scan.js';

/** The numbering-relevant properties a paragraph sets itself (`w:pPr`), read from document.xml. */
export interface ParagraphProperties {
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  /**
   * The paragraph mark was moved away (`w:pPr/w:rPr/w:moveFrom`): in the final text the paragraph does not exist, so
   * it must not advance a list counter. (Deleted marks, `w:del`, need nothing: mammoth merges such a paragraph into
   * the next one and never reports it.)
   */
  removed?: boolean;
  /** The paragraph mark carries a section break (`w:pPr/w:sectPr`). */
  sectionBreak?: boolean;
}

export interface PreparedDocumentXml {
  /** document.xml for mammoth: every paragraph tagged with a marker bookmark, noise removed (see below). */
  xml: string;
  /** Indexed by the number in each paragraph's marker. */
  paragraphs: ParagraphProperties[];
  hasTrackedChanges: boolean;
  hasComments: boolean;
  hasHiddenText: boolean;
}

/** Name prefix of the bookmarks that tie mammoth's paragraphs back to `PreparedDocumentXml.paragraphs`. */
export const MARKER_PREFIX = '_contractLintParagraph';

/**
 * Subtrees mammoth would ignore or that only carry formatting. Dropping them before mammoth parses the XML more
 * than halves its time (its DOM parser is the cost of an ingest) and loses no text.
 */
const DROPPED = new Set([
  'w:proofErr',
  'w:lastRenderedPageBreak',
  'w:bookmarkStart',
  'w:bookmarkEnd',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:permStart',
  'w:permEnd',
  'w:sectPr',
  'w:tblPr',
  'w:tblPrEx',
  'w:tblGrid',
  'w:pPrChange',
  'w:rPrChange',
  'w:numberingChange',
  // Images: we keep no images, and mammoth reads text boxes from the VML fallback, never from DrawingML.
  'w:drawing',
  // mammoth always reads the mc:Fallback of an mc:AlternateContent, so the Choice is dead weight.
  'mc:Choice',
]);

/** Of each property element, the children mammoth reads (the rest is formatting). */
const KEPT_PROPERTIES: Record<string, Set<string>> = {
  'w:pPr': new Set(['w:pStyle', 'w:numPr', 'w:rPr']),
  // the paragraph mark's tracked changes: a deleted mark merges the paragraph into the next one
  'w:pPr/w:rPr': new Set(['w:del', 'w:ins', 'w:moveFrom', 'w:moveTo']),
  'w:trPr': new Set(['w:del', 'w:ins', 'w:tblHeader']),
  'w:tcPr': new Set(['w:gridSpan', 'w:vMerge']),
};

/**
 * Elements whose attributes are only revision ids (w:rsid*, w14:paraId) and are written back without them; w:p and
 * w:r get the same treatment where they are rewritten anyway.
 */
const ATTRIBUTES_DROPPED = new Set(['w:tbl', 'w:tr', 'w:tc']);

/** Containers of runs that mammoth 1.13 skips with their text; we hand them over as w:customXml, which it reads. */
const RENAMED_TO_CUSTOM_XML = new Set(['w:fldSimple', 'w:dir', 'w:bdo']);

interface RunFrame {
  /** Stack depth of the run's parent, to match its end tag. */
  depth: number;
  chunkCount: number;
  hidden: boolean;
}

/**
 * One pass over document.xml that
 * - records each paragraph's own style and `w:numPr` (mammoth resolves numbering to {isOrdered, level} only and
 *   drops the numId and overrides that Word's counters depend on), and
 * - puts a bookmark marker as the first child of every `w:p`, so each paragraph mammoth returns names the record
 *   it belongs to. Markers make the alignment exact whatever mammoth reorders (text boxes), merges (paragraphs
 *   whose mark was deleted in tracked changes) or skips.
 *
 * It also removes deleted tracked changes (`w:del`, `w:moveFrom` containers; mammoth ignores them as well), runs
 * formatted as hidden text (`w:vanish`, which Word does not show and mammoth would read), and formatting mammoth
 * has no use for here (`DROPPED`, `KEPT_PROPERTIES`, `ATTRIBUTES_DROPPED`).
 */
export function prepareDocumentXml(source: string): PreparedDocumentXml {
  const chunks: string[] = [];
  let copiedUpTo = 0;
  const flushTo = (offset: number): void => {
    if (offset > copiedUpTo) chunks.push(source.slice(copiedUpTo, offset));
    copiedUpTo = offset;
  };
  const replaceTag = (tag: Tag, replacement: string): void => {
    flushTo(tag.start);
    chunks.push(replacement);
    copiedUpTo = tag.end;
  };

  const paragraphs: ParagraphProperties[] = [];
  const openParagraphs: ParagraphProperties[] = [];
  const openRuns: RunFrame[] = [];
  const stack: string[] = [];
  /** Depth at which a dropped subtree started; tags below it are still read (for w:vanish) but not copied. */
  let droppingFrom = -1;
  let markerPrefix: string | undefined;
  let hasTrackedChanges = false;
  let hasComments = false;
  let hasHiddenText = false;

  const parentIs = (name: string, back = 1): boolean => stack[stack.length - back] === name;

  scanTags(source, (tag, reader) => {
    if (markerPrefix === undefined) markerPrefix = wordPrefixDeclaredBy(reader.raw(tag));

    if (tag.kind === 'end') {
      stack.pop();
      if (tag.name === 'w:r' && openRuns[openRuns.length - 1]?.depth === stack.length) endRun(tag);
      if (droppingFrom >= 0) {
        if (stack.length === droppingFrom) {
          droppingFrom = -1;
          copiedUpTo = tag.end;
        }
        return;
      }
      if (tag.name === 'w:p') openParagraphs.pop();
      else if (RENAMED_TO_CUSTOM_XML.has(tag.name)) replaceTag(tag, `</${qualifiedPrefix(reader.raw(tag))}customXml>`);
      return;
    }

    const name = tag.name;
    if (droppingFrom >= 0) {
      // Inside a dropped subtree only w:vanish matters. (Nothing else may be read here: w:pPrChange, for one,
      // holds the properties from before a tracked change.)
      if (name === 'w:vanish' && parentIs('w:rPr') && parentIs('w:r', 2) && isOnValue(reader.attributes(tag)['w:val'])) {
        const run = openRuns[openRuns.length - 1];
        if (run) run.hidden = true;
      }
    } else {
      readParagraphProperty(tag, openParagraphs[openParagraphs.length - 1]);
      if (isDropped(name)) {
        if (name === 'w:del' || name === 'w:moveFrom') hasTrackedChanges = true;
        flushTo(tag.start);
        if (tag.kind === 'start') droppingFrom = stack.length;
        else copiedUpTo = tag.end;
      } else if (name === 'w:p') {
        if (tag.kind === 'start') {
          const index = paragraphs.length;
          const properties: ParagraphProperties = {};
          paragraphs.push(properties);
          openParagraphs.push(properties);
          replaceTag(tag, `<${qualifiedPrefix(reader.raw(tag))}p>${markerFor(index, markerPrefix)}`);
        }
      } else if (name === 'w:r' && tag.kind === 'start') {
        flushTo(tag.start);
        openRuns.push({ depth: stack.length, chunkCount: chunks.length, hidden: false });
        replaceTag(tag, `<${qualifiedPrefix(reader.raw(tag))}r>`);
      } else if (ATTRIBUTES_DROPPED.has(name) && tag.kind === 'start') {
        replaceTag(tag, `<${qualifiedPrefix(reader.raw(tag))}${name.slice(2)}>`);
      } else if (RENAMED_TO_CUSTOM_XML.has(name)) {
        if (tag.kind === 'start') replaceTag(tag, `<${qualifiedPrefix(reader.raw(tag))}customXml>`);
        else replaceTag(tag, '');
      } else if (name === 'w:ins' || name === 'w:moveTo') {
        hasTrackedChanges = true;
      } else if (name === 'w:commentReference') {
        hasComments = true;
      }
    }

    if (tag.kind === 'start') stack.push(name);
  });
  flushTo(source.length);

  function isDropped(name: string): boolean {
    if (DROPPED.has(name)) return true;
    const parent = stack[stack.length - 1] ?? '';
    if (name === 'w:rPr' && parent === 'w:r') return true;
    // w:del / w:moveFrom wrap removed runs, except inside property elements where they only mark a change.
    if ((name === 'w:del' || name === 'w:moveFrom') && !parent.endsWith('Pr')) return true;
    const grandparent = stack[stack.length - 2];
    const key =
      parent === 'w:pPr' && grandparent === 'w:p'
        ? 'w:pPr'
        : parent === 'w:rPr' && grandparent === 'w:pPr'
          ? 'w:pPr/w:rPr'
          : parent;
    const kept = KEPT_PROPERTIES[key];
    return kept !== undefined && !kept.has(name);
  }

  function endRun(tag: Tag): void {
    const run = openRuns.pop();
    if (run?.hidden) {
      hasHiddenText = true;
      chunks.length = run.chunkCount;
      copiedUpTo = tag.end;
    }
  }

  /** Reads `w:pPr` of the innermost paragraph. */
  function readParagraphProperty(tag: Tag, paragraph: ParagraphProperties | undefined): void {
    if (!paragraph) return;
    const name = tag.name;
    if (parentIs('w:pPr') && parentIs('w:p', 2)) {
      if (name === 'w:pStyle') paragraph.styleId = valueOf(tag);
      else if (name === 'w:outlineLvl') paragraph.outlineLevel = parseInteger(valueOf(tag));
      else if (name === 'w:sectPr') paragraph.sectionBreak = true;
    } else if (parentIs('w:numPr') && parentIs('w:pPr', 2) && parentIs('w:p', 3)) {
      if (name === 'w:numId') paragraph.numId = valueOf(tag);
      else if (name === 'w:ilvl') paragraph.ilvl = parseInteger(valueOf(tag));
    } else if (parentIs('w:rPr') && parentIs('w:pPr', 2) && parentIs('w:p', 3)) {
      if (name === 'w:moveFrom') paragraph.removed = true;
      if (name === 'w:del' || name === 'w:ins' || name === 'w:moveFrom' || name === 'w:moveTo') hasTrackedChanges = true;
    }
  }

  function valueOf(tag: Tag): string | undefined {
    return attributesOf(source.slice(tag.start, tag.end)).find(([n]) => n.endsWith(':val') || n === 'val')?.[1];
  }

  return { xml: chunks.join(''), paragraphs, hasTrackedChanges, hasComments, hasHiddenText };
}

/**
 * The prefix the root element binds to WordprocessingML, so markers can use it. Declaring the namespace on each
 * marker instead would work for any file but costs mammoth's parser a namespace scope per paragraph (a third more
 * time); we only do that for files that bind no prefix (default namespace), which Word never writes.
 */
function wordPrefixDeclaredBy(rootTag: string): string {
  for (const [name, value] of attributesOf(rootTag)) {
    if (name.startsWith('xmlns:') && (value === WORDML_TRANSITIONAL || value === WORDML_STRICT)) return name.slice(6);
  }
  return '';
}

function markerFor(index: number, prefix: string | undefined): string {
  const name = `${MARKER_PREFIX}${index}`;
  if (prefix) return `<${prefix}:bookmarkStart ${prefix}:name="${name}"/>`;
  return `<clm:bookmarkStart xmlns:clm="${WORDML_TRANSITIONAL}" clm:name="${name}"/>`;
}

/** The prefix (with its colon) of a raw tag's element name, so rewritten tags keep the file's own prefix. */
function qualifiedPrefix(rawTag: string): string {
  const match = /^<\/?([^\s/>:]*:)?/.exec(rawTag);
  return match?.[1] ?? '';
}

function isOnValue(value: string | undefined): boolean {
  return value === undefined || value === 'true' || value === '1' || value === 'on';
}
