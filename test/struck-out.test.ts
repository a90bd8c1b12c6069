import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../src/ingest/text.js';
import { loadPacks } from '../src/node/rule-packs.js';
import { lintDocument } from '../src/rules/engine.js';
import { struckOutClauses } from '../src/rules/struck-out.js';
import { analyseDocument } from '../src/structure/index.js';

const doc = (s: string) => analyseDocument(ingestText(new TextEncoder().encode(s)));
const struck = (s: string) => [...struckOutClauses(doc(s))].map((c) => c.number);

const FORM = `电子商务代运营服务合同（标准文本）

甲方：成都某某食品有限公司
乙方：成都某某电商服务有限公司（代运营方）

第一部分 通用条款
1. 服务费用及支付
1.1 基础服务费见附件一。
1.2 甲方应于本合同签订后3个工作日内，一次性支付服务期内的全部基础服务费。
1.3 甲方已支付的服务费，无论何种原因均不予退还。
2. 免责
2.1 因平台规则调整导致销售下滑的，乙方不承担任何责任。
第二部分 特别约定
特别约定第1条（付款方式） 通用条款第1.2条、第1.3条不适用。基础服务费按月后付。
特别约定第2条（免责条款） 删除通用条款第2.1条。`;

describe('clauses struck out by the special terms of a standard form', () => {
  it('通用条款第1.2条、第1.3条不适用 / 删除通用条款第2.1条: those clauses are not read', () => {
    expect(struck(FORM).sort()).toEqual(['1.2', '1.3', '2.1']);
  });

  it('so the prepayment, the no-refund term and the waiver they held are not reported', async () => {
    const { rules } = await loadPacks([{ dir: path.resolve(__dirname, '../rules/agency'), pack: 'agency', builtin: true }]);
    const ids = (text: string) => lintDocument(doc(text), rules).findings.map((f) => f.ruleId);
    const standardOnly = FORM.replace(/第二部分 特别约定[\s\S]*$/, '');
    expect(ids(standardOnly)).toEqual(expect.arrayContaining(['agency.payment.full-upfront', 'agency.exit.non-refundable', 'agency.liability-waiver.market-excuse']));
    const withSpecialTerms = ids(FORM);
    for (const id of ['agency.payment.full-upfront', 'agency.exit.non-refundable', 'agency.liability-waiver.market-excuse']) expect(withSpecialTerms).not.toContain(id);
  });

  it('in English: "Clause 9.2 of the General Terms does not apply"', () => {
    expect(struck('SERVICES AGREEMENT\n\n1. General Terms\n1.1 Each party is liable for its breach.\n1.2 The Agency is not liable for any decline in sales.\n2. Special Terms\n2.1 Clause 1.2 of the General Terms does not apply.')).toEqual(['1.2']);
  });

  it('not a supplement\'s reference to the original contract, nor a clause only partly amended', () => {
    expect(struck('补充协议\n\n甲方：某某公司\n乙方：某某公司\n第一条 原合同第二条删除。\n第二条 服务费\n甲方按月支付服务费。')).toEqual([]);
    expect(struck(FORM.replace(/特别约定第1条[^\n]*\n特别约定第2条[^\n]*/, '特别约定第1条 通用条款第1.2条中“3个工作日”修改为“10个工作日”。'))).toEqual([]);
  });

  it('in a Traditional contract numbered 第X條 too', () => {
    expect(struck('代運營服務合約\n\n第一部分 通用條款\n第一條 服務內容\n乙方為甲方提供店鋪營運服務。\n第三條 費用\n甲方應於簽約後一次性支付全部服務費。\n第二部分 特別約定\n1. 通用條款第三條不適用，服務費按月後付。')).toEqual(['第三條']);
  });
});
