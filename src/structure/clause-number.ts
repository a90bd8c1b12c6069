import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-numerals.js';
import { parseRoman } from './roman.js';

/** A clause number found at the start of a block. */
export interface ClauseNumber {
  /** As the document shows it: 第一条, 一、, （一）, 1.1, (a), ARTICLE 5, Section 3.2, Exhibit A, 附件一. */
  number: string;
  /** The numbering scheme; blocks of one scheme are siblings (see tree.ts). */
  scheme: string;
  /** Value of the last component, for sequence checks (一 → 1, (c) → 3, 2.4 → 4). */
  value: number;
  /** Other readings of an ambiguous number: (i) is roman one or the letter after (h). */
  alternatives: Array<{ scheme: string; value: number }>;
  /** Annexes (Schedule, Exhibit, 附件) always sit at the top of the tree. */
  annex: boolean;
  /** Whether the scheme is rarely seen at the start of running text (第X条, Article, 1.1) or easily is ((1), A.). */
  strong: boolean;
  /** Text after the number and its separator. */
  rest: string;
  /** Characters of the block taken by leading white space and the number itself. */
  length: number;
}

const ZH = `[${CHINESE_NUMERAL_CHARS}0-9０-９]{1,4}`;
/** After these, 第五条 is a reference (第五条规定…, 第五条第二款), not the start of article five. */
const ZH_REFERENCE_FOLLOWERS = /^(?:规定|约定|所述|所列|所称|所指|之|的|项下|中|及|和|或|至|、|第|款|项|[，,]|（[^）]*）(?:规定|约定))/;
/** After these, a number is an amount or a measure, not a clause number (1.5万元, 3.5%, 2.5 倍). */
const UNIT_FOLLOWERS = /^\s*(?:[万亿千百元角分%％‰倍个件款次名人天日周月年岁小时分钟秒度折成]|美元|港币|USD|RMB|CNY|percent|per\s?cent|%|million|billion|thousand|days?\b|months?\b|years?\b|hours?\b|weeks?\b|x\b)/i;
/** After these, "Section 3.2" is a cross-reference in running text. */
const EN_REFERENCE_FOLLOWERS = /^(?:\s*(?:of|hereof|herein|above|below|and|or|to|through|shall|will|may|is|are|has|have|applies|apply|in|on|for|with|that|which|as)\b|\s*[,;)])/i;

type Matcher = (s: string) => Omit<ClauseNumber, 'rest' | 'alternatives' | 'annex' | 'length'> & {
  length: number;
  alternatives?: ClauseNumber['alternatives'];
  annex?: boolean;
} | null;

const cjkNumeral = (raw: string) => parseChineseNumber(raw);

const ORDINAL_WORDS = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'FIFTH', 'SIXTH', 'SEVENTH', 'EIGHTH', 'NINTH', 'TENTH', 'ELEVENTH', 'TWELFTH', 'THIRTEENTH', 'FOURTEENTH', 'FIFTEENTH', 'SIXTEENTH', 'SEVENTEENTH', 'EIGHTEENTH', 'NINETEENTH', 'TWENTIETH', 'TWENTY-FIRST', 'TWENTY-SECOND', 'TWENTY-THIRD', 'TWENTY-FOURTH', 'TWENTY-FIFTH'];

const ORDINAL_CLAUSE = new RegExp(`^(${ORDINAL_WORDS.join('|')})(?:\\.-?|:)(?=\\s)`);

const matchers: Matcher[] = [
  // 附件一 / 附件1 / 附录A / 附件：… (an attachment heading, not "附件是本合同的组成部分")
  (s) => {
    const m = /^(附件|附录|附表)\s*([一二三四五六七八九十0-9０-９A-Za-z]{0,3})(?=\s|[:：、.．]|$|[\u4e00-\u9fff])/.exec(s);
    if (!m) return null;
    const after = s.slice(m[0].length);
    const shortLine = s.length <= 40 && !/[。；;]/.test(s);
    if (!m[2] && !/^\s*[:：]/.test(after) && !shortLine) return null;
    if (/^\s*(?:是|为|作为|构成|与|和|及|所|中|的|均|系)/.test(after)) return null;
    const value = m[2] ? (/^[A-Za-z]$/.test(m[2]) ? m[2].toUpperCase().charCodeAt(0) - 64 : cjkNumeral(m[2])) : 1;
    return { number: m[0].trim(), scheme: 'annex', value, strong: true, length: m[0].length, annex: true };
  },
  // Schedule 1 / EXHIBIT A / Annex II / Annexure A / Appendix 3
  (s) => {
    const m = /^(Schedule|Annexure|Annex|Exhibit|Appendix|Attachment|Addendum|SCHEDULE|ANNEXURE|ANNEX|EXHIBIT|APPENDIX|ATTACHMENT|ADDENDUM)\s+(?:No\.?\s*)?(?:([A-Z]{1,2}|[0-9]{1,3}(?:\.[0-9]+)?|[IVX]{1,5})\b|\(([0-9]{1,2})\)|["“]([A-Z]{1,2})["”])(?!\s*(?:to|of|hereto|attached|hereof)\b)/.exec(s);
    if (!m) return null;
    if (EN_REFERENCE_FOLLOWERS.test(s.slice(m[0].length)) && !/^\s*[-–—:.]/.test(s.slice(m[0].length))) return null;
    // Annex (1): Gulf drafting brackets the number; Philippine drafting quotes the letter (ANNEX "A"), which is
    // still Annex A when a clause names it
    const tok = m[2] ?? m[3] ?? m[4];
    const value = /^\d/.test(tok) ? parseFloat(tok) : /^[IVX]+$/.test(tok) && tok.length > 1 ? parseRoman(tok) : tok.charCodeAt(0) - 64;
    return { number: m[4] ? `${m[1]} ${m[4]}` : m[0], scheme: 'annex', value, strong: true, length: m[0].length, annex: true };
  },
  // Scottish docquet: THIS IS THE SCHEDULE referred to in the foregoing Agreement between …
  (s) => {
    const m = /^(?:THIS IS THE|This is the) (SCHEDULE|Schedule|APPENDIX|Appendix|ANNEX|Annex|EXHIBIT|Exhibit)(?:\s+(?:No\.?\s*)?([A-Z]|\d{1,2}))?(?=\s+(?:referred|mentioned)\b)/.exec(s);
    if (!m) return null;
    const value = !m[2] ? 1 : /^\d/.test(m[2]) ? Number(m[2]) : m[2].charCodeAt(0) - 64;
    return { number: m[2] ? `${m[1]} ${m[2]}` : m[1], scheme: 'annex', value, strong: true, length: m[0].length, annex: true };
  },
  // SCHEDULE: THE SERVICES / Schedule – Services: the only schedule, unnumbered, titled on its line
  (s) => {
    const m = /^(SCHEDULE|ANNEXURE|ANNEX|APPENDIX|EXHIBIT|Schedule|Annexure|Annex|Appendix|Exhibit)\s*(?:[:：]|\s[–—])\s*(?=[A-Z])/.exec(s);
    if (!m || s.length > 60 || /[.;]\s*$/.test(s)) return null;
    if (m[1] !== m[1].toUpperCase() && !/[–—]/.test(m[0])) return null;
    return { number: m[1], scheme: 'annex', value: 1, strong: true, length: m[0].length, annex: true };
  },
  // 第一章 / 第一节 / 第一部分
  (s) => {
    const m = new RegExp(`^第\\s*(${ZH})\\s*(章|节|部分|篇)`).exec(s);
    if (!m) return null;
    if (ZH_REFERENCE_FOLLOWERS.test(s.slice(m[0].length))) return null;
    const scheme = m[2] === '节' ? 'zh-section' : 'zh-chapter';
    return { number: m[0].replace(/\s+/g, ''), scheme, value: cjkNumeral(m[1]), strong: true, length: m[0].length };
  },
  // 第一条 / 第1条 / 第一款 / 第一项
  (s) => {
    const m = new RegExp(`^第\\s*(${ZH})\\s*(条|款|项)`).exec(s);
    if (!m) return null;
    if (ZH_REFERENCE_FOLLOWERS.test(s.slice(m[0].length))) return null;
    const scheme = m[2] === '条' ? 'zh-article' : m[2] === '款' ? 'zh-paragraph' : 'zh-item-di';
    return { number: m[0].replace(/\s+/g, ''), scheme, value: cjkNumeral(m[1]), strong: true, length: m[0].length };
  },
  // 一、 / 十二．
  (s) => {
    const m = new RegExp(`^([${CHINESE_NUMERAL_CHARS}]{1,3})\\s*[、．.](?![0-9])`).exec(s);
    if (!m) return null;
    const value = cjkNumeral(m[1]);
    if (!(value > 0)) return null;
    return { number: m[0].replace(/\s+/g, ''), scheme: 'zh-item', value, strong: true, length: m[0].length };
  },
  // （一） / (一)
  (s) => {
    const m = new RegExp(`^[（(]\\s*([${CHINESE_NUMERAL_CHARS}]{1,3})\\s*[)）]`).exec(s);
    if (!m) return null;
    const value = cjkNumeral(m[1]);
    if (!(value > 0)) return null;
    return { number: m[0].replace(/\s+/g, ''), scheme: 'zh-paren', value, strong: true, length: m[0].length };
  },
  // ARTICLE 5 / Article V / Article 5. / Article (5): (Gulf and Egyptian drafting in translation)
  (s) => {
    const m = /^(Article|ARTICLE)\s+(?:([0-9]{1,3}|[IVXLC]{1,7})\b\.?|\(([0-9]{1,3})\)\s*:?)/.exec(s);
    if (!m) return null;
    if (EN_REFERENCE_FOLLOWERS.test(s.slice(m[0].length))) return null;
    const value = m[3] ? Number(m[3]) : /^\d/.test(m[2]) ? Number(m[2]) : parseRoman(m[2]);
    if (!(value > 0)) return null;
    return { number: m[0].replace(/\s*:?\s*$/, '').replace(/\.$/, ''), scheme: 'article', value, strong: true, length: m[0].length };
  },
  // FIRST. PURPOSE. / SECOND.- SCOPE (Latin-American drafting: PRIMERA., SEGUNDA. in translation); upper case only,
  // so that "First, …" in running text is not a clause
  (s) => {
    const m = ORDINAL_CLAUSE.exec(s);
    if (!m) return null;
    return { number: m[1], scheme: 'ordinal-word', value: ORDINAL_WORDS.indexOf(m[1]) + 1, strong: true, length: m[0].length };
  },
  // PART II / Part 2 (above articles, like 第一章)
  (s) => {
    const m = /^(Part|PART)\s+([0-9]{1,2}|[IVX]{1,5}|[A-H])\b\.?/.exec(s);
    if (!m) return null;
    if (EN_REFERENCE_FOLLOWERS.test(s.slice(m[0].length))) return null;
    const value = /^\d/.test(m[2]) ? Number(m[2]) : parseRoman(m[2]) > 0 ? parseRoman(m[2]) : m[2].charCodeAt(0) - 64;
    return { number: m[0].replace(/\.$/, ''), scheme: 'part', value, strong: true, length: m[0].length };
  },
  // § 1 / §2 (German drafting: each § a clause, its paragraphs (1), (2) …) / § 1. Definitions (Polish drafting)
  (s) => {
    const m = /^§\s*([0-9]{1,3})(?:\.(?=\s|$))?(?![0-9.])/.exec(s);
    if (!m) return null;
    return { number: m[0].replace(/\.$/, '').replace(/\s+/g, ' '), scheme: 'paragraph-sign', value: Number(m[1]), strong: true, length: m[0].length };
  },
  // A1. / A2.1 / B4.3 / A.7: sections numbered within lettered parts (a statement of work's Part A, Part B)
  (s) => {
    const m = /^([A-H])\.?([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?(?=\s+(?:[A-Z(“"'‘]|the\b|a\b|an\b))/.exec(s);
    if (!m) return null;
    const parts = m[2].split('.');
    if (Number(parts[0]) === 0) return null;
    return { number: m[0].replace(/\.$/, ''), scheme: `prefixed-${parts.length}`, value: Number(parts[parts.length - 1]), strong: true, length: m[0].length };
  },
  // Section 3 / SECTION 3.2 / Clause 4 / Paragraph 5
  (s) => {
    const m = /^(Section|SECTION|Sec\.|Clause|CLAUSE|Paragraph|PARAGRAPH)\s*([0-9]{1,3}(?:\.[0-9]{1,3}){0,3})\b\.?/.exec(s);
    if (!m) return null;
    if (EN_REFERENCE_FOLLOWERS.test(s.slice(m[0].length))) return null;
    const parts = m[2].split('.');
    const word = /^clause/i.test(m[1]) ? 'clause' : /^paragraph/i.test(m[1]) ? 'paragraph' : 'section';
    return {
      number: m[0].replace(/\.$/, ''),
      scheme: `${word}-${parts.length}`,
      value: Number(parts[parts.length - 1]),
      strong: true,
      length: m[0].length,
    };
  },
  // 1.1 / 1.1.1 / 2.3. (multi-level decimals; dates and amounts excluded)
  (s) => {
    const m = /^([0-9]{1,2}(?:[.．][0-9]{1,3}){1,4})[.．]?(?![0-9.．])/.exec(s);
    if (!m) return null;
    const after = s.slice(m[0].length);
    if (UNIT_FOLLOWERS.test(after)) return null;
    if (!/^(?:\s|$|[\u3400-\u9fff（(“"'「A-Za-z【])/.test(after)) return null;
    // "…in clause⏎3.2 are calculated": a cross-reference that a wrap put at the start of a line.
    if (/^\s+(?:are|is|was|were|shall|will|may|of|and|or|above|below|hereof|herein|to|in|on|for|with|applies|apply)\b/.test(after)) return null;
    const parts = m[1].split(/[.．]/);
    if (parts.some((p) => p.length > 2) || Number(parts[0]) === 0) return null;
    return { number: m[0], scheme: `decimal-${parts.length}`, value: Number(parts[parts.length - 1]), strong: true, length: m[0].length };
  },
  // 1. / 1、 / 1．
  (s) => {
    const m = /^([0-9]{1,2})\s*([.．、])(?![0-9])/.exec(s);
    if (!m) return null;
    const after = s.slice(m[0].length);
    if (m[2] !== '、' && !/^(?:\s|$|[\u3400-\u9fff（(“"「【])/.test(after)) return null;
    if (UNIT_FOLLOWERS.test(after) && !/^\s/.test(after)) return null;
    const scheme = m[2] === '、' ? 'decimal-comma' : 'decimal-dot';
    return { number: m[1] + m[2], scheme, value: Number(m[1]), strong: m[2] === '、', length: m[0].length };
  },
  // 2服务内容: a bare number before a short Chinese heading line, in 1 / 1.1 / 1.1.1 drafting (not 3个工作日内…)
  (s) => {
    const m = /^([0-9]{1,2})\s{0,3}(?=[\u4e00-\u9fff])/.exec(s);
    // (a short line with more columns after it is a table row: "1  店铺评分  不低于4.7分")
    if (!m || s.length > 20 || /[，。；：:,;、]/.test(s) || /\S\s{2,}\S/.test(s.slice(m[0].length))) return null;
    if (UNIT_FOLLOWERS.test(s.slice(m[0].length))) return null;
    return { number: m[1], scheme: 'decimal-dot', value: Number(m[1]), strong: false, length: m[0].length };
  },
  // 2 Term / 12 Termination and transition: Australian and English drafting numbers its headings without a dot, and
  // the clauses under them 2.1, 2.2. Only a short line in title case (not "5 Business Days after …", not a table row).
  (s) => {
    const m = /^([0-9]{1,2})\s{1,3}(?=[A-Z][a-z])/.exec(s);
    if (!m || s.length > 60 || /[.;:,]\s*$|[.;:](?=\s)/.test(s) || /\S\s{2,}\S/.test(s.slice(m[0].length))) return null;
    if (UNIT_FOLLOWERS.test(s.slice(m[0].length)) || /^\s*(?:Business|Working|Calendar|Clear)\b/.test(s.slice(m[0].length))) return null;
    // every word that carries meaning capitalised or a short joining word: "Definitions and interpretation" has one
    const words = s.slice(m[0].length).trim().split(/\s+/);
    if (words.length > 7 || !/^[A-Z]/.test(words[0])) return null;
    return { number: m[1], scheme: 'decimal-dot', value: Number(m[1]), strong: false, length: m[0].length };
  },
  // (1) / （1）
  (s) => {
    const m = /^[（(]\s*([0-9]{1,2})\s*[)）]/.exec(s);
    if (!m) return null;
    if (UNIT_FOLLOWERS.test(s.slice(m[0].length))) return null;
    return { number: m[0].replace(/\s+/g, ''), scheme: 'decimal-paren', value: Number(m[1]), strong: false, length: m[0].length };
  },
  // 1) / 1）
  (s) => {
    const m = /^([0-9]{1,2})[)）]/.exec(s);
    if (!m) return null;
    return { number: m[0], scheme: 'decimal-right-paren', value: Number(m[1]), strong: false, length: m[0].length };
  },
  // ① … ⑳
  (s) => {
    const c = s.codePointAt(0)!;
    if (c < 0x2460 || c > 0x2473) return null;
    return { number: s[0], scheme: 'circled', value: c - 0x245f, strong: true, length: 1 };
  },
  // (a) / (iv) / (A) / (IV)
  (s) => {
    const m = /^\(([a-z]{1,2}|[ivxl]{1,6}|[A-Z]{1,2}|[IVXL]{1,6})\)/.exec(s);
    if (!m) return null;
    return letterOrRoman(m[1], m[0], 'paren', m[0].length);
  },
  // a) / iv)
  (s) => {
    const m = /^([a-z]|[ivx]{1,5})\)/.exec(s);
    if (!m) return null;
    return letterOrRoman(m[1], m[0], 'right-paren', m[0].length);
  },
  // A. / IV. (then a space: "A. Services" but not "U.S. law")
  (s) => {
    const m = /^([A-Z]|[IVX]{1,5})[.．](?=\s|[\u4e00-\u9fff])/.exec(s);
    if (!m) return null;
    return letterOrRoman(m[1], m[0], 'dot', m[0].length);
  },
];

/**
 * A single letter that is also a roman numeral ((i), (v), (x), I.) is ambiguous: report both readings and let
 * the tree builder pick the one that continues the open list. A single letter reads first as a letter except
 * for i; multi-letter roman numerals (ii, iv) read as roman.
 */
function letterOrRoman(token: string, number: string, style: string, length: number) {
  const upper = token === token.toUpperCase();
  const caseTag = upper ? 'upper' : 'lower';
  const letterScheme = `alpha-${caseTag}-${style}`;
  const romanScheme = `roman-${caseTag}-${style}`;
  const roman = parseRoman(token);
  if (token.length === 1) {
    const letterValue = token.toLowerCase().charCodeAt(0) - 96;
    const strong = style !== 'dot';
    if (roman > 0) {
      const preferRoman = token.toLowerCase() === 'i';
      const first = preferRoman ? { scheme: romanScheme, value: roman } : { scheme: letterScheme, value: letterValue };
      const other = preferRoman ? { scheme: letterScheme, value: letterValue } : { scheme: romanScheme, value: roman };
      return { number, scheme: first.scheme, value: first.value, alternatives: [other], strong, length };
    }
    return { number, scheme: letterScheme, value: letterValue, strong, length };
  }
  if (roman > 0) return { number, scheme: romanScheme, value: roman, strong: true, length };
  // (aa), (bb): letter lists past z
  if (token.length === 2 && token[0] === token[1]) {
    return { number, scheme: letterScheme, value: 26 + token.toLowerCase().charCodeAt(0) - 96, strong: true, length };
  }
  return null;
}

const SEPARATOR = /^[\s\u3000]*(?:[-–—:：.．、]\s*)?/;
/** "(a) of clause 6.3" / "(2) above": a reference that a wrap put at the start of a line. */
const WEAK_REFERENCE_FOLLOWERS = /^\s+(?:of|above|below|hereof|herein|and|or|to|through|in|under)\b/;

/** The clause number at the start of `text`, or null when the text does not start with one. */
export function matchClauseNumber(text: string): ClauseNumber | null {
  const s = text.replace(/^[\s\u3000]+/, '');
  if (!s) return null;
  const indent = text.length - s.length;
  for (const matcher of matchers) {
    const m = matcher(s);
    if (!m) continue;
    if (!m.strong && WEAK_REFERENCE_FOLLOWERS.test(s.slice(m.length))) return null;
    const rest = s.slice(m.length).replace(SEPARATOR, '').trim();
    return {
      number: m.number,
      scheme: m.scheme,
      value: m.value,
      alternatives: m.alternatives ?? [],
      annex: m.annex ?? false,
      strong: m.strong,
      rest,
      length: indent + m.length,
    };
  }
  return null;
}

/** Whether a line starts a new clause, for joining the wrapped lines of plain text and PDFs. */
export function startsWithClauseNumber(text: string): boolean {
  return matchClauseNumber(text) !== null;
}
