/**
 * Property-based tests (fast-check): invariants of the normaliser and of the clause-tree builder that must hold for
 * any input, not just the fixtures. A failure prints the shrunk counter-example and the seed to replay it with.
 */
import fc from 'fast-check';

// A fixed seed keeps CI repeatable; FC_SEED=random (or a number) explores further.
if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
import { describe, expect, it } from 'vitest';
import { ingestMarkdown } from '../src/ingest/markdown.js';
import { isReadError } from '../src/ingest/read-error.js';
import { ingestText } from '../src/ingest/text.js';
import { splitSentences } from '../src/rules/document-view.js';
import { normalize } from '../src/rules/normalize.js';
import { analyseDocument } from '../src/structure/index.js';
import type { Block, Clause, ContractDocument, IngestedDocument } from '../src/types.js';

const RUNS = 400;

// ---------------------------------------------------------------------------------------------------------------
// Character and string generators

const fromCode = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c));

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const surrogate = fromCode(0xd800, 0xdfff); // a lone high or low surrogate
const cjk = fc.oneof(fromCode(0x4e00, 0x9fff), fromCode(0x3400, 0x4dbf), fromCode(0x3000, 0x303f), fromCode(0xff00, 0xffef));
const control = fc.oneof(fromCode(0x00, 0x1f), fromCode(0x7f, 0x9f));
/** Characters the normaliser treats specially, and some whose case mapping changes length or is odd. */
const tricky = fc.constantFrom(
  ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2002', '\u2003', '\u2009', '\u202f', '\u3000', '\u2028', '\u2029',
  '\u0085', '\ufeff', '\u200b', '\u2018', '\u2019', '\u201c', '\u201d', '\u300c', '\u300d', '\u300e', '\u300f',
  '！', '～', 'Ａ', 'ｚ', '１', '（', '）', '，', '。', 'İ', 'ı', 'ẞ', 'ß', 'ﬃ', 'Σ', 'ς', '\u212a', 'Ǆ', 'ǅ',
  '\u0345', 'ΐ', '𐐀', '𝐀', '😀', '\u{20000}', 'a', 'Z', '中', '条',
);

const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: codeUnit, maxLength: 60 }),
  fc.string({ unit: fc.oneof(cjk, tricky, control, surrogate, fc.constantFrom('a', 'B', ' ', '1')), maxLength: 80 }),
  fc.string({ unit: fc.oneof(cjk, tricky), maxLength: 40 }),
);

// ---------------------------------------------------------------------------------------------------------------
// normalize()

describe('normalize() properties', () => {
  it('never throws, keeps map aligned with text, maps into the original, monotonically, and is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const n = normalize(s);
        expect(typeof n.text).toBe('string');
        expect(n.map.length).toBe(n.text.length);
        for (let i = 0; i < n.map.length; i++) {
          const m = n.map[i];
          expect(Number.isInteger(m)).toBe(true);
          expect(m).toBeGreaterThanOrEqual(0);
          expect(m).toBeLessThan(s.length);
          if (i > 0) expect(m).toBeGreaterThanOrEqual(n.map[i - 1]);
        }
        expect(normalize(n.text).text).toBe(n.text);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Contract-like text

const ZH_NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '二十', '九十九', '一百零五', '两', '壹', '拾'];
const zhNum = fc.constantFrom(...ZH_NUMS);
const small = fc.integer({ min: 0, max: 25 });

const clausePrefix: fc.Arbitrary<string> = fc.oneof(
  zhNum.map((n) => `第${n}条`),
  zhNum.map((n) => `第${n}章`),
  zhNum.map((n) => `第${n}款`),
  zhNum.map((n) => `第${n}节`),
  small.map((n) => `第 ${n} 条`),
  zhNum.map((n) => `${n}、`),
  zhNum.map((n) => `${n}．`),
  zhNum.map((n) => `（${n}）`),
  zhNum.map((n) => `(${n})`),
  small.map((n) => `${n}.`),
  small.map((n) => `${n}、`),
  small.map((n) => `${n})`),
  small.map((n) => `(${n})`),
  small.map((n) => `（${n}）`),
  fc.tuple(small, small).map(([a, b]) => `${a}.${b}`),
  fc.tuple(small, small, small).map(([a, b, c]) => `${a}.${b}.${c}`),
  fc.tuple(small, small).map(([a, b]) => `${a}.${b}.`),
  fc.constantFrom('(a)', '(b)', '(c)', '(h)', '(i)', '(ii)', '(iii)', '(iv)', '(v)', '(x)', '(aa)', '(A)', '(IV)', 'a)', 'i)', 'iv)', 'A.', 'B.', 'I.', 'IV.', 'X.'),
  small.map((n) => `ARTICLE ${n}`),
  fc.constantFrom('Article V', 'Article 1.', 'ARTICLE II', 'PART II', 'Part 2', 'Clause 7', 'CLAUSE 8.2', 'Paragraph 5', 'Sec. 4'),
  fc.tuple(small, small).map(([a, b]) => `Section ${a}.${b}`),
  small.map((n) => `SECTION ${n}`),
  fc.constantFrom('Schedule 1', 'SCHEDULE 2', 'Exhibit A', 'EXHIBIT 10.21', 'Annex II', 'Appendix 3', 'Attachment B', 'Addendum 1'),
  fc.constantFrom('附件一', '附件1：', '附件', '附录A', '附表二', '附件二 服务清单'),
  fromCode(0x2460, 0x2473),
);

const cjkWord = fc.string({ unit: fromCode(0x4e00, 0x9fa5), minLength: 1, maxLength: 8 });
const latinWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 10 });
const phrase = fc.constantFrom(
  '服务内容', '乙方应当按约履行', '甲方应按月支付服务费', 'Services', 'The Agency shall provide the Services', 'Fees',
  '根据第五条的约定', '依照第三条第二款', '按照第十条规定', '第五条规定的期限', '详见附件一', '附件是本合同的组成部分',
  'pursuant to Section 3.2', 'in accordance with clause 4.1 of this Agreement', 'as set out in Schedule 1 hereto',
  'Article 5 of this Agreement', '(a) of clause 6.3', '3.2 are calculated monthly',
  '1.5万元', '3.5%', '2026.1.1', '100万元', '2.5 倍', 'USD 1.5 million', '30 days', '12 months', '10.5%',
  '甲方（委托方）：杭州某某服饰有限公司', '乙方（受托方）：上海某某电子商务有限公司', 'Client: Lumen Skincare Pty Ltd ("Client")',
  'hereinafter "Agency"', '鉴于：', 'WHEREAS', 'RECITALS', 'Background', '双方经友好协商，达成如下协议：',
  'NOW, THEREFORE, the parties agree as follows:', 'IT IS AGREED', '电商代运营服务合同', 'SERVICES AGREEMENT',
  '甲方（盖章）：', '乙方：（签字）', 'IN WITNESS WHEREOF', 'By: ______', 'Signature:', '（以下无正文）', '签署页',
  '法定代表人：____', '3. Fees ........ 7', '目录\t\t5', '________', '【】', '“KPI”', '不少于 10 款',
);
const word = fc.oneof(cjkWord, latinWord, phrase, fc.string({ unit: fc.oneof(cjk, tricky), maxLength: 6 }));
const body = fc.array(word, { maxLength: 6 }).chain((ws) => fc.constantFrom(' ', '', '，').map((sep) => ws.join(sep)));
const separator = fc.constantFrom('', ' ', '　', '、', '. ', ': ', '：', ' - ', '\t');
const indent = fc.constantFrom('', '', '', ' ', '  ', '    ', '\u3000', '\t');
const ending = fc.constantFrom('', '', '。', '；', ':', '.', ';', '，', ' ');

const clauseLine = fc
  .tuple(indent, clausePrefix, separator, body, ending)
  .map(([i, p, s, b, e]) => `${i}${p}${s}${b}${e}`);
const textLine = fc.tuple(indent, body, ending).map(([i, b, e]) => `${i}${b}${e}`);
/** A line long enough for the hard-wrap detector to join it with the next one. */
const longLine = fc.array(word, { minLength: 6, maxLength: 14 }).map((ws) => ws.join(' ').slice(0, 90));
const blankLine = fc.constantFrom('', '', ' ', '\u3000', '\t', '-----', '=====', '*****');
const directiveText = fc.constantFrom(
  '# contract-lint-disable agency.kpi', '// contract-lint-disable-next-line', '<!-- contract-lint-enable -->',
  '<!-- contract-lint-disable agency.exit.missing -->',
);

const textLines = fc.array(
  fc.oneof(
    { arbitrary: clauseLine, weight: 5 },
    { arbitrary: textLine, weight: 3 },
    { arbitrary: longLine, weight: 1 },
    { arbitrary: blankLine, weight: 2 },
    { arbitrary: directiveText, weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
  ),
  { minLength: 1, maxLength: 50 },
);

const markdownLine = fc.oneof(
  { arbitrary: clauseLine, weight: 4 },
  { arbitrary: textLine, weight: 2 },
  { arbitrary: blankLine, weight: 2 },
  { arbitrary: directiveText, weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('# ', '## ', '### ', '#### ', '###### ', '#'), fc.oneof(clauseLine, textLine), fc.constantFrom('', ' ##'))
      .map(([h, t, c]) => `${h}${t.trimStart()}${c}`),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('', '  ', '    ', '   ', '\t', '      '), fc.constantFrom('- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '3) '), fc.oneof(clauseLine, textLine))
      .map(([i, m, t]) => `${i}${m}${t.trimStart()}`),
    weight: 4,
  },
  {
    arbitrary: fc.array(fc.oneof(textLine, clauseLine), { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom('|---|---|', '| :-- | --: |', '```', '~~~', '> ', '---', '...', '<!--', '-->', '<!-- note -->',
      '===', '---', '**第一条 服务内容**', '*(a)* text', '[第二条](#x) 链接', '![img](a.png)', '<br/>', '&nbsp;', '\\1. escaped',
      '  continuation line', '___'),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(fc.constantFrom('> ', '  ', '    '), fc.oneof(clauseLine, textLine)).map(([q, t]) => `${q}${t}`),
    weight: 1,
  },
);
/** Runs of lines that only mean something together: fenced code, HTML comments, list items with continuations. */
const markdownChunk = fc.oneof(
  { arbitrary: markdownLine.map((l) => [l]), weight: 8 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('```', '~~~', '```text'), fc.array(fc.oneof(clauseLine, textLine, blankLine), { maxLength: 4 }), fc.constantFrom('```', '~~~', ''))
      .map(([open, inner, close]) => [open, ...inner, ...(close ? [close] : [])]),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('<!--', '<!-- a'), fc.array(fc.oneof(clauseLine, textLine), { maxLength: 3 }), fc.constantFrom('-->', 'end -->', ''))
      .map(([open, inner, close]) => [open, ...inner, ...(close ? [close] : [])]),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('- ', '1. ', '  1. ', '* '),
        fc.oneof(clauseLine, textLine),
        fc.array(fc.tuple(fc.constantFrom('', '  ', '    '), fc.oneof(clauseLine, textLine)).map(([i, t]) => i + t.trimStart()), { maxLength: 3 }),
      )
      .map(([m, first, rest]) => [m + first.trimStart(), ...rest]),
    weight: 2,
  },
);
const markdownLines = fc.array(markdownChunk, { minLength: 1, maxLength: 30 }).map((chunks) => chunks.flat());

const newline = fc.constantFrom('\n', '\n', '\r\n', '\r');

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';
const encoding = fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le', 'utf16be');

function encode(s: string, enc: Encoding = 'utf8'): Uint8Array {
  switch (enc) {
    case 'utf8':
      return new TextEncoder().encode(s);
    case 'utf8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]);
    case 'utf16le':
      return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
    case 'utf16be': {
      const le = Buffer.from(s, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), le]));
    }
  }
}

const contractText = fc.tuple(textLines, newline, encoding).map(([ls, nl, enc]) => ({ source: ls.join(nl), bytes: encode(ls.join(nl), enc) }));
const contractMarkdown = fc.tuple(markdownLines, newline, encoding).map(([ls, nl, enc]) => ({ source: ls.join(nl), bytes: encode(ls.join(nl), enc) }));
const arbitraryText = fc.tuple(anyString, encoding).map(([s, enc]) => ({ source: s, bytes: encode(s, enc) }));

// ---------------------------------------------------------------------------------------------------------------
// Invariants of a parsed document

function flatten(clauses: Clause[], out: Clause[] = []): Clause[] {
  for (const c of clauses) {
    out.push(c);
    flatten(c.children, out);
  }
  return out;
}

const where = (c: Clause) => `${c.number ?? '(unnumbered)'} ${JSON.stringify(c.heading)} at line ${c.location.line}`;

/** Checks the tree of `doc` (analysed from `ingested`) and throws on the first broken invariant. */
function checkDocument(ingested: IngestedDocument, doc: ContractDocument): void {
  const lineCount = doc.lines.length;
  const clauses = flatten(doc.tree.children);

  // Locations lie inside the document.
  for (const c of clauses) {
    expect(c.location.line, `${where(c)}: line ≥ 1`).toBeGreaterThanOrEqual(1);
    expect(c.location.line, `${where(c)}: line ≤ ${lineCount}`).toBeLessThanOrEqual(lineCount);
    expect(c.endLine, `${where(c)}: endLine ≥ line`).toBeGreaterThanOrEqual(c.location.line);
    expect(c.endLine, `${where(c)}: endLine ≤ ${lineCount}`).toBeLessThanOrEqual(lineCount);
  }

  // Depth-first order is document order, and a clause's own blocks end before the next clause starts.
  for (let i = 1; i < clauses.length; i++) {
    const prev = clauses[i - 1];
    const next = clauses[i];
    expect(next.location.line, `${where(next)} comes after ${where(prev)}`).toBeGreaterThanOrEqual(prev.location.line);
    for (const b of prev.blocks) {
      expect(b.line, `block ${JSON.stringify(b.text)} of ${where(prev)} starts before ${where(next)}`).toBeLessThan(next.location.line);
      expect(b.endLine, `block ${JSON.stringify(b.text)} of ${where(prev)} ends before ${where(next)}`).toBeLessThan(next.location.line);
    }
  }

  // Every (non-directive) block of the input is in exactly one place: preamble, one clause, or the signature.
  const expected = ingested.blocks.filter((b) => !b.directive);
  const seen = new Map<Block, number>();
  const placed = [...doc.preamble, ...clauses.flatMap((c) => c.blocks), ...doc.signature];
  for (const b of placed) seen.set(b, (seen.get(b) ?? 0) + 1);
  for (const b of expected) expect(seen.get(b) ?? 0, `block ${JSON.stringify(b.text)} (line ${b.line}) placed once`).toBe(1);
  expect(placed.length, 'no block placed that was not ingested, none twice').toBe(expected.length);

  // Directives are reported, not placed.
  expect(doc.directives.length).toBe(ingested.blocks.length - expected.length);
}

/** Ingests and analyses; a ReadError is an acceptable answer (empty text), anything else thrown is a failure. */
function parseWith(ingest: (data: Uint8Array) => IngestedDocument, bytes: Uint8Array, allowed: string[]): void {
  let ingested: IngestedDocument;
  try {
    ingested = ingest(bytes);
  } catch (e) {
    if (isReadError(e) && allowed.includes(e.code)) return;
    throw e;
  }
  for (const b of ingested.blocks) {
    expect(b.line, `block ${JSON.stringify(b.text)}: line ≥ 1`).toBeGreaterThanOrEqual(1);
    expect(b.endLine, `block ${JSON.stringify(b.text)}: endLine ≥ line`).toBeGreaterThanOrEqual(b.line);
    expect(b.endLine, `block ${JSON.stringify(b.text)}: endLine ≤ lines`).toBeLessThanOrEqual(ingested.lines.length);
  }
  checkDocument(ingested, analyseDocument(ingested));
}

// ---------------------------------------------------------------------------------------------------------------
// Clause tree

describe('splitSentences() properties', () => {
  /** The definition, one character at a time: an end at a terminator, at ". " after no abbreviation, and before a cut. */
  const byCharacter = (text: string, cuts: number[]): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    const cutSet = new Set(cuts);
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const abbreviation = /\b(?:e\.g|i\.e|etc|inc|ltd|co|no|mr|ms|dr|u\.s|vs)$/i.test(text.slice(Math.max(0, i - 4), i));
      if (cutSet.has(i + 1) || /[。;；!！?？\n]/.test(ch) || (ch === '.' && text[i + 1] === ' ' && !abbreviation)) {
        if (i + 1 > start) out.push([start, i + 1]);
        start = i + 1;
      }
    }
    if (start < text.length) out.push([start, text.length]);
    return out;
  };
  const sentenceText = fc
    .array(fc.constantFrom('a', 'e.g', 'Inc', 'no', 'co', 'ltd', 'U.S', 'x', '.', ' ', '. ', '。', ';', '；', '!', '?', '？', '\n', '甲'), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('splits as the character-by-character definition does, cuts included', () => {
    fc.assert(
      fc.property(sentenceText, fc.array(fc.integer({ min: -2, max: 64 }), { maxLength: 5 }), (text, cuts) => {
        expect(splitSentences(text, cuts)).toEqual(byCharacter(text, cuts));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('clause tree properties: plain text', () => {
  it('arbitrary text: never throws (except "empty"), and the tree invariants hold', () => {
    fc.assert(
      fc.property(arbitraryText, ({ bytes }) => parseWith(ingestText, bytes, ['empty'])),
      { numRuns: RUNS },
    );
  });

  it('arbitrary bytes: only ReadErrors (empty, not-text), and the tree invariants hold', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => parseWith(ingestText, bytes, ['empty', 'not-text'])),
      { numRuns: RUNS },
    );
  });

  it('contract-like text: tree in document order, inside the document, every block placed once', () => {
    fc.assert(
      fc.property(contractText, ({ bytes }) => parseWith(ingestText, bytes, ['empty'])),
      { numRuns: RUNS },
    );
  });
});

describe('clause tree properties: Markdown', () => {
  it('arbitrary text: never throws (except "empty"), and the tree invariants hold', () => {
    fc.assert(
      fc.property(arbitraryText, ({ bytes }) => parseWith(ingestMarkdown, bytes, ['empty'])),
      { numRuns: RUNS },
    );
  });

  it('contract-like Markdown (headings, lists, tables, fences, comments): the tree invariants hold', () => {
    fc.assert(
      fc.property(contractMarkdown, ({ bytes }) => parseWith(ingestMarkdown, bytes, ['empty'])),
      { numRuns: RUNS },
    );
  });

  it('contract-like plain text read as Markdown: the tree invariants hold', () => {
    fc.assert(
      fc.property(contractText, ({ bytes }) => parseWith(ingestMarkdown, bytes, ['empty'])),
      { numRuns: RUNS },
    );
  });
});
