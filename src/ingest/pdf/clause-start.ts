/**
 * Does a line begin with a clause number or a bullet? A PDF has lost its paragraph marks, and a numbered line is the
 * strongest sign of a new paragraph. Wrapping can also put a cross-reference or an amount at the start of a line
 * (…依照\n第5条规定, …人民币\n1.5万元, …set out in\nSection 2.1 of this Agreement), so those are told apart here.
 */

const CN = '[一二三四五六七八九十百千零〇两]+';

/** What may follow 第X条 only when it is a reference to the clause, not its heading. */
const ZH_REF_TAIL = /^\s*(?:规定|约定|所|项下|中|的|之|及|和|与|或|至|、|，|,|第|以外|以上|以下|条款)/;
/**
 * Units that make a leading number an amount, a date or a quantity (1.5万元, 3日) rather than a clause number. Right
 * after the number any unit counts; after a space only money and percentages do, since "1.2 年度报告" is a heading.
 */
const UNIT = /^(?:万|亿|元|美元|%|‰|％|年|月|日|号|时|小时|分钟|秒|个|次|倍|天|周|岁|件|台|套|份|人|名|米|公里|千克|吨)|^\s+(?:万|亿|元|美元|%|％|‰)/;
/** Lowercase words that continue a reference: "Section 2.1 of this Agreement", "Exhibit A attached hereto". */
const EN_REF_TAIL =
  /^\s*(?:of|hereof|herein|hereto|hereunder|thereof|above|below|shall|will|may|must|and|or|to|in|is|are|was|as|attached|for|with|by|[,;)])(?![\p{L}\p{N}])/u;

interface Pattern {
  re: RegExp;
  /** Rejects the match when what follows it shows a reference or an amount. */
  rejectTail?: RegExp;
  bullet?: boolean;
}

const PATTERNS: Pattern[] = [
  { re: new RegExp(`^第\\s*(?:${CN}|\\d{1,3})\\s*(?:条|章|节|部分|篇)`), rejectTail: ZH_REF_TAIL },
  { re: new RegExp(`^${CN}[、．.](?!\\d)`) },
  { re: new RegExp(`^[（(]\\s*${CN}\\s*[）)]`) },
  { re: /^[（(]\s*\d{1,3}\s*[）)]/ },
  { re: /^[（(]\s*(?:[a-zA-Z]|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})\s*[）)]/ },
  { re: /^(?:[a-z]|[ivx]{1,5})\)/ },
  { re: /^(?:[a-z]|[ivx]{1,5}|[A-Z]|[IVX]{2,5})\.(?=\s)/ },
  { re: /^[A-Z]\)(?=\s)/ },
  { re: /^[\u2460-\u24ff\u2776-\u2793]/ },
  // 1.  1、  1)  1.1  1.1.1  1.2.  — not 1.5万元, 3.5%, 2026.1.1, 1.5 million
  { re: /^\d{1,3}(?:[.．]\d{1,3})+[.．]?(?![\d%％])/, rejectTail: UNIT },
  { re: /^\d{1,3}[.．](?!\d)/, rejectTail: UNIT },
  { re: /^\d{1,3}(?:、|[)）])/ },
  {
    re: /^(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE|Paragraph|PARAGRAPH|Part|PART|§)\s*(?:\d+(?:\.\d+)*|[IVXLC]+\b|[A-Z]\b)\.?/,
    rejectTail: EN_REF_TAIL,
  },
  {
    re: /^(?:Schedule|SCHEDULE|Annex|ANNEX|Exhibit|EXHIBIT|Appendix|APPENDIX|Attachment|ATTACHMENT|Addendum|ADDENDUM)(?:\s+[A-Z0-9][A-Z0-9.-]*)?\b/,
    rejectTail: EN_REF_TAIL,
  },
  {
    re: new RegExp(`^附\\s*[件录表](?:\\s*(?:${CN}|\\d{1,3}|[A-Z]))?`),
    rejectTail: /^\s*(?:所|中|的|规定|约定|为|是|与|和|及|、|，|,|之|内容|项下)/,
  },
  { re: /^[•●▪■◆◇○◦►▶➢✓√\u2022\u25cf]/, bullet: true },
];

export interface ClauseStart {
  /** Length of the number (or bullet) at the start of the text. */
  length: number;
  bullet: boolean;
}

export function clauseStart(text: string): ClauseStart | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const tail = text.slice(m[0].length);
    if (p.rejectTail?.test(tail)) return undefined;
    // "1.5 million" is an amount; "2.3.5 provide …" and "1) the …" are clauses whatever case follows.
    if (/^\d+[.．]\d+$/.test(m[0]) && /^\s*[a-z]/.test(tail)) return undefined;
    return { length: m[0].length, bullet: p.bullet === true };
  }
  return undefined;
}

/** Words a sentence cannot end on, in lowercase as running text has them ("PART A" is a heading, "a" is not). */
const UNFINISHED_EN = /\b(?:of|to|in|into|under|with|the|a|an|per|pursuant|see|by|from|for|at|on|between|than|including|and|or)\s*$/;
const UNFINISHED_ZH = /(?:根据|按照|依照|依据|参照|详见|见|及|和|与|或|的|在|于|第|依|按|对|向|由|将|经|从|自|至|本合同|本协议|本条|上述|前述)\s*$/;

/** A line ending mid-sentence: the next line continues it, however the layout looks. */
export function endsMidSentence(line: string): boolean {
  return UNFINISHED_EN.test(line) || UNFINISHED_ZH.test(line);
}

/** Ends on a reference to be continued: "Section 2.1\n(a)", "Section\n2.1", "thirty\n(30) days". */
const REFERENCE_EN = new RegExp(
  String.raw`(?:\b(?:sections?|clauses?|articles?|paragraphs?|subsections?|exhibits?|schedules?|annex(?:es)?` +
    String.raw`|appendix|appendices)(?:\s+(?:\d[\d.]*(?:\([a-z0-9]+\))*|[A-Z]|[IVXLC]+))?` +
    String.raw`|§\s*[\d.]*` +
    String.raw`|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty` +
    String.raw`|forty-five|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion))\s*$`,
  'i',
);

/**
 * After such a line a number starting the next line is a reference being continued (…as set forth in\nSection 2.1…,
 * …详见\n附件一…, …thirty\n(30) days) rather than a new clause. Not after "and"/"or": "…; and\n(b) …" is how lists
 * run on.
 */
export function continuesInto(previousLine: string): boolean {
  return (endsMidSentence(previousLine) && !/\b(?:and|or)\s*$/.test(previousLine)) || REFERENCE_EN.test(previousLine);
}
