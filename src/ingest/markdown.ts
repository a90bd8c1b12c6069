import type { Block, IngestedDocument } from '../types.js';
import { decodeText } from './decode-text.js';
import { linesToBlocks, wrapWidth, type SourceLine } from './paragraphs.js';
import { ReadError } from './read-error.js';
import { splitLines } from './text.js';

/** Inline markup a reader does not see: emphasis, code ticks, links (keep the text), images, HTML tags. */
export function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    // Bold often spans a soft line break, so its markers are dropped one by one rather than in pairs.
    // (A run of three or more underscores is a blank to fill in, not emphasis.)
    .replace(/\*\*|(?<!_)__(?!_)/g, '')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*/g, '$1$2')
    .replace(/(^|[^\w_])_(?=[^\s_])([^_]*?[^\s_])_(?=$|[^\w_])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trimEnd();
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|(\d{1,3})([.)]))\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const DIRECTIVE = /<!--\s*(contract-lint-(?:disable|enable)[\w-]*\b[\s\S]*?)\s*-->/;

/**
 * Markdown: headings and list items give structure; paragraphs are joined as in plain text; ordered lists take
 * the numbers a renderer shows (1. 1. 1. renders as 1. 2. 3.).
 */
export function ingestMarkdown(data: Uint8Array): IngestedDocument {
  const { text } = decodeText(data);
  const lines = splitLines(text);
  if (!lines.some((l) => l.trim())) throw new ReadError('empty', 'the file has no text / 文件没有文字内容');
  const width = wrapWidth(lines.map((t, i) => ({ text: t, line: i + 1 })));
  const blocks: Block[] = [];
  let run: SourceLine[] = [];
  let inFence = false;
  let inComment = false;
  let listItem: { block: Block; indent: number } | null = null;
  /** Indentations of the open lists, outermost first, so that depth does not depend on how many spaces. */
  let listIndents: number[] = [];
  const listDepth = (indent: number) => {
    listIndents = listIndents.filter((x) => x < indent || x === indent);
    if (!listIndents.includes(indent)) listIndents.push(indent);
    return listIndents.indexOf(indent);
  };
  /** Rendered counters of ordered lists, by indentation. */
  let counters: Array<{ indent: number; next: number }> = [];

  const flush = () => {
    blocks.push(...linesToBlocks(run, width));
    run = [];
  };
  const endList = () => {
    listItem = null;
  };

  let i = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, j) => j > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) i = close + 1;
  }
  for (; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      continue;
    }
    if (/^\s*(```|~~~)/.test(raw)) {
      // A fence ends any list item: a line after it is not a lazy continuation of the item before the fence.
      flush();
      endList();
      inFence = !inFence;
      continue;
    }
    const directive = DIRECTIVE.exec(raw);
    if (directive) {
      flush();
      endList();
      blocks.push({ text: '', kind: 'paragraph', line: lineNo, endLine: lineNo, directive: directive[1].trim() });
      continue;
    }
    if (/^\s*<!--/.test(raw) && !raw.includes('-->')) {
      inComment = true;
      continue;
    }
    const line = inFence ? raw : raw.replace(/<!--[\s\S]*?-->/g, '').replace(/^\s{0,3}>\s?/, '');
    if (line.trim() === '') {
      flush();
      if (listItem) listItem = null;
      continue;
    }
    if (!LIST_ITEM.test(line) && !/^\s/.test(line)) {
      listIndents = [];
      // A paragraph after a blank line ends the list: the next "1." starts a new list, as renderers show it.
      if (!listItem) counters = [];
    }
    if (inFence) {
      run.push({ text: line, line: lineNo });
      continue;
    }
    const heading = HEADING.exec(line);
    // Setext heading: a line of === or --- under a paragraph line.
    const setext = i + 1 < lines.length && run.length === 0 && /^\s*(=+|-+)\s*$/.test(lines[i + 1]) && !LIST_ITEM.test(line) ? lines[i + 1].trim()[0] : null;
    if (heading || setext) {
      flush();
      endList();
      counters = [];
      const textOf = heading ? stripInline(heading[2]) : stripInline(line.trim());
      if (textOf) {
        const level = heading ? heading[1].length : setext === '=' ? 1 : 2;
        blocks.push({ text: textOf, kind: 'heading', headingLevel: level, line: lineNo, endLine: lineNo });
      }
      if (setext) i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      endList();
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      endList();
      if (TABLE_RULE.test(line)) continue;
      for (const cell of line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/)) {
        const t = stripInline(cell.trim());
        if (t) blocks.push({ text: t, kind: 'table-cell', line: lineNo, endLine: lineNo, row: lineNo });
      }
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const indent = item[1].replace(/\t/g, '    ').length;
      counters = counters.filter((c) => c.indent <= indent);
      let body = stripInline(item[5]);
      let generatedNumber: Block['generatedNumber'];
      if (item[3] !== undefined) {
        let counter = counters.find((c) => c.indent === indent);
        if (!counter) {
          counter = { indent, next: Number(item[3]) };
          counters.push(counter);
        }
        const shown = `${counter.next}${item[4]}`;
        counter.next++;
        body = `${shown} ${body}`;
        if (shown !== `${item[3]}${item[4]}`) generatedNumber = { text: shown, level: Math.floor(indent / 2) };
      } else {
        counters = counters.filter((c) => c.indent < indent);
      }
      const listLevel = listDepth(indent);
      const block: Block = { text: body, kind: 'list-item', line: lineNo, endLine: lineNo, listLevel, ...(generatedNumber ? { generatedNumber } : {}) };
      blocks.push(block);
      listItem = { block, indent };
      continue;
    }
    if (listItem && (/^\s+/.test(line) || run.length === 0)) {
      // A continuation line of a list item (indented, or lazy).
      const b = listItem.block;
      const t = stripInline(line.trim());
      b.segments = b.segments ?? [{ offset: 0, line: b.line }];
      b.text += /[\u3400-\u9fff]$/.test(b.text) && /^[\u3400-\u9fff]/.test(t) ? '' : ' ';
      b.segments.push({ offset: b.text.length, line: lineNo });
      b.text += t;
      b.endLine = lineNo;
      continue;
    }
    run.push({ text: stripInline(line), line: lineNo });
  }
  flush();
  return { format: 'markdown', blocks: blocks.filter((b) => b.directive || b.text.trim()), lines, notes: [] };
}
