/**
 * Telling a clause's heading from its body: 第一条 服务内容 → 服务内容; 1.1 Services. The Agency shall… → Services;
 * 1.1 服务期限：自… → 服务期限; 1.1 乙方应当… → no heading.
 */

const CJK = /[\u3400-\u9fff]/;
const SENTENCE_END = /[。；;！!？?]/;
const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'from', 'into', 'upon', 'its',
  'vs', 'per', 'under', 'between', 'not', 'no',
]);

export function isCjkText(s: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (const ch of s) {
    if (CJK.test(ch)) cjk++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return cjk > 0 && cjk * 2 >= latin / 3;
}

function isTitleCaseWords(s: string): boolean {
  const words = s.replace(/\([^)]*\)/g, '').split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0) return false;
  return words.every((w, i) => {
    const bare = w.replace(/^[("'“‘]+|[)"'”’,;:.]+$/g, '');
    if (!bare) return true;
    if (i > 0 && SMALL_WORDS.has(bare.toLowerCase())) return true;
    return /^[A-Z0-9]/.test(bare) || /^[^A-Za-z]/.test(bare);
  });
}

const stripTrailing = (s: string) => s.replace(/[\s:：.．。、\-–—]+$/u, '').trim();

/** A short line with no sentence punctuation, as a heading standing alone ("DEFINITIONS", "服务内容"). */
export function looksLikeStandaloneHeading(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 60) return false;
  const body = stripTrailing(t);
  if (!body || SENTENCE_END.test(body) || /[,，]/.test(body)) return false;
  if (isCjkText(body)) return body.length <= 20;
  const words = body.split(/\s+/);
  return words.length <= 8 && (body === body.toUpperCase() || isTitleCaseWords(body));
}

/**
 * The heading within the text that follows a clause number, or null where the clause starts with its body.
 * `styledHeading` marks a paragraph the source styles as a heading: then all of it is the heading.
 */
export function splitHeading(rest: string, styledHeading = false): string | null {
  const t = rest.trim();
  if (!t) return null;
  if (styledHeading) return stripTrailing(t) || null;
  // Japanese-style drafting puts the title in brackets after the number: Article 5 (Inspection of Deliverables) / 第五条（定义）
  const bracketed = /^[（(]([^（）()]{1,40})[)）]$/.exec(t);
  if (bracketed && !/^\d+$|^[a-z]{1,3}$/i.test(bracketed[1].trim())) return bracketed[1].trim();

  if (isCjkText(t)) {
    // Whole rest is a short title: 服务内容 / 服务内容：
    const whole = stripTrailing(t);
    // 服务费用如下表所示： introduces what follows; 服务内容： names the clause.
    const endsSentence = /[。；;！!？?，,]$/.test(t) || (/[:：]$/.test(t) && /如下|下列|以下|包括|所示|为[:：]$|中[:：]$/.test(t));
    const startsWithSubject = /^(?:甲方|乙方|丙方|双方|任何一方|本合同|本协议)/.test(whole) && whole.length > 8;
    if (whole.length <= 20 && !endsSentence && !startsWithSubject && !SENTENCE_END.test(whole) && !/[，,]/.test(whole)) return whole;
    // 服务期限：自2026年… / 【服务内容】乙方应…
    const bracket = /^【([^】]{1,20})】/.exec(t);
    if (bracket) return bracket[1].trim();
    const colon = /^([^：:，,。；;]{1,12})[：:]/.exec(t);
    if (colon && !/(?:甲方|乙方|丙方|双方)$/.test(colon[1]) && !/[应须将在为由于]|如下|下列|以下|包括|所示|中$/.test(colon[1])) return colon[1].trim();
    return null;
  }

  const whole = stripTrailing(t);
  const words = whole.split(/\s+/);
  const allCaps = whole === whole.toUpperCase();
  // "2. Campaigns." standing alone is a list item that happens to be short; a heading carries no full stop.
  // A comma may list the subjects of an all-capitals heading ("ACCOUNTS, DATA AND CONTENT"), not of a title-case one.
  if (words.length <= 8 && !SENTENCE_END.test(whole) && (allCaps ? /[A-Z]/.test(whole) : !/,/.test(whole) && isTitleCaseWords(whole) && !/\.$/.test(t))) {
    return whole;
  }
  // Sentence-case headings ("Term and termination", "Client obligations"): short, capitalised, no verb.
  if (words.length <= 6 && /^[A-Z]/.test(whole) && !/[.;:,]/.test(t.slice(-1)) && !SENTENCE_END.test(whole) && !/,/.test(whole) && !/\b(?:shall|will|may|must|is|are|agrees?|means|has|have|was|were)\b/i.test(whole)) {
    return whole;
  }
  // Services. The Agency shall… / TERM AND TERMINATION. This Agreement… / Fees: …
  const lead = /^([^.:;]{1,80}?)(?:\.|:)\s+(?=\S)/.exec(t);
  if (lead) {
    const candidate = lead[1].trim();
    const n = candidate.split(/\s+/).length;
    if (n <= 8 && /[A-Za-z]/.test(candidate) && (candidate === candidate.toUpperCase() || isTitleCaseWords(candidate))) {
      return candidate;
    }
  }
  // Storefront management. The Agency will… (sentence case, a few words, then a new sentence)
  const sentenceLead = /^([A-Z][a-z]+(?:\s+[a-z]+){0,3})(?:\.\s+[A-Z]|:\s)/.exec(t);
  if (sentenceLead && !/\b(?:shall|will|may|must|is|are|agrees?|means|has|have)\b/i.test(sentenceLead[1])) return sentenceLead[1];
  // "Confidentiality - Each party…" / "Term – This…"
  const dash = /^([A-Z][^.;:]{0,60}?)\s+[-–—]\s+/.exec(t);
  if (dash && dash[1].split(/\s+/).length <= 6 && isTitleCaseWords(dash[1])) return dash[1].trim();
  return null;
}
