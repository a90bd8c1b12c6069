/**
 * Renders one list counter value in a WordprocessingML number format (`w:numFmt`, ECMA-376 §17.18.59), as Word
 * displays it. Formats we do not implement fall back to decimal, which still gives a usable clause number.
 */

import { toRoman } from '../../structure/roman.js';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PARENTHESISED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULL_STOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
const IDEOGRAPH_CIRCLED = '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const RUSSIAN_LOWER = 'абвгдежзиклмнопрстуфхцчшщыэюя';

const CHINESE_DIGITS = '〇一二三四五六七八九';
const CHINESE_LOWER = { digits: '零一二三四五六七八九', ten: '十', hundred: '百', thousand: '千', tenThousand: '万' };
const CHINESE_LEGAL_SIMPLIFIED = { digits: '零壹贰叁肆伍陆柒捌玖', ten: '拾', hundred: '佰', thousand: '仟', tenThousand: '万' };
const CHINESE_LEGAL_TRADITIONAL = { digits: '零壹貳參肆伍陸柒捌玖', ten: '拾', hundred: '佰', thousand: '仟', tenThousand: '萬' };
const TAIWANESE_LOWER = { ...CHINESE_LOWER, tenThousand: '萬' };

type ChineseNumerals = typeof CHINESE_LOWER;

/** Formats that show a symbol rather than a number: a paragraph in such a level has no clause number. */
export function isNumberless(numFmt: string): boolean {
  return numFmt === 'bullet' || numFmt === 'none';
}

/**
 * `value` is the counter as Word keeps it (it can be 0 for a skipped level, Word's "1.0.1"). `customFormat` is the
 * `w:format` of a Word 2010 `custom` numFmt such as "001, 002, 003, ...".
 */
export function formatNumber(value: number, numFmt: string, customFormat?: string): string {
  switch (numFmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimal':
    case 'decimalHalfWidth':
      return String(value);
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'custom':
      return customNumber(value, customFormat);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value, 'A');
    case 'lowerLetter':
      return letters(value, 'a');
    case 'ordinal':
      return ordinal(value);
    case 'cardinalText':
      return capitalise(englishWords(value));
    case 'ordinalText':
      return capitalise(englishOrdinalWords(value));
    case 'hex':
      return value.toString(16).toUpperCase();
    case 'chicago':
      return chicago(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(value));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(value, CIRCLED);
    case 'decimalEnclosedParen':
      return enclosed(value, PARENTHESISED);
    case 'decimalEnclosedFullstop':
      return enclosed(value, FULL_STOP);
    case 'ideographEnclosedCircle':
      return enclosed(value, IDEOGRAPH_CIRCLED);
    case 'ideographTraditional':
      return cyclic(value, HEAVENLY_STEMS);
    case 'ideographZodiac':
      return cyclic(value, EARTHLY_BRANCHES);
    case 'ideographZodiacTraditional':
      return value >= 1 ? HEAVENLY_STEMS[(value - 1) % 10] + EARTHLY_BRANCHES[(value - 1) % 12] : String(value);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(value)].map((d) => CHINESE_DIGITS[Number(d)] ?? d).join('');
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(value, CHINESE_LOWER);
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(value, TAIWANESE_LOWER);
    case 'chineseLegalSimplified':
      return chineseCounting(value, CHINESE_LEGAL_SIMPLIFIED, true);
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseCounting(value, CHINESE_LEGAL_TRADITIONAL, true);
    case 'russianLower':
      return letters(value, RUSSIAN_LOWER);
    case 'russianUpper':
      return letters(value, RUSSIAN_LOWER.toUpperCase());
    case 'numberInDash':
      return `- ${value} -`;
    default:
      return String(value);
  }
}

function roman(value: number): string {
  // Word has no roman numeral for 0 or beyond 3999 and shows the arabic number there.
  return value <= 0 || value >= 4000 ? String(value) : toRoman(value);
}

/**
 * Word's letter numbering repeats the letter rather than counting like spreadsheet columns: …, Z, AA, BB, …, ZZ,
 * AAA. `alphabet` is either a first letter ('A', 'a') of the Latin alphabet or a whole alphabet.
 */
function letters(value: number, alphabet: string): string {
  if (value <= 0) return String(value);
  const chars = alphabet.length === 1 ? latinAlphabet(alphabet) : [...alphabet];
  const letter = chars[(value - 1) % chars.length];
  return letter.repeat(Math.floor((value - 1) / chars.length) + 1);
}

function latinAlphabet(first: string): string[] {
  const base = first.charCodeAt(0);
  return Array.from({ length: 26 }, (_, i) => String.fromCharCode(base + i));
}

/** Word shows enclosed forms only as far as Unicode has them (①–⑳) and plain numbers after that. */
function enclosed(value: number, symbols: string): string {
  const chars = [...symbols];
  return value >= 1 && value <= chars.length ? chars[value - 1] : String(value);
}

/** Stems and branches are finite cycles; Word starts the cycle again after the last one. */
function cyclic(value: number, symbols: string): string {
  const chars = [...symbols];
  return value >= 1 ? chars[(value - 1) % chars.length] : String(value);
}

function fullWidth(digits: string): string {
  return [...digits].map((d) => (d >= '0' && d <= '9' ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d)).join('');
}

function chicago(value: number): string {
  if (value <= 0) return String(value);
  const symbols = ['*', '†', '‡', '§'];
  return symbols[(value - 1) % 4].repeat(Math.floor((value - 1) / 4) + 1);
}

/** "001, 002, 003, ..." pads to the width of its first item; other custom formats are shown as decimal. */
function customNumber(value: number, format: string | undefined): string {
  const first = format?.split(',')[0]?.trim();
  if (first && /^0+1$/.test(first)) return String(value).padStart(first.length, '0');
  return String(value);
}

/**
 * Chinese counting numerals: 1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 110 一百一十, 1000 一千, 10001 一万零一.
 * The everyday form drops the leading 一 of 一十 (十一 not 一十一); the legal (financial) forms keep it (壹拾壹).
 */
function chineseCounting(value: number, numerals: ChineseNumerals, legal = false): string {
  if (!Number.isInteger(value) || value < 0 || value >= 100_000_000) return String(value);
  if (value === 0) return numerals.digits[0];
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  let out = '';
  if (high > 0) out = belowTenThousand(high, numerals) + numerals.tenThousand;
  if (low > 0) {
    if (high > 0 && low < 1000) out += numerals.digits[0];
    out += belowTenThousand(low, numerals);
  }
  if (!legal && out.startsWith(numerals.digits[1] + numerals.ten)) out = out.slice(1);
  return out;
}

function belowTenThousand(value: number, numerals: ChineseNumerals): string {
  const units = [numerals.thousand, numerals.hundred, numerals.ten, ''];
  const digits = [Math.floor(value / 1000), Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10];
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i];
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += numerals.digits[0];
    pendingZero = false;
    out += numerals.digits[d] + units[i];
  }
  return out;
}

function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

const ONES = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function englishWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1_000_000) return String(value);
  if (value < 20) return ONES[value];
  if (value < 100) return TENS[Math.floor(value / 10)] + (value % 10 ? `-${ONES[value % 10]}` : '');
  if (value < 1000) {
    const rest = value % 100;
    return `${ONES[Math.floor(value / 100)]} hundred${rest ? ` ${englishWords(rest)}` : ''}`;
  }
  const rest = value % 1000;
  return `${englishWords(Math.floor(value / 1000))} thousand${rest ? ` ${englishWords(rest)}` : ''}`;
}

const IRREGULAR_ORDINALS: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

function englishOrdinalWords(value: number): string {
  const words = englishWords(value);
  if (/^\d+$/.test(words)) return ordinal(value);
  return words.replace(/([a-z]+)$/, (last: string) => {
    if (IRREGULAR_ORDINALS[last]) return IRREGULAR_ORDINALS[last];
    if (last.endsWith('y')) return `${last.slice(0, -1)}ieth`;
    return `${last}th`;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
