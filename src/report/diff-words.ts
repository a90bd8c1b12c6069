import type { ClauseChange, ClauseRef } from '../diff/index.js';
import type { ConcernStatus } from '../rules/types.js';
import type { Language } from '../types.js';

/** The words of the diff reports, in both languages. */
export const DIFF_WORDS = {
  en: {
    title: 'What the revision changed',
    worse: 'Got worse',
    better: 'Got better',
    introduced: 'New findings',
    resolved: 'Findings resolved',
    clauses: 'Clauses changed',
    nothing: 'No change to the wording: only numbering or layout differs.',
    noFindings: 'No new findings.',
    added: 'added',
    removed: 'removed',
    modified: 'reworded',
    moved: 'moved',
    retitled: 'retitled',
    doc: 'whole contract',
    sub: (n: number) => `with ${n} sub-clause${n === 1 ? '' : 's'}`,
    status: { ok: 'ok', weak: 'weak', missing: 'missing' } as Record<ConcernStatus, string>,
    renumbered: (n: number) => `${n} clause${n === 1 ? '' : 's'} renumbered without other change`,
    ask: 'Ask for',
  },
  zh: {
    title: '本轮修改的变化',
    worse: '变差的关注点',
    better: '改善的关注点',
    introduced: '新增问题',
    resolved: '已解决的问题',
    clauses: '条款变化',
    nothing: '条款文字没有变化，仅编号或排版不同。',
    noFindings: '没有新增问题。',
    added: '新增',
    removed: '删除',
    modified: '修改',
    moved: '移动',
    retitled: '改标题',
    doc: '全文',
    sub: (n: number) => `含 ${n} 个子条款`,
    status: { ok: '完备', weak: '薄弱', missing: '缺失' } as Record<ConcernStatus, string>,
    renumbered: (n: number) => `${n} 个条款仅编号变化`,
    ask: '建议条款',
  },
};

export type DiffWords = (typeof DIFF_WORDS)['en'];

export const wordsFor = (lang: Language): DiffWords => DIFF_WORDS[lang] as DiffWords;

/** 第三条 › （二） 服务费用 (p. 2) */
export function clauseLabel(ref: ClauseRef | undefined): string {
  if (!ref) return '';
  const where = ref.path.filter(Boolean).join(' › ');
  return `${where}${ref.heading && !where.endsWith(ref.heading) ? ` ${ref.heading}` : ''}`;
}

/** "第五条 → 第九条" for a clause in both versions, one side for added and removed. */
export function changeWhere(c: ClauseChange): string {
  const a = clauseLabel(c.old);
  const b = clauseLabel(c.new);
  if (c.old && c.new) return a === b ? a : `${a} → ${b}`;
  return a || b;
}

export function changeWord(c: ClauseChange, w: DiffWords): string {
  const kinds = [w[c.change]];
  if (c.change !== 'moved' && c.moved) kinds.push(w.moved);
  if (c.change !== 'retitled' && c.retitled) kinds.push(w.retitled);
  return kinds.join(', ');
}
