/**
 * Whether a match is negated by what comes just before it in its sentence: 乙方不保证销售额 / 并不承诺 /
 * "does not guarantee" / "makes no representation". Only the words just before count, so 保证…不低于 stays
 * a guarantee.
 */
const ZH_CUES = /(?:不|未|无|非|没有|并不|不会|不得|不予|无法|不能|不作|不做|拒绝|禁止|严禁)\s*$/;
const EN_CUES = /\b(?:not|no|never|neither|nor|without|cannot|can't|won't|doesn't|don't|isn't|makes?\s+no|gives?\s+no|prohibited\s+from|shall\s+not|will\s+not|does\s+not|do\s+not|is\s+not)\b(?:\s+\w+){0,3}\s*$/;

/** 乙方不对店铺成交额、利润或其他销售结果作出（任何）承诺: the negation opens a phrase that ends just before the match. */
const ZH_NOT_MAKING = /不(?:对|就|向)[^，,。；;]{1,30}(?:作出|做出|作|给予|提供)(?:任何)?\s*$/;

/** 双方均不对对方的间接损失…承担赔偿责任: "not, for <what>, bear" — the match is the verb the negation governs. */
const ZH_NOT_FOR = /不(?:对|就|向|为)[^，,。；;]{1,30}$/;

/** Words that begin like a negation but do not negate: 无条件保证 is the strongest guarantee, not none. */
const NOT_NEGATING = /无条件|不可撤销|不仅|不但|不断|无论|非常|\bnot\s+only\b/g;

export function isNegated(text: string, sentenceStart: number, matchStart: number): boolean {
  const before = text.slice(Math.max(sentenceStart, matchStart - 40), matchStart).replace(NOT_NEGATING, (w) => '·'.repeat(w.length));
  const zhWindow = before.slice(-6);
  return (
    ZH_CUES.test(zhWindow) ||
    /(?:不|未|无|非)[^，,。；;]{0,3}$/.test(zhWindow.slice(-4)) ||
    ZH_NOT_MAKING.test(before) ||
    (ZH_NOT_FOR.test(before) && /^(?:承担|负|赔偿|支付)/.test(text.slice(matchStart))) ||
    EN_CUES.test(before)
  );
}
