import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-chinese-table.js';

/**
 * Traditional Chinese (Taiwan and Hong Kong contracts: 第一條、委託人、服務範圍) read as Simplified, one character for
 * one, so every offset into the original text stays valid. Rules and structure are written once, in Simplified.
 * Characters that are also everyday Simplified (著作权's 著) are not in OpenCC's one-to-one table, so a Simplified
 * contract reads as it is.
 */
let table: Uint16Array | undefined;

/**
 * 帐 is 账 in contracts (帐户、对帐); OpenCC maps 帳 to 帐, and Simplified contracts write both, so all three read as
 * 账, the form rules are written in.
 */
const VARIANTS: Array<[string, string]> = [
  ['帳', '账'],
  ['帐', '账'],
];

/** Indexed by UTF-16 unit: its Simplified form, or 0 where it has none. */
function simplifiedTable(): Uint16Array {
  if (!table) {
    table = new Uint16Array(0x10000);
    for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
      table[TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i)] = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1);
    }
    for (const [from, to] of VARIANTS) table[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  return table;
}

/**
 * Taiwan and Hong Kong words for what Mainland contracts say otherwise, of the same length so that offsets hold. They
 * are read the Mainland way only in text that has Traditional characters: in a Simplified contract 资料 is
 * "materials", in a Taiwan one 資料 is also "data".
 */
const REGIONAL_WORDS: Array<[string, string]> = [
  ['資料', '数据'],
  ['營運', '运营'],
  ['契約', '合同'],
  ['合約', '合同'],
  ['匯出', '导出'],
  ['匯入', '导入'],
  ['登入', '登录'],
  ['檢視', '查看'],
  ['專案', '项目'],
  ['軟體', '软件'],
  ['網路', '网络'],
  ['品質', '质量'],
  ['資訊', '信息'],
  ['訊息', '信息'],
  ['影片', '视频'],
  ['行銷', '营销'],
];
const REGIONAL = new RegExp(REGIONAL_WORDS.map(([w]) => w).join('|'), 'g');
const REGIONAL_MAP = new Map(REGIONAL_WORDS);

/**
 * Every character the table maps is a Han character at or above U+3400 (a test holds the table to it): text with none
 * (an English contract, a pattern, a clause number) is told apart without building the table or reading it.
 */
export const FIRST_MAPPED = 0x3400;
const MAY_HAVE_MAPPED = /[\u3400-\uffff]/;

/** Whether `text` has a Traditional form (or a variant read otherwise): false for most Simplified text. */
export function hasTraditional(text: string): boolean {
  if (!MAY_HAVE_MAPPED.test(text)) return false;
  const t = simplifiedTable();
  for (let i = 0; i < text.length; i++) if (t[text.charCodeAt(i)]) return true;
  return false;
}

/**
 * Whether a contract is written in Traditional Chinese, not merely quoting a Hong Kong company's name: a Traditional
 * text changes about one Han character in four when read as Simplified, a Simplified one with such a name hardly any.
 */
export function isMostlyTraditional(text: string): boolean {
  const t = simplifiedTable();
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    if (t[c]) traditional++;
  }
  return han > 0 && traditional >= han * 0.05;
}

/** `text` read as Simplified Mainland Chinese, character for character: the same length. */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const t = simplifiedTable();
  const worded = text.replace(REGIONAL, (w) => REGIONAL_MAP.get(w)!);
  let out = '';
  let from = 0;
  for (let i = 0; i < worded.length; i++) {
    const s = t[worded.charCodeAt(i)];
    if (!s) continue;
    out += worded.slice(from, i) + String.fromCharCode(s);
    from = i + 1;
  }
  return out + worded.slice(from);
}
