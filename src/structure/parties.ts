import type { Block, DefinedTerm, Party, PartyRole } from '../types.js';
import { RECITALS_START } from './document-parts.js';

/**
 * Finding the parties and who is who. The labels (甲方, 乙方, "Company") say nothing about roles: a role comes
 * from a role word the contract attaches to a party (委托方, "Agency") or, failing that, from what the contract
 * makes each party do (who provides the services, who pays the fees).
 */

const CLIENT_WORDS_ZH = ['委托方', '委托人', '商家', '品牌方', '客户', '需求方', '采购方', '发包方', '店铺方', '招标人', '采购人', '招标方', '店主', '商户'];
const PROVIDER_WORDS_ZH = ['受托方', '受托人', '服务方', '代运营方', '运营方', '服务商', '服务供应商', '服务提供方', '承接方', '供应商', '代理商', '顾问方', '中标人', '中标方', '成交供应商'];
const CLIENT_WORDS_EN = ['client', 'customer', 'merchant', 'brand', 'brand owner', 'principal', 'advertiser', 'buyer', 'purchaser', 'retailer', 'owner', 'entrusting party', 'contracting party'];
const PROVIDER_WORDS_EN = [
  'agency', 'agent', 'service provider', 'provider', 'contractor', 'vendor', 'consultant', 'consultancy', 'supplier', 'operator',
  'promoter', 'marketer', 'manager', 'outsourcer', 'independent contractor', 'entrusted party',
];

const ZH_LABELS = '甲方|乙方|丙方|丁方';
const ZH_ROLE_LABELS = [...CLIENT_WORDS_ZH, ...PROVIDER_WORDS_ZH].join('|');
const IS_ZH_LABEL = new RegExp(`^(?:${ZH_LABELS})$`);

/** Whether a label is one of the words contracts name a party by (甲方, 委托方, "Client"), as it stands. */
export function isPartyWord(word: string): boolean {
  const w = word.trim().toLowerCase();
  return IS_ZH_LABEL.test(w) || roleOfListedWord(w) !== null;
}

function roleOfListedWord(w: string): PartyRole | null {
  if (CLIENT_WORDS_ZH.includes(w) || CLIENT_WORDS_EN.includes(w)) return 'client';
  if (PROVIDER_WORDS_ZH.includes(w) || PROVIDER_WORDS_EN.includes(w)) return 'provider';
  return null;
}

export function roleOfWord(word: string): PartyRole | null {
  const w = word.trim().toLowerCase().replace(/^the\s+/, '');
  const listed = roleOfListedWord(w);
  if (listed) return listed;
  // Chinese contracts coin their own role words (店铺所有人, 托管服务方, 运营服务商): read them by their parts.
  // A word with both sides in it (品牌供应商: the brand that supplies JD) says nothing; conduct decides.
  if (/[\u4e00-\u9fff]/.test(w)) {
    const provider = /受托|服务方|服务商|运营方|代运营|托管方|托管服务|顾问|供应商|承接/.test(w);
    const client = /委托|所有人|店主|品牌|商家|客户|需求方|采购方|发包/.test(w);
    if (provider !== client) return provider ? 'provider' : 'client';
  }
  return null;
}

function pos(block: Block) {
  return block.page ? { line: block.line, page: block.page } : { line: block.line };
}

function cleanName(raw: string): string {
  return raw
    .replace(/[（(](?:以下|下称|下面简称|简称|hereinafter|统一社会信用代码|统一编号|品牌|注册号|地址|住所|注册地|法定代表人|身份证)[^）)]*[）)]?/gi, '')
    .split(/\s{2,}|\t|[，,；;。]|(?:统一社会信用代码|统一编号|住所|地址|法定代表人|联系人|电话)/)[0]
    .replace(/[（(][^）)]*$/, '')
    .replace(/^[\s_:：]+|[\s_:：]+$/g, '')
    .trim();
}

/** 甲方（委托方）：杭州某某服饰有限公司 / 委托方（甲方）：… / 乙方：… */
function chinesePartyLines(blocks: Block[]): Party[] {
  const parties: Party[] = [];
  const re = new RegExp(
    // (the bracket may add the English role or a second word: 甲方（品牌方 / Brand Owner）, 乙方（委托方、店铺所有人）)
    `(?:^|\\s{2,})(${ZH_LABELS}|${ZH_ROLE_LABELS})\\s*(?:[（(]\\s*(?:以下)?(?:简称|称|下称)?\\s*[“"]?(${ZH_LABELS}|${ZH_ROLE_LABELS}|[\\u4e00-\\u9fff]{2,8})[”"]?(?:\\s*[/／、，,]\\s*[^）)]{1,30})?\\s*[)）])?\\s*[:：]\\s*(.*?)(?=\\s{2,}(?:${ZH_LABELS}|${ZH_ROLE_LABELS})|$)`,
    'g',
  );
  for (const block of blocks) {
    for (const m of block.text.matchAll(re)) {
      const [first, second, rawName] = [m[1], m[2], m[3]];
      // A model contract leaves the name blank (甲方（委托人）：____): the party is still there.
      if (/盖章|签字|签章|签名/.test(rawName)) continue;
      const cleaned = cleanName(rawName);
      const name = cleaned && !/^[_\s.…]*$/.test(cleaned) ? cleaned : undefined;
      const { label, alias } = labelAndAlias(first, second);
      if (parties.some((p) => p.label === label)) continue;
      // 刘某某（…，以下称“您”）: the name the rest of the contract uses for the party
      const called = rawName.match(/以下(?:简)?称(?:为)?\s*[“"「]([^”"」]{1,8})[”"」]/)?.[1];
      const aliases = [alias, called].filter((a): a is string => !!a && a !== label);
      parties.push({ role: null, label, ...(name ? { name } : {}), aliases, location: pos(block) });
    }
    // A details row without a colon: "1. 服务商（甲方）  成都某某有限公司，住所：…"
    const row = block.text.match(detailsRow);
    if (row && !parties.some((p) => p.label === row[1] || p.label === row[2])) {
      const { label, alias } = labelAndAlias(row[1], row[2]);
      parties.push({ role: null, label, name: cleanName(row[3].split(/[，,；;]/)[0]), aliases: alias ? [alias] : [], location: pos(block) });
    }
  }
  return parties;
}

/** Of 甲方 and 委托方 written together, in either order, 甲方 is the label and the role word its alias. */
function labelAndAlias(first: string, second: string | undefined): { label: string; alias: string | undefined } {
  const label = !IS_ZH_LABEL.test(first) && second && IS_ZH_LABEL.test(second) ? second : first;
  return { label, alias: label === first ? second : first };
}

const detailsRow = new RegExp(
  `^(?:\\d{1,2}[.、]\\s*|[一二三四五六七八九十]{1,3}、)?(${ZH_LABELS}|${ZH_ROLE_LABELS})\\s*(?:[（(](${ZH_LABELS}|${ZH_ROLE_LABELS})[)）])?\\s{2,}(\\S.*?(?:公司|商行|工作室|合作社|中心|门市部|经营部|店|厂|个体工商户)\\S*(?:[，,；;].*)?)$`,
);

const ENTITY_HINT =
  /\b(?:Inc\b|Incorporated|LLC|L\.L\.C\.|Ltd\b|Limited|Corp\b|Corporation|Company|Co\.|GmbH|LLP|L\.P\.|S\.A\.|plc|PLC|N\.V\.|B\.V\.|AG\b|Pty|individual|residing|organized|incorporated|existing under|a \w+ (?:corporation|company|limited)|partnership|registered office|Establishment|Commercial Registration|doing business as|d\/b\/a|trading as|sole (?:proprietor|trader)|spółka|sp\. z o\.o\.|有限公司)/i;
const COMPANY_SUFFIX = /\b(?:spółka|Sp\. z o\.o|S\.\s?(?:de|DE)\s?R\.L|ApS|A\/S|AB|Oy|SE|KG|S\.r\.l|SRL|SARL|SAS|S\.p\.A|K\.K|Pte|Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|GmbH|LLP|L\.P|plc|PLC|Pty|S\.A|N\.V|B\.V|AG|INC|LIMITED|LTD|CORPORATION|CORP|PTY)\b\.?/;
const NOT_PARTY_TERMS = /^(?:(?:client|customer|agency|provider|company|brand|merchant)\s+(?:data|accounts?|materials?|content|property|information|marks|assets|products|personnel|stores?|platforms?)|agreement|this agreement|effective date|services?|part(?:y|ies)|territory|products?|term|(?:minimum|initial|renewal|program) (?:term|period)|letter|engagement|program|schedule|exhibit|sow|statement of work|order form|affiliates?|confidential information|fees?|stores?|shops?|storefronts?|platforms?|marks?|channels?|website|accounts?|budget|kpis?)$/i;

/** `Northwind Apparel Ltd., a company … (“Client”)` and `hereinafter referred to as "Agency"`. */
function englishPartyDefinitions(blocks: Block[]): Party[] {
  const parties: Party[] = [];
  // (an opening set in capitals: (HEREINAFTER "THE COMPANY"); lower-cased in place, so every offset holds)
  const text = blocks.map((b) => b.text).join('\n').replace(/\b(?:HEREINAFTER|HEREIN|REFERRED TO AS|CALLED)\b/g, (w) => w.toLowerCase());
  // (the Client) / (the "Client"): without quotes only a role word counts as a definition.
  const bareRole = new RegExp(`[(（]\\s*(?:the\\s+)?(${[...CLIENT_WORDS_EN, ...PROVIDER_WORDS_EN].map((w) => w.replace(/\b\w/g, (c) => c.toUpperCase())).join('|')})\\s*[)）]`, 'g');
  const defRe =
    /[(（]\s*(?:each\s+a\s+["“]?Party["”]?\s*(?:and\s+collectively[^)]*)?)?(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?|herein\s+(?:referred\s+to\s+as\s+|called\s+)?|referred\s+to\s+(?:herein\s+)?as\s+|the\s+|collectively,?\s+)*(?:the\s+)?(?:["“](?:we|you|us)["”]\s*,\s*(?:the\s+)?)?["“'‘](?:the\s+)?([A-Z][A-Za-z .&-]{1,40}?)["”'’]\s*(?:(?:or|and|,)\s*(?:the\s+)?["“][^"”]+["”]\s*)*(?:,\s*which\s+expression[^)）]{0,240})?[)）]/g;
  let prevEnd = 0;
  // Civil-law drafting: "…, represented by …, hereinafter referred to as the “Operator”," with no brackets
  // (also in capitals: HEREINAFTER REFERRED TO AS "THE PRINCIPAL", as Latin-American drafting writes the opening)
  const runIn = /,\s*hereinafter\s+(?:referred\s+to\s+as|called)\s+(?:the\s+)?["“](?:the\s+)?([A-Z][A-Za-z .&-]{1,40}?)["”]\s*(?=[,;.]|$)/gim;
  // German drafting sets the definition off with dashes: – hereinafter "Client" – / – the "Principal" (Auftraggeber) –
  const dashed = /[–—]\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?["“]([A-Z][A-Za-z .&-]{1,40}?)["”]\s*(?:\([^)]{1,40}\)\s*)?[–—]/g;
  const matches = [...text.matchAll(defRe), ...text.matchAll(bareRole), ...text.matchAll(dashed), ...text.matchAll(runIn)].sort((a, b) => a.index! - b.index!);
  // Terms defined in the recitals ("sells them to Amazon.com Services LLC (“Amazon”)") are not parties.
  const lines = text.split('\n');
  const recitals = lines.findIndex((line) => RECITALS_START.test(line.trim()));
  const recitalsAt = recitals < 0 ? Infinity : lines.slice(0, recitals).join('\n').length;
  for (const m of matches) {
    if (parties.length >= 2 && m.index! > recitalsAt) break;
    const term = m[1].trim();
    const before = text.slice(prevEnd, m.index);
    prevEnd = m.index! + m[0].length;
    if (NOT_PARTY_TERMS.test(term) && roleOfWord(term) === null) continue;
    if (!ENTITY_HINT.test(before) && roleOfWord(term) === null) continue;
    // A third party must be a company named just before its definition, not a term defined in a clause far below.
    if (parties.length >= 2 && roleOfWord(term) === null && !COMPANY_SUFFIX.test(before.slice(-300))) continue;
    if (parties.some((p) => p.label === term)) continue;
    // (what follows "represented herein by its President, MR. …" names the signatory, not the party)
    const pieces = before.replace(/,?\s*(?:duly\s+)?represented\s+(?:herein\s+|hereby\s+)?by\b[^\n]*$/i, '').replace(/\bon\s+the\s+(?:one|other)\s+hand\b,?/gi, '').split(/\b(?:by\s+and\s+between|between|among|by|and)\b|\n|[;:]/i);
    // "… incorporated in England and Wales": the name is in the last piece that names a company, if any.
    const candidates = pieces.map((p) => companyAtEnd(p) ?? cleanEnglishName(p)).filter(Boolean);
    // (Gulf drafting names "… Digital Services Company" / "… Trading Establishment", then its representative)
    const name = [...candidates].reverse().find((c) => COMPANY_SUFFIX.test(c) || /\b(?:Company|Establishment)$/.test(c)) ?? candidates[candidates.length - 1] ?? '';
    const lineOfMatch = text.slice(0, m.index).split('\n').length - 1;
    const block = blocks[Math.min(lineOfMatch, blocks.length - 1)];
    parties.push({ role: null, label: term, name: name || undefined, aliases: [], location: block ? pos(block) : undefined });
    if (parties.length >= 4) break;
  }
  return parties;
}

/** China-drafted English: `Party A (Service Provider): Shenzhen … Co., Ltd.` — the label, its role in brackets, the name. */
function englishLabelledPartyLines(blocks: Block[]): Party[] {
  const parties: Party[] = [];
  const roleWords = [...CLIENT_WORDS_EN, ...PROVIDER_WORDS_EN].join('|');
  // (bilingual contracts add the Chinese label: Party A (the Operator / 甲方（运营方）): …)
  // (PARTY A (SERVICE PROVIDER): with the name on the next line; PARTY B (BRAND OWNER AND SELLER))
  const re = new RegExp(`^(Party [A-D])\\s*[（(]\\s*(?:the\\s+)?(${roleWords})\\b\\s*((?:(?:/|and\\b|&)[^:：]{0,40})?)[)）]\\s*[:：]\\s*(.{2,160})?$`, 'i');
  blocks.forEach((block, i) => {
    const m = re.exec(block.text.trim());
    if (!m || parties.some((p) => p.label.toLowerCase() === m[1].toLowerCase())) return;
    const name = cleanEnglishName(m[4] ?? blocks[i + 1]?.text ?? '');
    if (!m[4] && !COMPANY_SUFFIX.test(name)) return;
    const aliases = [m[2].toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase())];
    const chinese = /(甲方|乙方|丙方)(?:\s*[（(]\s*([\u4e00-\u9fff]{2,6})\s*[)）])?/.exec(m[3]);
    if (chinese) aliases.push(...chinese.slice(1).filter((w): w is string => !!w));
    parties.push({ role: null, label: m[1].replace(/^party/i, 'Party'), name: name || undefined, aliases, location: pos(block) });
  });
  return parties;
}

// (Contracting Party: Latin-American drafting's "contratante", the one who hires the Contractor)
const DETAIL_WORDS = 'Client|Customer|Provider|Service Provider|Supplier|Agency|Consultant|Contracting Party|Contractor|Vendor|Merchant|Brand|Partner|Operator|Manager|Seller|Retailer|Principal|Company';
const KNOWN_DETAIL_LABEL = new RegExp(`^(?:${DETAIL_WORDS})$`, 'i');
const KNOWN_DETAIL_ROW = new RegExp(`^(?:[A-Z]?\\d{1,2}[.)]?\\s+)?(${DETAIL_WORDS})\\s*(?::\\s*$|$|\\s{2,}(.+)$)`, 'i');

/** Cover-page style: `Provider: Acme Inc.` / `Customer Name: …` */
function englishCoverPageParties(blocks: Block[]): Party[] {
  const parties: Party[] = [];
  // A PDF may run "…China Party B: Ningbo…" into one line: each label starts its own entry.
  const lines = blocks.flatMap((b) => b.text.split(/\s+(?=Party [A-D]\s*:)/).map((text) => ({ ...b, text })));
  // A details table ("1. Customer" ⏎ "Wattle & Stone Pty Ltd (ACN …) of …"): the label alone, the name after it.
  // The label may be any word the contract goes on to use as a defined term ("Specialist" | "Coastline … Pty Ltd",
  // then "The Specialist will provide …").
  const text = lines.map((l) => l.text).join('\n');
  const usedAsTerm = (word: string) => (text.match(new RegExp(`\\b[Tt]he ${escapeRe(word)}\\b`, 'g'))?.length ?? 0) >= 3;
  for (let i = 0; i + 1 < lines.length; i++) {
    const label =
      KNOWN_DETAIL_ROW.exec(lines[i].text.trim()) ??
      /^(?:[A-Z]?\d{1,2}[.)]?\s+)?([A-Z][a-z]{3,20}(?: [A-Z][a-z]{3,20})?)\s*(?::\s*$|$|\s{2,}(.+)$)/.exec(lines[i].text.trim());
    if (!label || parties.some((p) => p.label.toLowerCase() === label[1].toLowerCase())) continue;
    const name = cleanEnglishName(label[2] ?? lines[i + 1].text);
    // the company first: counting a word's uses in the whole text is the costly test, and most labels name no company
    if (!name || !COMPANY_SUFFIX.test(name)) continue;
    if (!KNOWN_DETAIL_LABEL.test(label[1]) && !usedAsTerm(label[1])) continue;
    parties.push({ role: null, label: label[1].replace(/\b\w/g, (c) => c.toUpperCase()), name, aliases: [], location: pos(lines[i]) });
  }
  for (const block of lines) {
    const m = /^(Party [A-D]|Client|Customer|Provider|Service Provider|Agency|Consultant|Contractor|Vendor|Merchant|Supplier|Company|Advertiser)(?:\s+(?:Name|Legal Name))?\s*:\s*(.{2,120})$/i.exec(block.text.trim());
    if (!m) continue;
    const label = m[1].replace(/\b\w/g, (c) => c.toUpperCase());
    if (parties.some((p) => p.label === label)) continue;
    const name = cleanEnglishName(m[2].split(/\s{2,}/)[0]);
    if (!name || /^[_\s[\]{}]*$/.test(name)) continue;
    parties.push({ role: null, label, name, aliases: [], location: pos(block) });
  }
  return parties;
}

/**
 * The company a phrase ends on: "Thank you for choosing Harbourline Digital Pty Ltd" → "Harbourline Digital Pty Ltd",
 * "the channels of Wattle & Stone Skincare Pty Ltd" → "Wattle & Stone Skincare Pty Ltd" (capitalised words up to the
 * company suffix). Undefined where the phrase does not end on one.
 */
function companyAtEnd(phrase: string): string | undefined {
  const m = /((?:[A-Z][\w.'’&-]*|&)(?:\s+(?:[A-Z][\w.'’&-]*|&))*\s+(?:Pty\.?\s+Ltd|Pte\.?\s+Ltd|Co\.,?\s+Ltd|Ltd|Limited|Inc|LLC|GmbH|PLC|plc|LLP|Corp(?:oration)?|AG|AS|BV|B\.V|SAS|S\.A|SRL)\.?)\s*[,;]?\s*$/.exec(phrase.trim());
  return m?.[1];
}

/**
 * "Lumen Skincare Pty Ltd (ABN 12 345) of 40 George Street" → "Lumen Skincare Pty Ltd": the name ends at a
 * bracket, at "of <address>", or at a comma that does not introduce a company suffix (", Inc.").
 */
function cleanEnglishName(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').replace(/^[\s,;:.]+/, '').trim().replace(/^(?:\(\s*(?:\d{1,2}|[a-z]|[ivx]+)\s*\)|\d{1,2}[.)]|[1-4](?=\s+[A-Z]))\s*/i, '');
  s = s.split(/\s*[(（]/)[0];
  s = s.split(/\s+(?:of|at|located at|with (?:its|a) (?:principal|registered))\s+(?=\d|[A-Z])/)[0];
  s = s.split(/\s+with\s+(?:its|a)\s+(?:principal|registered)\b/)[0];
  s = s.split(/\s+(?:incorporated|registered|organi[sz]ed|existing|whose|having|located|duly)\b/)[0];
  // Australian, Singaporean, Nigerian and UK registration numbers follow the name: "… Pty Ltd ABN 12 345 678 901"
  s = s.split(/\s+(?:ABN|ACN|ARBN|UEN|RC|CRN|EIN|Company (?:No|Number)\.?|Registration (?:No|Number)\.?)\b/)[0];
  // (", INC." in a name set in capitals is as much a suffix as ", Inc.")
  const comma = /,(?!\s*(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Co\b|LLP|L\.P|N\.A|S\.A|S\.\s?(?:de|DE) R\.L|Ltda|PLC|plc|GmbH|INC|LTD|LIMITED|CORP|CO\b|GMBH))/.exec(s);
  if (comma) s = s.slice(0, comma.index);
  return s.replace(/^[\s,"“]+|[\s,"”]+$/g, '').replace(/^(?:the\s+)/i, '').trim();
}

/**
 * An engagement letter ("Dear Daniel, … we will … you may …") and web-style terms of service (Acme Inc. ("Acme",
 * "we", "us") … the customer … is "you") name their parties as "we" and "you"; who provides the services is then
 * decided by conduct like any other label.
 */
function letterParties(blocks: Block[]): Party[] {
  const text = blocks.map((b) => b.text).join('\n');
  // "Dear Ms Lee," in a letter; "Hi Dana," in an engagement sent as an email.
  const salutation = blocks.slice(0, 40).find((b) => /^(?:Dear|Hi|Hello)\s+\S[^.!?]{0,40}[,，:]?$/.test(b.text.trim()));
  // ("we", "us") in quotes, or (we, us) as plain-English terms of business write it
  const definition = blocks.slice(0, 80).find((b) => /["“]we["”]|\(\s*we\s*(?:,|and|or)\s*us\b/i.test(b.text) || /["“]I["”]/.test(b.text));
  // (the other side: "you" in quotes, (you), or you ("Pinecrest", …) defined by its own name)
  const defined = definition && blocks.slice(0, 80).some((b) => /["“]you["”]|\byou\s*[(（]\s*["“]|\(\s*you\s*\)/i.test(b.text));
  const opening = salutation ?? (defined ? definition : undefined);
  if (!opening) return [];
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  // A sole trader writes in the singular ("I'll be running your online shops"); "we" is then both of them together.
  const singular = count(/\b(?:I|I'll|I'm|I've|I'd|me|my)\b/g) > count(/\b(?:we|us|our)\b/gi);
  const [self, selfForms, ourWord] = singular ? ['I', ['me', 'my'], 'my'] : ['we', ['us', 'our'], 'our'];
  if (count(new RegExp(`\\b(?:${[self, ...selfForms].join('|')})\\b`, singular ? 'g' : 'gi')) < 5 || count(/\b(?:you|your)\b/gi) < 5) return [];
  // Who serves whom: "we'll run your shop", "we invoice you" against "you'll run our campaigns", "we will pay you".
  const weServe = count(new RegExp(`\\b${self}(?:'ll| will| shall)?\\s+(?:run|manage|operate|provide|handle|deliver|invoice|bill)\\b|\\byour\\s+(?:shop|store|brand|accounts?|listings|products)\\b|\\byou(?:'ll| will| shall)?\\s+pay\\b`, 'gi'));
  const youServe = count(new RegExp(`\\byou(?:'ll| will| shall)?\\s+(?:run|manage|operate|provide|deliver|invoice|bill)\\b|\\b${ourWord}\\s+(?:shop|store|brand|accounts?|listings)\\b|\\b${self}(?:'ll| will| shall)?\\s+pay\\b`, 'gi'));
  const [we, you]: Array<PartyRole | null> = weServe > youServe ? ['provider', 'client'] : youServe > weServe ? ['client', 'provider'] : [null, null];
  const source = we ? { roleSource: 'conduct' as const } : {};
  return [
    { role: we, label: self, aliases: selfForms, location: pos(opening), ...source },
    { role: you, label: 'you', aliases: ['your'], location: pos(opening), ...source },
  ];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What is paid is a fee, not a deposit or a penalty: 乙方向甲方支付履约保证金 says nothing of who serves whom. */
const NOT_A_FEE = '(?![^。；]{0,12}(?:保证金|押金|违约金|赔偿|罚金))';

/**
 * How strongly the text makes `label` the provider (positive) or the client (negative): who provides or performs
 * the services, who pays or engages whom.
 */
function conductScore(text: string, label: string, others: string[]): number {
  const L = escapeRe(label);
  const O = others.length ? `(?:${others.map(escapeRe).join('|')})` : '(?!)';
  const provider: RegExp[] = [
    new RegExp(`由${L}[^。；]{0,12}(?:提供|负责)[^。；]{0,25}(?:服务|运营|推广)`, 'g'),
    new RegExp(`${L}[^。；，]{0,8}(?:为|向)[^。；]{0,15}提供[^。；]{0,25}(?:服务|运营|推广)`, 'g'),
    new RegExp(`${L}[^。；，]{0,8}(?:从事|专业从事|具备|具有)[^。；]{0,25}(?:运营|推广|代运营)`, 'g'),
    new RegExp(`向${L}支付${NOT_A_FEE}`, 'g'),
    new RegExp(`\\b${L}\\s+(?:provides|performs|operates|manages|runs|will operate|shall operate|will manage|shall manage)\\b`, 'g'),
    new RegExp(`\\bpay\\s+(?:to\\s+)?(?:the\\s+)?${L}\\b`, 'g'),
    new RegExp(`${L}(?:应|将|负责|同意|须|应当|有权)?(?:按照[^，。]{0,20})?(?:向|为)${O}提供[^。；]{0,30}(?:服务|运营|推广)`, 'g'),
    new RegExp(`${L}(?:应|将|负责|同意|须|应当)?(?:负责|提供|承担)[^。；]{0,12}(?:代运营|运营服务|店铺运营|推广服务)`, 'g'),
    // Plain-spoken contracts: 甲方把店铺交给乙方代运营, 乙方负责店铺日常运营, 转到乙方账户, 给乙方提成, 乙方开收据.
    new RegExp(`交(?:给|由)${L}(?:代运营|运营|托管|管理|打理)`, 'g'),
    new RegExp(`${L}负责[^。；，]{0,8}(?:运营|推广|托管)`, 'g'),
    new RegExp(`(?:转|付|打|汇)(?:到|给|至|入)${L}`, 'g'),
    new RegExp(`给${L}(?:提成|分成|佣金|服务费)`, 'g'),
    new RegExp(`${L}(?:应|须|负责)?(?:开|开具)(?:收据|发票)`, 'g'),
    new RegExp(`${O}(?:应|须|同意|应当)?(?:按[^，。]{0,20})?向${L}支付${NOT_A_FEE}`, 'g'),
    new RegExp(`${O}(?:委托|聘请|授权)${L}`, 'g'),
    new RegExp(`\\b${L}\\s+(?:shall|will|agrees\\s+to|must)\\s+(?:\\w+\\s+){0,3}(?:provide|perform|render|deliver)\\b`, 'g'),
    new RegExp(`\\bservices\\s+(?:to\\s+be\\s+)?(?:provided|performed|rendered)\\s+by\\s+(?:the\\s+)?${L}\\b`, 'g'),
    new RegExp(`\\b${O}\\s+(?:shall|will|agrees\\s+to)\\s+pay\\s+(?:to\\s+)?(?:the\\s+)?${L}\\b`, 'g'),
    new RegExp(`\\b${O}\\s+(?:hereby\\s+)?(?:engages|retains|appoints|hires|(?:wishes|desires|agrees|intends)\\s+to\\s+(?:engage|retain|appoint|hire))\\s+(?:the\\s+)?${L}\\b`, 'g'),
    // 现委托乙方协助开展… / 特委托乙方提供…
    new RegExp(`(?:现|特|兹|故)委托${L}(?:协助|提供|负责|开展|代为|为|进行|运营)`, 'g'),
    new RegExp(`\\bfees?\\s+(?:payable|due)\\s+to\\s+(?:the\\s+)?${L}\\b`, 'g'),
  ];
  const client: RegExp[] = [
    new RegExp(`${L}[^。；，]{0,10}向[^。；，]{0,10}支付`, 'g'),
    new RegExp(`\\b${L}\\s+(?:pays|will pay|shall pay|agrees to pay)\\b`, 'g'),
    new RegExp(`${L}(?:应|须|同意|应当)?(?:按[^，。]{0,20})?向${O}支付${NOT_A_FEE}`, 'g'),
    new RegExp(`${L}(?:委托|聘请|授权)${O}`, 'g'),
    new RegExp(`${O}(?:应|将|负责|同意|须|应当)?(?:向|为)${L}提供[^。；]{0,30}(?:服务|运营|推广)`, 'g'),
    new RegExp(`\\b${L}\\s+(?:shall|will|agrees\\s+to)\\s+pay\\b`, 'g'),
    new RegExp(`\\b${L}\\s+(?:hereby\\s+)?(?:engages|retains|appoints|hires)\\b`, 'g'),
    new RegExp(`\\bfees?\\s+(?:payable|due)\\s+by\\s+(?:the\\s+)?${L}\\b`, 'g'),
    new RegExp(`\\bservices\\s+(?:to|for)\\s+(?:the\\s+)?${L}\\b`, 'g'),
  ];
  const count = (res: RegExp[]) => res.reduce((n, re) => n + (text.match(re)?.length ?? 0), 0);
  return count(provider) - count(client);
}

export interface PartyAnalysis {
  parties: Party[];
  definedTerms: DefinedTerm[];
}

/** Defined terms: (“Services”), "Services" means …, “服务”是指 / 本合同所称“…” */
export function findDefinedTerms(blocks: Block[]): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  const seen = new Set<string>();
  const res = [
    /[(（]\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?["“]([^"”]{1,40})["”]\s*[)）]/g,
    /["“]([^"”]{1,40})["”]\s+(?:means|shall\s+mean|refers\s+to|has\s+the\s+meaning)/g,
    /“([^”]{1,20})”\s*(?:是指|指|系指)/g,
    /[（(](?:以下)?(?:简称|下称)\s*[“"]?([^”"）)]{1,12})[”"]?\s*[)）]/g,
  ];
  for (const block of blocks) {
    for (const re of res) {
      for (const m of block.text.matchAll(re)) {
        const term = m[1].trim();
        if (!term || seen.has(term)) continue;
        seen.add(term);
        terms.push({ term, location: pos(block) });
      }
    }
  }
  return terms;
}

/**
 * A details table (| 甲方 | 佛山某某电器有限公司 |, | Advertiser | Brightwater Pet Nutrition, Inc. |) comes as one
 * block per cell: a label cell and the cell after it are read as one line, "甲方：佛山…" / "Advertiser: Brightwater…".
 */
function joinDetailCells(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    // 一、甲方（委托方） in a clause table: the number is not part of the label.
    const label = b.text.trim().replace(/^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]\s*)/, '');
    if (b.kind === 'table-cell' && next?.kind === 'table-cell' && DETAIL_LABEL.test(label)) {
      const value = next.text.trim().replace(/^(?:名称|公司名称|Name)\s*[:：]\s*/i, '');
      out.push({ ...b, text: `${label}${/[\u4e00-\u9fff）)]$/.test(label) ? '：' : ': '}${value}` });
      i++;
    } else out.push(b);
  }
  return out;
}

// 甲方（运营服务方）: the word in brackets may be one the contract coins; the party analysis reads its role.
const DETAIL_LABEL = new RegExp(`^(?:甲方|乙方|丙方|${ZH_ROLE_LABELS}|Party [A-D]|Client|Customer|Provider|Service Provider|Supplier|Agency|Consultant|Contractor|Vendor|Merchant|Brand|Advertiser)(?:\\s*[（(](?:甲方|乙方|丙方|${ZH_ROLE_LABELS}|[\\u4e00-\\u9fff]{2,8})[)）])?$`, 'i');

/**
 * Three-party deals name two parties together: 甲方、乙方（以下合称"委托方"）/ Party A and Party B (together, the
 * "Client"). The collective name is an alias of each, so its role word gives both their role and a clause that
 * grants the 委托方 a right grants it to them.
 */
function addCollectiveNames(parties: Party[], blocks: Block[]): void {
  const text = blocks.map((b) => b.text).join('\n');
  const labels = parties.map((p) => escapeRe(p.label)).join('|');
  if (!labels) return;
  const re = new RegExp(`(${labels})\\s*(?:、|和|与|及|and)\\s*(${labels})\\s*[（(,，]?\\s*(?:以下)?(?:合称|统称|共同称为|together,?\\s+(?:the\\s+)?|collectively,?\\s+(?:the\\s+)?)\\s*[“"]?([\\u4e00-\\u9fff]{2,6}|[A-Z][A-Za-z ]{1,30}?)[”"]`, 'g');
  for (const m of text.matchAll(re)) {
    if (roleOfWord(m[3]) === null) continue;
    for (const label of [m[1], m[2]]) {
      const p = parties.find((x) => x.label === label);
      if (p && !p.aliases.includes(m[3])) p.aliases.push(m[3]);
    }
  }
}

/**
 * One party defined by several names at once: (“Tallowlight”, “we”, “us” or “our”) / (“Customer” or “you”). The
 * other names become aliases of the party one of them already names, so that "You own the Customer Accounts" is
 * the client speaking of its own accounts.
 */
function addQuotedAliases(parties: Party[], blocks: Block[]): void {
  const text = blocks.map((b) => b.text).join('\n');
  for (const m of text.matchAll(/[(（]\s*((?:(?:the\s+)?["“][^"”]{1,30}["”]\s*(?:,|;|\bor\b|\band\b)?\s*){2,6})[)）]/g)) {
    const names = [...m[1].matchAll(/["“]([^"”]{1,30})["”]/g)].map((x) => x[1].trim());
    const party = parties.find((p) => names.some((n) => n === p.label || p.aliases.includes(n)));
    if (!party) continue;
    // "you" brings "your" with it, "we" brings "us" and "our": the contract speaks of the party in all of them
    const forms = names.flatMap((n) => (n === 'you' ? ['you', 'your'] : n === 'we' ? ['we', 'us', 'our'] : [n]));
    for (const n of forms) if (n !== party.label && !party.aliases.includes(n)) party.aliases.push(n);
  }
}

/**
 * Parties from the preamble (and, for cover-page contracts, the first blocks), then roles: role words first,
 * then conduct over the whole text; in a two-party contract, one known role gives the other.
 */
export function analyseParties(preamble: Block[], blocks: Block[]): PartyAnalysis {
  const allBlocks = joinDetailCells(blocks);
  const head = preamble.length ? joinDetailCells(preamble) : allBlocks.slice(0, 30);
  let parties = chinesePartyLines(head);
  if (parties.length < 2) {
    const fromWholeStart = chinesePartyLines(allBlocks.slice(0, 60));
    if (fromWholeStart.length > parties.length) parties = fromWholeStart;
  }
  if (parties.length < 2) {
    const labelled = englishLabelledPartyLines(allBlocks.slice(0, 40));
    if (labelled.length > parties.length) parties = labelled;
  }
  if (parties.length < 2) {
    const en = englishPartyDefinitions(head.length > 3 ? head : allBlocks.slice(0, 60));
    if (en.length > parties.length) parties = en;
  }
  if (parties.length < 2) {
    const cover = englishCoverPageParties(allBlocks.slice(0, 80));
    if (cover.length > parties.length) parties = cover;
  }
  if (parties.length < 2) {
    const letter = letterParties(allBlocks);
    if (letter.length > parties.length) parties = letter;
  }

  // "Contractor" in the cover table and "CONTRACTOR:" over a signature line are one party
  parties = parties.filter((p, i) => parties.findIndex((q) => q.label.toLowerCase() === p.label.toLowerCase()) === i);
  addCollectiveNames(parties, allBlocks.slice(0, 40));
  addQuotedAliases(parties, allBlocks.slice(0, 80));
  for (const p of parties) {
    const role = [p.label, ...p.aliases].map(roleOfWord).find((r) => r !== null) ?? null;
    if (role) {
      p.role = role;
      p.roleSource = 'label';
    }
  }
  // The same role word on both sides ("Company" and "Company Affiliate", a Jumia "Vendor" and its "Operator") tells
  // nothing: decide by conduct.
  const providers = parties.filter((p) => p.role === 'provider');
  const clients = parties.filter((p) => p.role === 'client');
  if (providers.length >= 2 || (clients.length >= 2 && providers.length === 0)) {
    for (const p of providers.length >= 2 ? providers : clients) {
      p.role = null;
      delete p.roleSource;
    }
  }
  const roles = parties.map((p) => p.role);
  if (parties.length >= 2 && roles.filter((r) => r === 'provider').length !== 1) {
    const text = allBlocks.map((b) => b.text).join('\n');
    const unknown = parties.filter((p) => p.role === null);
    if (unknown.length > 0) {
      const scored = unknown.map((p) => ({
        p,
        score: conductScore(text, p.label, parties.filter((o) => o !== p).map((o) => o.label)),
      }));
      scored.sort((a, b) => b.score - a.score);
      const hasProvider = parties.some((p) => p.role === 'provider');
      const hasClient = parties.some((p) => p.role === 'client');
      if (!hasProvider && scored[0].score > 0) {
        scored[0].p.role = 'provider';
        scored[0].p.roleSource = 'conduct';
      }
      const last = scored[scored.length - 1];
      if (!hasClient && last.p.role === null && last.score < 0) {
        last.p.role = 'client';
        last.p.roleSource = 'conduct';
      }
    }
  }
  if (parties.length === 2) {
    const [a, b] = parties;
    const opposite = (r: PartyRole): PartyRole => (r === 'client' ? 'provider' : 'client');
    if (a.role && !b.role) Object.assign(b, { role: opposite(a.role), roleSource: a.roleSource });
    else if (b.role && !a.role) Object.assign(a, { role: opposite(b.role), roleSource: b.roleSource });
  }
  return { parties, definedTerms: findDefinedTerms(allBlocks) };
}
