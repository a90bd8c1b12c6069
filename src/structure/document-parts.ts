/**
 * Recognising the parts of a contract that are not clauses: the recitals that end the preamble and the
 * signature block that ends the body.
 */

/** 鉴于 / WHEREAS / RECITALS / Background: numbered items after these are recitals, not clauses. */
// (DECLARATIONS … CLAUSES: Latin-American drafting, each party's declarations before the clauses)
export const RECITALS_START = /^(?:鉴于|鉴於|WHEREAS\b|Whereas\b|RECITALS\b|Recitals\b|DECLARATIONS\s*[:：]?$|CONSIDERATIONS\s*[:：]?$|BACKGROUND\b|Background\s*[:：]?$|前言|PARTIES\s*[:：]?$|Parties\s*[:：]?$|BETWEEN\s*[:：]?$|Between\s*[:：]?$|合同(?:双方|各方|当事人)\s*[:：]?$)/;

/** The sentence that closes the recitals and opens the operative clauses. */
export const RECITALS_END =
  /(?:^(?:AGREED\s+TERMS|IT\s+IS\s+(?:HEREBY\s+)?AGREED|OPERATIVE\s+PROVISIONS)\b|^CLAUSES\s*[:：]?$|NOW,?\s+THEREFORE|NOW\s+IT\s+IS\s+HEREBY\s+AGREED|THE\s+PARTIES\s+AGREE\s+AS\s+FOLLOWS|agree(?:d|s)?\s+(?:to\s+)?as\s+follows|^TERMS\s+AND\s+CONDITIONS\s*[:：]?$|达成(?:如下|以下)(?:协议|条款|约定)|(?:约定|协议|订立本合同)如下|经(?:友好)?协商一致.{0,30}(?:如下|以下)|特(?:订立|签订)本(?:合同|协议))/i;

/** The names a party signs under in a Chinese contract: 甲方（盖章）, 客户（盖章）, 服务商（签字）… */
const SIGNING_PARTY = '(?:甲方|乙方|丙方|委托方|受托方|委托人|受托人|客户|服务商|服务方|品牌方|商家|运营方)';

const SIGNATURE_PATTERNS: RegExp[] = [
  /^IN\s+WITNESS\s+WHEREOF/i,
  // "ACCEPTED AND AGREED:" / Philippine "CONFORME:" over the client's signature
  /^(?:ACCEPTED\s+AND\s+AGREED|AGREED\s+AND\s+ACCEPTED|CONFORME)\b/i,
  // Australian and English execution blocks: "Executed as an agreement." / "Executed by … in accordance with s127"
  /^EXECUTED\s+(?:AS\s+(?:AN?\s+)?(?:AGREEMENT|DEED)|BY\b)/i,
  /^Signed\s+(?:for\s+and\s+)?on\s+behalf\s+of\b/i,
  // South African and English: "SIGNED at Durban on 20 February 2026 for …"
  /^Signed\s+at\s+[A-Z][\w .'-]{1,40}\s+on\s+/i,
  // New Zealand and Australian execution: "Signed as an agreement on …" / "Signed for Kōwhai Digital Limited by its director:"
  /^(?:Signed|Executed)\s+as\s+an?\s+(?:agreement|deed)\b/i,
  /^Signed\s+for\s+[^:]{2,80}\s+by\s+(?:its|their)\b/i,
  /^[（(【]?\s*(?:以下|此页)无正文/,
  /^[（(【]?\s*(?:本页|此页)为.{0,20}签(?:署|字)页/,
  /^签(?:署|字)页/,
  // the signing row of a contract drafted as a table: 签署 | 委托方（盖章）：…
  /^(?:签署|签字|签章|签字盖章|签署栏)$/,
  new RegExp(`^${SIGNING_PARTY}\\s*[（(]?\\s*(?:盖章|签章|签字|签名|公章|印章)`),
  // 甲方（服务商，盖章）：… / 乙方（委托方 签字）
  new RegExp(`^${SIGNING_PARTY}\\s*[（(][^）)]{1,12}[，,、\\s](?:盖章|签章|签字|签名|公章|印章)[)）]`),
  new RegExp(`^${SIGNING_PARTY}\\s*[:：]\\s*[（(]\\s*(?:盖章|签章|签字|公章)`),
  new RegExp(`^${SIGNING_PARTY}\\s*(?:[（(][^）)]*[)）])?\\s*[:：]?\\s*[（(]?(?:盖章|签章|签字)`),
  /^(?:法定代表人|授权代表|委托代理人)(?:或授权代表)?\s*[（(]?(?:签字|签章|签名)?[)）]?\s*[:：]\s*_*\s*$/,
  /^(?:By|Signature|Signed|Authori[sz]ed\s+Signature)(?:\s+and\s+(?:stamp|seal|company\s+stamp))?\s*:?\s*_{3,}/i,
  /^(?:By|Signature)\s*:\s*$/i,
  // Canadian corporate signing: "Per: ______" (by its authorised signatory)
  /^Per\s*:\s*_{3,}/i,
  // "For the Operator:  For the Retailer:" over the signing lines, and a line of nothing but signing blanks
  /^For\s+(?:and\s+on\s+behalf\s+of\s+)?(?:the\s+)?[A-Z][\w .&'-]{1,40}:(?:\s+For\s+(?:and\s+on\s+behalf\s+of\s+)?(?:the\s+)?[A-Z][\w .&'-]{1,40}:)?\s*$/,
  /^_{6,}(?:\s+_{6,})*\s*$/,
  // A signing line that opens with the party's name: "Bluefin Home Goods, Inc. By: ________ Name: … Title: …"
  /^[^.;:]{2,80}?\s(?:By|Signature)\s*:\s*_{3,}.*\b(?:Name|Title|Date|By)\s*:/i,
  /^Signed\s+(?:for|by|on behalf of)\b[^:]{0,80}:\s*_{3,}/i,
];

export function isSignatureStart(text: string): boolean {
  const t = text.trim();
  return SIGNATURE_PATTERNS.some((p) => p.test(t));
}

/** A document title: the first line of the document that names the kind of contract and is short. */
export function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  if (t.length > 80) return false;
  return /(?:合同|协议|协议书|契约|AGREEMENT|Agreement|CONTRACT|Contract|TERMS|Terms)\s*(?:[（(][^）)]*[)）])?\s*$/.test(t);
}

/**
 * The title of a document attached after the signatures without an annex number: 服务订单, 补充协议（一）,
 * Statement of Work No. 1, Order Form. What follows it is contract text (often the deal terms themselves), not
 * part of the signature block.
 */
const ATTACHMENT_TITLE =
  /^[《【]?[^，。；,;:：]{0,60}?(?:服务订单|订单|补充协议|补充条款|通用条款|一般条款|标准条款|工作说明书|服务说明书|服务清单|报价单|确认书|附表|STATEMENT\s+OF\s+WORK|Statement\s+of\s+Work|SOW|ORDER\s+FORM|Order\s+Form|SERVICE\s+ORDER|Service\s+Order|WORK\s+ORDER|Work\s+Order|INSERTION\s+ORDER|Insertion\s+Order|SUPPLEMENTAL\s+AGREEMENT|Supplemental\s+Agreement|ADDENDUM|Addendum|TERMS\s+AND\s+CONDITIONS|Terms\s+and\s+Conditions|(?:GENERAL|STANDARD)\s+TERMS(?:\s+(?:OF|FOR)\s+(?:SERVICES?|BUSINESS))?|(?:General|Standard)\s+Terms(?:\s+(?:of|for)\s+(?:Services?|Business))?|TERMS\s+OF\s+(?:SERVICE|BUSINESS)|Terms\s+of\s+(?:Service|Business))(?:\s*(?:No\.?|NO\.?|Number|NUMBER|#)?\s*[0-9A-Z一二三四五六七八九十]{0,4})?\s*(?:[（(][^）)]{0,12}[)）])?[》】]?(?:\s*(?:--|[-–—:：])\s*[A-Z\u4e00-\u9fff][^，。；,;]{0,60})?\s*$/;

export function looksLikeAttachmentTitle(text: string): boolean {
  const t = text.trim();
  return t.length <= 90 && ATTACHMENT_TITLE.test(t);
}
