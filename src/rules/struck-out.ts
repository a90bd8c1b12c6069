import type { Clause, ContractDocument } from '../types.js';
import { bareClauseNumber, normalize } from './normalize.js';

/**
 * A standard form's special terms strike out clauses of its general part (通用条款第 3.2 条、第 3.4 条不适用 / 删除通用条款
 * 第 9.2 条 / Clause 9.2 of the General Terms does not apply). A clause struck out binds nobody: no rule reads it, so
 * a prepayment or a waiver the special terms removed is not reported. Only a reference that names the general part
 * counts: a supplement's 原合同第五条 is another document's clause, whatever this one numbers 5.
 */
const ZH_PART = '(?:通用条款|标准条款|一般条款|格式条款|通用合同条款|合同通用条款)';
const ZH_REF = '第\\s*[\\d.一二三四五六七八九十百]+\\s*条(?:第\\s*[\\d一二三四五六七八九十]+\\s*款)?';
const ZH_REFS = `${ZH_REF}(?:\\s*[、，,和及与]\\s*${ZH_REF})*`;
const ZH_GONE = '(?:均)?(?:不适用|不再适用|删除|予以删除|作废|替换为|修改为|变更为)';
const ZH_ABOUT = '(?:中?关于[^，。；,;]{1,20}的约定|的约定|约定)?';
const STRIKES: RegExp[] = [
  // 通用条款第 10.2 条、第 11.3 条不适用，第 11.4 条替换为…: the chain after the part's name
  new RegExp(`${ZH_PART}(?:的)?${ZH_REFS}${ZH_ABOUT}${ZH_GONE}(?:\\s*[，,；;]\\s*${ZH_REFS}${ZH_ABOUT}${ZH_GONE})*`, 'g'),
  new RegExp(`(?:删除|不适用|排除适用)${ZH_PART}(?:的)?${ZH_REFS}`, 'g'),
  /\b(?:clauses?|sections?)\s+(\d+(?:\.\d+)*(?:\s*(?:,|and|&)\s*\d+(?:\.\d+)*)*)\s+of\s+the\s+(?:general|standard)\s+(?:terms|conditions)(?:\s+and\s+conditions)?\s+(?:shall\s+|does\s+|do\s+|will\s+)?(?:not\s+apply|no\s+longer\s+appl(?:y|ies)|(?:is|are|shall\s+be)\s+(?:deleted|struck\s+out|replaced))/g,
];
const NAMES_A_PART = /[通标標一格][用准準般式](?:合同)?[条條]款|(?:general|standard)\s+(?:terms|conditions)/i;
const ZH_NUMBER = /第\s*([\d.一二三四五六七八九十百]+)\s*条/g;
const EN_NUMBER = /\d+(?:\.\d+)*/g;

const ANNEX = /^(?:附件|附录|附表|schedule|annex|annexure|exhibit|appendix|attachment)/i;

export function struckOutClauses(doc: ContractDocument): Set<Clause> {
  const wanted: Array<{ number: string; by: Clause }> = [];
  const visit = (clauses: Clause[]) => {
    for (const c of clauses) {
      const raw = c.blocks.map((b) => b.text).join('\n');
      // (most clauses name no general part: they are not normalised a second time to find out)
      const text = NAMES_A_PART.test(raw) ? normalize(raw).text : '';
      for (const re of text ? STRIKES : []) {
        for (const m of text.matchAll(re)) {
          // (English names its clauses in the one group; Chinese repeats 第…条 for each)
          const numbers = m[1] !== undefined ? m[1].match(EN_NUMBER) ?? [] : [...m[0].matchAll(ZH_NUMBER)].map((x) => x[1]);
          for (const number of numbers) wanted.push({ number, by: c });
        }
      }
      visit(c.children);
    }
  };
  visit(doc.tree.children);
  const struck = new Set<Clause>();
  if (wanted.length === 0) return struck;
  const walk = (clauses: Clause[], ancestors: Clause[]) => {
    for (const c of clauses) {
      if (ancestors.length === 0 && c.number && ANNEX.test(c.number)) continue;
      const n = c.number ? bareClauseNumber(c.number) : '';
      const hit = n && wanted.some((w) => (w.number === n || `第${w.number}条` === n) && w.by !== c && !ancestors.includes(w.by) && !isInside(w.by, c));
      if (hit) struck.add(c);
      else walk(c.children, [...ancestors, c]);
    }
  };
  walk(doc.tree.children, []);
  return struck;
}

function isInside(inner: Clause, outer: Clause): boolean {
  return outer.children.some((c) => c === inner || isInside(inner, c));
}
