const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100 };

export const CHINESE_NUMERAL_CHARS = '零〇一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾佰';

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99, 一百零五 → 105; also ASCII and full-width digits. NaN if not a number. */
export function parseChineseNumber(s: string): number {
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
    } else {
      return NaN;
    }
  }
  if (digit >= 0) total += digit;
  return s.length ? total : NaN;
}

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return SMALL[n];
  if (n < 20) return '十' + (n % 10 ? SMALL[n % 10] : '');
  if (n < 100) return SMALL[Math.floor(n / 10)] + '十' + (n % 10 ? SMALL[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const restText = rest === 0 ? '' : rest < 10 ? '零' + SMALL[rest] : rest < 20 ? '一' + toChineseNumber(rest) : toChineseNumber(rest);
    return SMALL[Math.floor(n / 100)] + '百' + restText;
  }
  return String(n);
}
