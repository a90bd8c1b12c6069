import { describe, expect, it } from 'vitest';
import { matchClauseNumber } from '../src/structure/clause-number.js';
import { parseChineseNumber, toChineseNumber } from '../src/structure/chinese-numerals.js';
import { parseRoman } from '../src/structure/roman.js';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['九十九', 99], ['一百零五', 105], ['两', 2], ['12', 12], ['１２', 12],
  ])('%s = %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });
  it('round-trips 1..120', () => {
    for (let n = 1; n <= 120; n++) expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });
  it('rejects non-numerals', () => expect(parseChineseNumber('条')).toBeNaN());
});

describe('roman numerals', () => {
  it('parses well-formed numerals only', () => {
    expect(parseRoman('iv')).toBe(4);
    expect(parseRoman('XIV')).toBe(14);
    expect(parseRoman('iiii')).toBeNaN();
    expect(parseRoman('ab')).toBeNaN();
  });
});

describe('clause numbers at the start of a block', () => {
  it.each([
    ['第一条 服务内容', '第一条', 'zh-article', 1, '服务内容'],
    ['第十二条　违约责任', '第十二条', 'zh-article', 12, '违约责任'],
    ['第九十九条 附则', '第九十九条', 'zh-article', 99, '附则'],
    ['第 3 条 付款', '第3条', 'zh-article', 3, '付款'],
    ['第二章 服务', '第二章', 'zh-chapter', 2, '服务'],
    ['第一款 乙方应…', '第一款', 'zh-paragraph', 1, '乙方应…'],
    ['一、服务内容', '一、', 'zh-item', 1, '服务内容'],
    ['十一、其他', '十一、', 'zh-item', 11, '其他'],
    ['（一）店铺运营', '（一）', 'zh-paren', 1, '店铺运营'],
    ['(三) 推广', '(三)', 'zh-paren', 3, '推广'],
    ['1. Services', '1.', 'decimal-dot', 1, 'Services'],
    ['1、乙方应当', '1、', 'decimal-comma', 1, '乙方应当'],
    ['1.1 The Agency shall', '1.1', 'decimal-2', 1, 'The Agency shall'],
    ['2.3.4 细则', '2.3.4', 'decimal-3', 4, '细则'],
    ['1.1乙方应当', '1.1', 'decimal-2', 1, '乙方应当'],
    ['(1) first', '(1)', 'decimal-paren', 1, 'first'],
    ['（2）第二项', '（2）', 'decimal-paren', 2, '第二项'],
    ['① 详情页', '①', 'circled', 1, '详情页'],
    ['(a) the Services', '(a)', 'alpha-lower-paren', 1, 'the Services'],
    ['a) item', 'a)', 'alpha-lower-right-paren', 1, 'item'],
    ['(ii) second', '(ii)', 'roman-lower-paren', 2, 'second'],
    ['A. Scope', 'A.', 'alpha-upper-dot', 1, 'Scope'],
    ['ARTICLE 5 TERM', 'ARTICLE 5', 'article', 5, 'TERM'],
    ['Article IV. Fees', 'Article IV', 'article', 4, 'Fees'],
    ['Article (3): Scope of Services', 'Article (3)', 'article', 3, 'Scope of Services'],
    ['Section 3.2 Payment', 'Section 3.2', 'section-2', 2, 'Payment'],
    ['Clause 7 Liability', 'Clause 7', 'clause-1', 7, 'Liability'],
    ['Schedule 1 – Services', 'Schedule 1', 'annex', 1, 'Services'],
    ['§ 8. Persons performing the Services', '§ 8', 'paragraph-sign', 8, 'Persons performing the Services'],
    ['Annex (2): Content Standards', 'Annex (2)', 'annex', 2, 'Content Standards'],
    ['EXHIBIT A', 'EXHIBIT A', 'annex', 1, ''],
    ['附件一：服务清单', '附件一', 'annex', 1, '服务清单'],
    ['附件：KPI考核表', '附件', 'annex', 1, 'KPI考核表'],
  ])('%s', (text, number, scheme, value, rest) => {
    const m = matchClauseNumber(text);
    expect(m).not.toBeNull();
    expect(m!.number).toBe(number);
    expect(m!.scheme).toBe(scheme);
    expect(m!.value).toBe(value);
    expect(m!.rest).toBe(rest);
  });

  it('(i) reads as roman one first, with the letter as the alternative', () => {
    const m = matchClauseNumber('(i) first')!;
    expect(m.scheme).toBe('roman-lower-paren');
    expect(m.alternatives).toEqual([{ scheme: 'alpha-lower-paren', value: 9 }]);
  });

  it.each([
    '根据第五条的约定，乙方应当…',
    '第五条规定的服务费',
    '第五条第二款约定的情形',
    '1.5万元整',
    '2026.1.1起生效',
    '3.5%的佣金',
    '10.5 万元',
    '2026年1月1日',
    'Section 3.2 of this Agreement',
    'Section 4 hereof applies',
    'pursuant to Section 3.2',
    'Article 5, the Agency…',
    '附件是本合同不可分割的组成部分，与本合同具有同等法律效力。',
    'U.S. law applies',
    'Exhibit A attached hereto',
    '100%',
    '12:00',
  ])('does not start a clause: %s', (text) => {
    expect(matchClauseNumber(text)).toBeNull();
  });
});
