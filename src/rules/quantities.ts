import { parseChineseNumber } from '../structure/chinese-numerals.js';

export interface Quantity {
  type: 'percent' | 'money' | 'duration' | 'count';
  /** percent: 0–100; money: in `unit`; duration: days; count: items. */
  value: number;
  unit: string;
  start: number;
  end: number;
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?|[零〇一二三四五六七八九十百两]+)`;
const toNumber = (s: string) => (/^\d/.test(s) ? Number(s.replace(/,/g, '')) : parseChineseNumber(s));

const DURATION_DAYS: Array<[RegExp, number]> = [
  [/^(?:个)?工作日|^business\s+days?|^working\s+days?/, 7 / 5],
  [/^(?:个)?(?:自然)?日|^天|^calendar\s+days?|^days?/, 1],
  [/^(?:个)?(?:星期|周)|^weeks?/, 7],
  [/^个月|^(?:个)?月|^months?/, 30],
  [/^年|^years?/, 365],
];

/** The currency of an amount's sign or code: usd and yuan as before, other currencies by their ISO code. */
function currencyOf(mark: string): string {
  if (/^(?:\$|us\$|usd)$|美元|dollars/.test(mark) && !/^(?:a|s|c|hk|nt)\$/.test(mark)) return 'usd';
  if (/¥|￥|rmb|cny|元|人民币|^万$/.test(mark)) return 'yuan';
  const signs: Record<string, string> = { '€': 'eur', '£': 'gbp', '₹': 'inr', '₱': 'php', 'a$': 'aud', 's$': 'sgd', 'c$': 'cad', 'hk$': 'hkd', 'nt$': 'twd', rm: 'myr', euro: 'eur', euros: 'eur' };
  return signs[mark] ?? mark;
}

/**
 * Numbers with units in normalised text: percentages (30%, 百分之三十), money (1.5万元, ¥20,000, usd 5,000,
 * $5,000), durations in days (30日, 15个工作日, 3个月, 90 days, 10 business days) and counts (10款, 8篇).
 */
export function extractQuantities(text: string, from = 0, to = text.length): Quantity[] {
  const out: Quantity[] = [];
  const slice = text.slice(from, to);
  const push = (type: Quantity['type'], value: number, unit: string, s: number, e: number) => {
    if (Number.isFinite(value)) out.push({ type, value, unit, start: from + s, end: from + e });
  };
  for (const m of slice.matchAll(new RegExp(`${NUM}\\s*(%|percent|per cent)|百分之${NUM}`, 'gu'))) {
    push('percent', toNumber(m[1] ?? m[3]), '%', m.index!, m.index! + m[0].length);
  }
  for (const m of slice.matchAll(new RegExp(`(?:(¥|￥|\\$|(?<![a-z])(?:rmb|cny|usd|us\\$|eur|gbp|aud|a\\$|sgd|s\\$|cad|c\\$|inr|php|jpy|hkd|hk\\$|nt\\$|twd|zar|pln|myr|rm|aed|sar)|€|£|₹|₱|人民币)\\s*)?${NUM}\\s*(万元|万|亿元|元|美元|rmb|cny|usd|dollars|eur|euros?)?`, 'gu'))) {
    const prefix = m[1];
    const suffix = m[3];
    if (!prefix && !suffix) continue;
    let value = toNumber(m[2]);
    if (suffix === '万元' || suffix === '万') value *= 10000;
    if (suffix === '亿元') value *= 1e8;
    push('money', value, currencyOf(`${prefix ?? ''}${suffix ?? ''}`), m.index!, m.index! + m[0].length);
  }
  // "thirty (30) days": the figure in brackets after the words is the number
  for (const m of slice.matchAll(new RegExp(`${NUM}\\)?\\s*(个工作日|工作日|个自然日|自然日|日|天|个星期|星期|周|个月|月|年|business days?|working days?|calendar days?|days?|weeks?|months?|years?)(?![a-z])`, 'gu'))) {
    const unit = m[2];
    // 2026年1月1日 is a date, not a duration; 第3个月 is the third month, not three months.
    const before = slice.slice(Math.max(0, m.index! - 1), m.index!);
    if (before === '第') continue;
    const after = slice.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    if ((unit === '年' || unit === '月') && /[0-9]/.test(after)) continue;
    if ((unit === '月' || unit === '日') && /[年月]/.test(before)) continue;
    const factor = DURATION_DAYS.find(([re]) => re.test(unit))?.[1] ?? 1;
    push('duration', toNumber(m[1]) * factor, 'days', m.index!, m.index! + m[0].length);
  }
  for (const m of slice.matchAll(new RegExp(`${NUM}\\s*(款|个(?!工作日|自然日|月|星期|日|小时)|篇|次|条|张|场|套|items?|posts?|pages?)`, 'gu'))) {
    // 第十二条 is a clause number, not twelve items.
    if (slice[m.index! - 1] === '第') continue;
    push('count', toNumber(m[1]), m[2], m.index!, m.index! + m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}

export function compare(value: number, op: string, target: number): boolean {
  switch (op) {
    case '>':
      return value > target;
    case '>=':
      return value >= target;
    case '<':
      return value < target;
    case '<=':
      return value <= target;
    default:
      return value === target;
  }
}
