import type { PartyRole } from '../../types.js';
import { compileCondition } from '../conditions.js';
import { sentenceAt, type DocumentView, type Unit } from '../document-view.js';
import type { ConditionSpec } from '../types.js';
import { isNegated } from '../negation.js';
import type { KindRunner } from './kind.js';
import type { Match } from '../conditions.js';

const DEFAULT_MUTUAL = compileCondition([
  '双方', '任何一方', '任一方', '各方', '每一方', '彼此', '相互', '互不', '一方(?:均|都)',
  // (whole words: "for each breach Party B shall pay" has "each party" inside "breach party")
  '\\beither party', '\\bneither party', '\\beach party', '\\bboth parties', '\\beach of the parties', '\\bthe parties', '\\bmutual(?:ly)?',
  '\\bparty (?:hereto )?shall not be liable to the other',
]);

/** A sentence that caps or limits liability rather than imposing it. */
const CAP = /总额[^。；]{0,40}(?:为限|不超过|不得超过)|最高不超过|上限|不超过[^。；]{0,20}(?:总额|服务费)|\bcap(?:ped)?\b|shall not exceed|in (?:the )?aggregate|maximum (?:aggregate )?liability|total liability/;
/** "…以…为限" / "limited to": a cap when it bounds the liability the match names, a measure of damages otherwise. */
const LIMITED = /为限|limited to/;

/** Words before a mention that make it the object or the cause, not the one exempted: 对甲方的损失 / 因甲方原因 / liable to Client. */
const OBJECT_MARKER = /(?:对|向|给|为|替|就|因|由于|赔偿|补偿|支付|退还|返还|against|to|toward|towards|for|by|pay|paid|owe|reimburse|indemnify|hold)\s*(?:the\s+)?$/;
/** The party that bears a liability in Chinese: 由甲方承担, 甲方应赔偿, 甲方负责. */
const ZH_BEARS = /^\s*(?:应当?|须|承担|负责|赔偿|支付|自行承担)/;
/** In English the party a clause binds is the one before its verb: "Client shall pay Agency…". */
const FOLLOWED_BY_VERB = /^\s*(?:'s\s+\w+\s+)?(?:shall|will|must|may|agrees?|is|are|does|do|be|has|have|hereby|cannot|can)\b/;

function mentions(view: DocumentView, text: string, from: number, to: number) {
  const found: Array<{ start: number; length: number; role: PartyRole | null; label: string; object: boolean }> = [];
  for (const p of view.partyTerms) {
    let i = text.indexOf(p.term, from);
    while (i >= 0 && i < to) {
      const overlapped = found.some((f) => i >= f.start && i < f.start + 1 && f.label !== p.label);
      const wordOk = /[\u3400-\u9fff]/.test(p.term) || (!/[a-z]/.test(text[i - 1] ?? '') && !/[a-z]/.test(text[i + p.term.length] ?? ''));
      if (!overlapped && wordOk) {
        found.push({ start: i, length: p.term.length, role: p.role, label: p.label, object: OBJECT_MARKER.test(text.slice(Math.max(0, i - 12), i)) });
      }
      i = text.indexOf(p.term, i + p.term.length);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * An exemption, waiver, limitation or penalty that covers one role only. The party it favours is the one the
 * clause exempts (`favoured: subject`: 乙方不承担任何责任) or the one a waiver protects (`favoured: object`:
 * 甲方放弃向乙方追偿). Mutual wording, or the same term for the other side anywhere in the contract, cancels it.
 */
export function oneSidedKind(spec: {
  pattern: ConditionSpec;
  mutual?: ConditionSpec;
  unless?: ConditionSpec;
  favoured?: 'subject' | 'object' | 'other';
  favours?: 'reader-opponent' | 'any';
  negation?: boolean;
}): KindRunner {
  const flip = (r: PartyRole | null): PartyRole | null => (r === 'client' ? 'provider' : r === 'provider' ? 'client' : null);
  const pattern = compileCondition(spec.pattern);
  const mutual = spec.mutual !== undefined ? compileCondition(spec.mutual) : DEFAULT_MUTUAL;
  const unless = spec.unless !== undefined ? compileCondition(spec.unless) : null;
  return ({ view, units, party }) => {
    const candidates: Array<{ unit: Unit; match: Match; favours: PartyRole | null; label?: string }> = [];
    let mutualSeen = false;
    for (const unit of units) {
      const text = unit.norm.text;
      let from = 0;
      while (from < text.length) {
        const m = pattern(unit, from, text.length);
        if (!m) break;
        from = Math.max(m[1], m[0] + 1);
        const [ss, se] = sentenceAt(unit, m[0]);
        // A liability that is denied (乙方不承担赔偿责任) burdens nobody: with `negation`, it is no candidate.
        if (spec.negation && isNegated(text, ss, m[0])) continue;
        if (unless && unless(unit, ss, se)) continue;
        // The comma-clause around the match: its subject is the exempted party.
        // (the text is folded: a full-width ， reads as ,)
        const clauseStart = Math.max(ss, text.lastIndexOf(',', m[0]) + 1);
        const all = mentions(view, text, ss, se);
        let who;
        if (spec.favoured === 'object') {
          // The waiver's object is the first party named after the one who waives (甲方放弃向乙方追偿 → 乙方).
          const waiving = all.filter((x) => x.start <= m[0] + 1 && !x.object).pop() ?? all.find((x) => x.start >= m[0] && x.start < m[1]);
          who = all.find((x) => x.start >= m[0] && x.label !== waiving?.label) ?? all.filter((x) => x.start < m[0] && x.object).pop();
        } else {
          const before = all.filter((x) => x.start >= clauseStart && x.start < m[1] && !x.object);
          const asSubject = before.filter((x) => FOLLOWED_BY_VERB.test(text.slice(x.start + x.length)));
          // Failing that, the sentence's topic: its first party named not as an object (甲方未按约定…，致使乙方…的，应…);
          // failing that, the subject of the sentence before (乙方未按约提供服务的…；给甲方造成损失的，应予赔偿).
          who =
            asSubject.pop() ??
            before.pop() ??
            // 因甲方…导致乙方损失的，由甲方承担全部责任，并赔偿…: the party that bears it, named just before its verb
            all.filter((x) => x.start < m[0] && !x.object && ZH_BEARS.test(text.slice(x.start + x.length))).pop() ??
            all.find((x) => x.start < m[0] && !x.object) ??
            mentions(view, text, Math.max(0, text.lastIndexOf('\n', ss - 1) + 1), ss).find((x) => !x.object);
        }
        // Mutual wording cancels the match, unless the match's own clause names one party as its subject:
        // "Neither party is liable for indirect damages, and Agency shall not be liable for any decline in sales".
        const ownSubject = spec.favoured !== 'object' && all.some((x) => x.start >= clauseStart && x.start < m[1] && !x.object);
        if (ownSubject ? mutual(unit, clauseStart, m[1]) : mutual(unit, ss, se)) {
          // A mutual cap (任何一方…赔偿责任总额…为限) limits liability; it lays no burden on anyone.
          // (任何一方承担的赔偿责任总额，以…为限 is a cap; 任何一方违约的，应当承担…违约责任，赔偿范围以直接损失为限 is a burden
          // on both whose measure is limited: "为限" counts only in the match's own comma-clause)
          const comma = text.indexOf(',', m[1]);
          const clauseEnd = comma >= 0 && comma < se ? comma : se;
          if (!CAP.test(text.slice(ss, se)) && !LIMITED.test(text.slice(clauseStart, clauseEnd))) mutualSeen = true;
          continue;
        }
        // favoured: other — the clause burdens its subject (甲方逾期付款的，应支付违约金): it favours the other side.
        const favours = spec.favoured === 'other' ? flip(who?.role ?? null) : who?.role ?? null;
        candidates.push({ unit, match: m, favours, label: who?.label });
      }
    }
    const roles = new Set(candidates.map((c) => c.favours));
    // A burden laid on both parties in mutual words (任何一方违约的，应赔偿…) binds each of them: the burdens laid on
    // one party elsewhere are then not one-sided. (An exemption in mutual words does not excuse a one-sided one.)
    const reciprocal = (roles.has('client') && roles.has('provider')) || (spec.favoured === 'other' && mutualSeen);
    const hits = reciprocal
      ? []
      : candidates
          .filter((c) => (spec.favours === 'any' ? true : c.favours !== null && c.favours !== party))
          .map((c) => ({ unit: c.unit, match: c.match, favours: c.favours ?? undefined, vars: { party: c.label ?? '' } }));
    return { hits, addressing: [...new Set(candidates.map((c) => c.unit))], present: candidates.length > 0 };
  };
}
