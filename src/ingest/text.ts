import type { Block, IngestedDocument } from '../types.js';
import { decodeText } from './decode-text.js';
import { linesToBlocks, wrapWidth, type SourceLine } from './paragraphs.js';
import { ReadError } from './read-error.js';

const DIRECTIVE = /^\s*(?:<!--|\/\/|#)\s*(contract-lint-(?:disable|enable)[\w-]*\b.*?)\s*(?:-->)?\s*$/;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Plain text: blank lines separate paragraphs, hard-wrapped lines are joined back. */
export function ingestText(data: Uint8Array): IngestedDocument {
  const { text, encoding } = decodeText(data);
  const lines = splitLines(text.replace(/\u0000/g, ''));
  if (!lines.some((l) => l.trim())) throw new ReadError('empty', 'the file has no text / 文件没有文字内容');
  const width = wrapWidth(lines.map((t, i) => ({ text: t, line: i + 1 })));
  const blocks: Block[] = [];
  let run: SourceLine[] = [];
  const flush = () => {
    blocks.push(...linesToBlocks(run, width));
    run = [];
  };
  lines.forEach((t, i) => {
    const directive = DIRECTIVE.exec(t);
    if (directive) {
      flush();
      blocks.push({ text: '', kind: 'paragraph' as const, line: i + 1, endLine: i + 1, directive: directive[1] });
    } else if (t.trim() === '' || /^[\s\-=_*·•]{5,}$/.test(t)) {
      flush();
    } else {
      run.push({ text: t.replace(/\f/g, ''), line: i + 1 });
    }
  });
  flush();
  const notes = encoding === 'gb18030' ? ['decoded as GB18030 (GBK) / 按 GBK 编码读取'] : [];
  return { format: 'text', blocks, lines, notes };
}
