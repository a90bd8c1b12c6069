import { describe, expect, it } from 'vitest';
import { ingestText } from '../src/ingest/text.js';
import { ingestMarkdown } from '../src/ingest/markdown.js';
import { analyseDocument } from '../src/structure/index.js';
import type { Clause, ContractDocument } from '../src/types.js';

const enc = (s: string) => new TextEncoder().encode(s);
const text = (s: string) => analyseDocument(ingestText(enc(s)));
const md = (s: string) => analyseDocument(ingestMarkdown(enc(s)));

type Outline = Array<[string | null, string | null, Outline?]>;
function outline(clauses: Clause[]): Outline {
  return clauses.map((c) => (c.children.length ? [c.number, c.heading, outline(c.children)] : [c.number, c.heading]));
}
const roles = (d: ContractDocument) => Object.fromEntries(d.parties.map((p) => [p.label, p.role]));

describe('clause tree: Chinese schemes', () => {
  const doc = text(`电商代运营服务合同

甲方（委托方）：杭州某某服饰有限公司
乙方（受托方）：上海某某电子商务有限公司

鉴于：
1、甲方在天猫开设旗舰店；
2、乙方具有代运营能力。
双方经友好协商，达成如下协议：

第一条 服务内容
1.1 乙方为甲方提供天猫店铺代运营服务。
1.2 服务包括：
（一）店铺日常运营；
（二）推广投放，每月不少于10款详情页；
① 直通车；
② 引力魔方。
第二条 服务费用
2.1 服务费为每月1.5万元，
2026.1.1起按月支付。根据第五条的约定调整。
第三条 违约责任
乙方应当按约履行。

（以下无正文）
甲方（盖章）：
乙方（盖章）：
日期：2026年1月1日
`);

  it('nests 第X条 > 1.1 > （一） > ① and keeps numbers as shown', () => {
    expect(outline(doc.tree.children)).toEqual([
      ['第一条', '服务内容', [
        ['1.1', null],
        ['1.2', null, [['（一）', null], ['（二）', null, [['①', null], ['②', null]]]]],
      ]],
      ['第二条', '服务费用', [['2.1', null]]],
      ['第三条', '违约责任'],
    ]);
  });

  it('keeps recitals, title and parties in the preamble and the signature out of the clauses', () => {
    expect(doc.preamble.map((b) => b.text)).toContain('1、甲方在天猫开设旗舰店；');
    expect(doc.preamble[0].text).toBe('电商代运营服务合同');
    expect(doc.signature.map((b) => b.text)).toEqual(['（以下无正文）', '甲方（盖章）：', '乙方（盖章）：', '日期：2026年1月1日']);
  });

  it('does not start clauses at amounts, dates or cross-references', () => {
    const c21 = doc.tree.children[1].children[0];
    expect(c21.text).toContain('2026.1.1起按月支付');
    expect(c21.text).toContain('根据第五条的约定调整');
  });

  it('records lines', () => {
    expect(doc.tree.children[0].location.line).toBe(11);
    expect(doc.tree.children[2].location.line).toBe(21);
  });

  it('finds parties and roles from role words', () => {
    expect(doc.parties.map((p) => [p.label, p.role, p.name])).toEqual([
      ['甲方', 'client', '杭州某某服饰有限公司'],
      ['乙方', 'provider', '上海某某电子商务有限公司'],
    ]);
    expect(doc.language).toBe('zh');
  });
});

describe('clause tree: 一、（一）1. scheme', () => {
  it('nests zh-item > zh-paren > decimal', () => {
    const doc = text(`合作协议
甲方：A公司
乙方：B公司
一、合作内容
（一）运营
1. 日常维护。
2. 活动策划。
（二）客服
二、费用
（一）服务费
`);
    expect(outline(doc.tree.children)).toEqual([
      ['一、', '合作内容', [['（一）', '运营', [['1.', null], ['2.', null]]], ['（二）', '客服']]],
      ['二、', '费用', [['（一）', '服务费']]],
    ]);
  });
});

describe('clause tree: English schemes', () => {
  const doc = text(`SERVICES AGREEMENT

This Services Agreement is entered into by and between Northwind Apparel Ltd., a Delaware corporation ("Client"), and BrightPath Digital LLC, a New York limited liability company ("Agency").

WHEREAS, Client operates online stores; and
WHEREAS, Agency provides e-commerce services.
NOW, THEREFORE, the parties agree as follows:

ARTICLE 1
DEFINITIONS
Section 1.1 Services. "Services" means the services in Exhibit A.
Section 1.2 Fees. Client shall pay the fees set out in Section 3.2 of this Agreement.
ARTICLE 2 SCOPE
Section 2.1 Agency shall provide:
(a) store management;
(b) advertising;
(i) search ads;
(ii) display ads;
(c) reporting.
(h) eighth;
(i) ninth, a letter here;
ARTICLE 3 TERM
The term is one year.

IN WITNESS WHEREOF, the parties have signed this Agreement.
By: ____________
Name: Jane Doe

EXHIBIT A
SERVICE LEVELS
1. Response within 2 hours.
2. Monthly report.
`);

  it('nests Article > Section > (a) > (i) and takes a heading from the next line', () => {
    const o = outline(doc.tree.children);
    expect(o[0]).toEqual(['ARTICLE 1', 'DEFINITIONS', [['Section 1.1', 'Services'], ['Section 1.2', 'Fees']]]);
    expect(o[1][0]).toBe('ARTICLE 2');
    expect(o[1][1]).toBe('SCOPE');
    const s21 = o[1][2]![0];
    expect(s21[0]).toBe('Section 2.1');
    expect(s21[2]!.map((c) => c[0])).toEqual(['(a)', '(b)', '(c)', '(h)', '(i)']);
    expect(s21[2]![1][2]!.map((c) => c[0])).toEqual(['(i)', '(ii)']);
    expect(o[2]).toEqual(['ARTICLE 3', 'TERM']);
  });

  it('puts the exhibit at the top level after the signature block', () => {
    const o = outline(doc.tree.children);
    expect(o[3]).toEqual(['EXHIBIT A', 'SERVICE LEVELS', [['1.', null], ['2.', null]]]);
    expect(doc.signature.map((b) => b.text)).toContain('By: ____________');
  });

  it('finds parties from definitions and role words', () => {
    expect(doc.parties.map((p) => [p.label, p.role, p.name])).toEqual([
      ['Client', 'client', 'Northwind Apparel Ltd.'],
      ['Agency', 'provider', 'BrightPath Digital LLC'],
    ]);
    expect(doc.language).toBe('en');
  });
});

describe('parties: roles from conduct, never from 甲方/乙方', () => {
  it('a role word naming both sides (品牌供应商: the brand that supplies JD) is left to conduct', () => {
    const doc = text(`京东自营供应商运营服务协议
甲方（品牌供应商）：苏州某某母婴用品有限公司
乙方（运营服务商）：上海某某供应链管理有限公司
甲方委托乙方代为开展京东自营的供应商端运营工作。
1. 服务内容
1.1 乙方为甲方提供京东自营运营服务，甲方按月向乙方支付服务费。
`);
    expect(doc.parties.map((p) => [p.label, p.role])).toEqual([
      ['甲方', 'client'],
      ['乙方', 'provider'],
    ]);
  });

  it('甲方 is the agency when 甲方 provides the services and 乙方 pays', () => {
    const doc = text(`店铺代运营合同
甲方：上海某某电子商务有限公司
乙方：杭州某某服饰有限公司
第一条 甲方为乙方提供天猫旗舰店代运营服务。
第二条 乙方应于每月5日前向甲方支付服务费。
`);
    expect(roles(doc)).toEqual({ 甲方: 'provider', 乙方: 'client' });
    expect(doc.parties[0].roleSource).toBe('conduct');
  });

  it('"Company" is the client when Consultant performs and Company pays', () => {
    const doc = text(`CONSULTING AGREEMENT
This Agreement is made between Acme Corp., a Nevada corporation (the "Company"), and John Smith, an individual ("Consultant").
1. Services. Consultant shall provide the consulting services described below.
2. Fees. The Company shall pay Consultant $5,000 per month.
`);
    expect(roles(doc)).toEqual({ Company: 'client', Consultant: 'provider' });
  });
});

describe('Markdown structure', () => {
  it('uses headings and renumbers lazy ordered lists', () => {
    const doc = md(`# Agency Agreement

Between **Northwind Ltd.** ("Client") and **Bright LLC** ("Agency").

## 1. Services

1. Store setup.
1. Campaigns.

## 2. Fees

- Monthly fee of USD 5,000.

## Confidentiality

Each party keeps secrets.
`);
    expect(outline(doc.tree.children)).toEqual([
      ['1.', 'Services', [['1.', null], ['2.', null]]],
      ['2.', 'Fees'],
      [null, 'Confidentiality'],
    ]);
    expect(doc.tree.children[0].children[1].text).toBe('2. Campaigns.');
    expect(roles(doc)).toEqual({ Client: 'client', Agency: 'provider' });
  });
});

describe('clause tree: documents attached after the signatures', () => {
  it('reads a titled service order after the signature block as contract text, not signatures', () => {
    const doc = text(`代运营框架协议

甲方：杭州某某服饰有限公司
乙方：上海某某数字科技有限公司

第一条 服务内容
乙方按服务订单提供服务。
第二条 其他
本协议一式二份。
（以下无正文）
甲方（盖章）：杭州某某服饰有限公司
乙方（盖章）：上海某某数字科技有限公司
服务订单
订单编号：SO-01
一、服务模块与数量
短视频每月30条。
二、核心团队
项目负责人王某某。
甲方（盖章）：
`);
    expect(outline(doc.tree.children)).toEqual([
      ['第一条', '服务内容'],
      ['第二条', '其他'],
      [null, '服务订单', [['一、', '服务模块与数量'], ['二、', '核心团队']]],
    ]);
    expect(doc.signature.map((b) => b.text)).toContain('甲方（盖章）：杭州某某服饰有限公司');
  });

  it('reads Markdown terms and conditions after the signatures of an order form', () => {
    const doc = md(`# Order Form

## Services

25 listings per month.

## Signatures

By: ____________

---

# Acme Marketplace Services Terms and Conditions (v4.2)

## 1. Definitions

1.1 "Accounts" means the Customer's seller accounts.

## 2. Termination

2.1 Either party may terminate on 30 days' notice.
`);
    const titles = doc.tree.children.map((c) => c.heading);
    expect(titles).toContain('Acme Marketplace Services Terms and Conditions (v4.2)');
    const terms = doc.tree.children.find((c) => c.heading?.startsWith('Acme'))!;
    expect(outline(terms.children)).toEqual([['1.', 'Definitions', [['1.1', null]]], ['2.', 'Termination', [['2.1', null]]]]);
  });

  it('does not take a signature line that merely mentions an order for a new document', () => {
    const doc = text(`1. Services
The Agency operates the store.
IN WITNESS WHEREOF the parties sign this Order Form.
By: ____________
Name: Jane Roe
`);
    expect(doc.tree.children.map((c) => c.number)).toEqual(['1.']);
  });
});

describe('clause tree: sections numbered within lettered parts', () => {
  it('nests A1. / A2.1 / B1. under PART A and PART B', () => {
    const doc = text(`STATEMENT OF WORK
This Statement of Work is made between the Customer and the Supplier.
PART A – ENGAGEMENT DETAILS
A1. Parties and key details
A2. Services and deliverables
A2.1 The Supplier will provide 25 listings per month.
A2.2 Work outside A2.1 needs a change request.
PART B – STANDARD TERMS
B1. Liability
B1.1 Each party is liable for its breach.
`);
    expect(outline(doc.tree.children)).toEqual([
      ['PART A', 'ENGAGEMENT DETAILS', [['A1', 'Parties and key details'], ['A2', 'Services and deliverables', [['A2.1', null], ['A2.2', null]]]]],
      ['PART B', 'STANDARD TERMS', [['B1', 'Liability', [['B1.1', null]]]]],
    ]);
  });

  it('takes A.1 / A.7 (a dot after the letter) the same way', () => {
    const doc = md(`## Part A – Commercial Terms

**A.1 Engagement.** Client engages Agency.

**A.7 Team.** Agency will not replace a named team member without Client's consent.
`);
    expect(outline(doc.tree.children)).toEqual([['Part A', 'Commercial Terms', [['A.1', 'Engagement'], ['A.7', 'Team']]]]);
  });

  it('leaves a paper size or a grid reference at the start of a line alone', () => {
    const doc = text(`1. Materials
A4 sheets are used for the printed reports.
2. Fees
`);
    expect(outline(doc.tree.children)).toEqual([['1.', 'Materials'], ['2.', 'Fees']]);
  });
});

describe('parties from a details table', () => {
  it('reads | 甲方 | name | rows of a Markdown table', () => {
    const doc = md(`# 客服外包服务协议

| 项目 | 内容 |
|---|---|
| 甲方 | 佛山某某电器有限公司 |
| 乙方 | 合肥某某电子商务服务有限公司 |

甲方委托乙方提供客服外包服务，乙方按月收取服务费。

**第一条　服务内容**

乙方提供售前咨询服务。
`);
    expect(doc.parties.map((p) => [p.label, p.name])).toEqual([
      ['甲方', '佛山某某电器有限公司'],
      ['乙方', '合肥某某电子商务服务有限公司'],
    ]);
  });

  it("reads an insertion order's Advertiser and Agency rows with their roles", () => {
    const doc = md(`# INSERTION ORDER

| | |
|---|---|
| **Advertiser** | Brightwater Pet Nutrition, Inc. |
| **Agency** | Kestrel Retail Media LLC |

## 1. Services

The Agency manages the Advertiser's campaigns.
`);
    expect(roles(doc)).toEqual({ Advertiser: 'client', Agency: 'provider' });
  });
});

describe('headings with a comma', () => {
  it('takes an all-capitals heading that lists its subjects, not a title-case sentence with a comma', () => {
    const doc = text(`1. ACCOUNTS, DATA AND CONTENT
1.1 The Client owns the accounts.
2. Fees, Payment
2.1 Monthly.
`);
    expect(outline(doc.tree.children)).toEqual([
      ['1.', 'ACCOUNTS, DATA AND CONTENT', [['1.1', null]]],
      ['2.', null, [['2.1', null]]],
    ]);
  });
});

describe('parties in more drafting styles', () => {
  it('English-law PARTIES block: (1) NAME LIMITED incorporated … (the Consultancy)', () => {
    const doc = text(`MARKETPLACE CONSULTANCY AGREEMENT
PARTIES
(1) NORTHGATE MARKETPLACE CONSULTING LIMITED incorporated and registered in England and Wales with company number 11XXXXXX whose registered office is at 14 Canal Wharf, Leeds (the Consultancy).
(2) FERNLEA PET SUPPLIES LIMITED incorporated and registered in England and Wales with company number 09XXXXXX (the Client).
AGREED TERMS
1. Services
1.1 The Consultancy shall manage the Client's marketplace accounts.
`);
    expect(doc.parties.map((p) => [p.label, p.name, p.role])).toEqual([
      ['Consultancy', 'NORTHGATE MARKETPLACE CONSULTING LIMITED', 'provider'],
      ['Client', 'FERNLEA PET SUPPLIES LIMITED', 'client'],
    ]);
  });

  it('Indian drafting: (hereinafter referred to as the "Service Provider", which expression shall … include its successors)', () => {
    const doc = text(`SERVICES AGREEMENT
BY AND BETWEEN
KAVERI DIGITAL COMMERCE SOLUTIONS PRIVATE LIMITED, a company incorporated under the Companies Act, 2013 (hereinafter referred to as the "Service Provider", which expression shall, unless repugnant to the context, include its successors and permitted assigns) of the ONE PART;
AND
SAHYADRI ORGANICS PRIVATE LIMITED, a company incorporated under the Companies Act, 2013 (hereinafter referred to as the "Client", which expression shall include its successors) of the OTHER PART.
1. Services
1.1 The Service Provider shall operate the Client's stores.
`);
    expect(doc.parties.map((p) => [p.label, p.name, p.role])).toEqual([
      ['Service Provider', 'KAVERI DIGITAL COMMERCE SOLUTIONS PRIVATE LIMITED', 'provider'],
      ['Client', 'SAHYADRI ORGANICS PRIVATE LIMITED', 'client'],
    ]);
  });

  it('China-drafted English: Party A (Service Provider): name', () => {
    const doc = text(`Store Operation Service Contract
Party A (Service Provider): Shenzhen Haoyun Cross-border E-commerce Co., Ltd.
Party B (Client): Zhejiang Lanshan Outdoor Products Co., Ltd.
I. Service Content
1. Party A shall operate Party B's Amazon store.
`);
    expect(doc.parties.map((p) => [p.label, p.name, p.role])).toEqual([
      ['Party A', 'Shenzhen Haoyun Cross-border E-commerce Co., Ltd.', 'provider'],
      ['Party B', 'Zhejiang Lanshan Outdoor Products Co., Ltd.', 'client'],
    ]);
  });

  it('an engagement letter sent as an email ("Hi Dana,"): we run your shop, so we are the provider', () => {
    const doc = text(`Subject: Engagement letter

Hi Dana,

This email is our engagement letter. We'll run your TikTok Shop and manage your ad campaigns.
We invoice on the 1st of each month and you pay within 15 days. We will provide a monthly report.
You can end this at any time on 30 days' notice; we will hand over your accounts and refund unused fees.

1. WHAT WE'LL DO
We'll run your shop.
`);
    expect(roles(doc)).toEqual({ we: 'provider', you: 'client' });
  });

  it('a letter where we hire you: roles the other way round', () => {
    const doc = text(`Dear Ms Lee,

We are pleased to engage you. You will manage our store and our ad accounts, and we will pay you a monthly fee.
You will provide weekly reports to us. Our team will review your work. We will pay your invoices within 30 days.

1. Services
You will run our store.
`);
    expect(roles(doc)).toEqual({ we: 'client', you: 'provider' });
  });
});

describe('attachments after the signatures, upper case and Indian style', () => {
  it('STATEMENT OF WORK NO. 1 and ANNEXURE A are contract text, not signatures', () => {
    const doc = text(`1. Services
1.1 Agency will perform the services described in each SOW.
IN WITNESS WHEREOF, the parties have signed this Agreement.
By: ______________
STATEMENT OF WORK NO. 1
1. Services and Deliverables
1.1 Four A+ modules per month.
ANNEXURE A SCOPE OF SERVICES
Ten SKUs per month.
`);
    expect(doc.tree.children.map((c) => [c.number, c.heading])).toEqual([
      ['1.', 'Services'],
      [null, 'STATEMENT OF WORK NO. 1'],
      ['ANNEXURE A', 'SCOPE OF SERVICES'],
    ]);
  });
});

describe('execution blocks', () => {
  it('an Australian execution block after the schedules is signatures, not schedule text', () => {
    const doc = text(`1. Services
1.1 The Agency operates the store.
Schedule 2 – KPIs
Net sales of A$70,000 per month.
Executed as an agreement.
Executed by Wattle & Stone Homewares Pty Ltd (ACN 612 345 987) in accordance with section 127 of the Corporations Act 2001 (Cth): Director ______________
`);
    expect(doc.tree.children.map((c) => c.number)).toEqual(['1.', 'Schedule 2']);
    expect(doc.signature.map((b) => b.text)).toContain('Executed as an agreement.');
  });

  it('a Canadian "Per: ____" signing line ends the last clause', () => {
    const doc = text(`1. Services
1.1 The Operator runs the stores.
2. General
This Agreement is governed by the laws of Ontario.
Per: ____________________________
Name: [authorized signatory], President
`);
    expect(doc.tree.children.map((c) => c.number)).toEqual(['1.', '2.']);
    expect(doc.tree.children[1].text).not.toContain('____');
    expect(doc.signature[0].text).toMatch(/^Per:/);
  });
});

describe('a contract drafted as a table', () => {
  it('reads 条款 | 约定内容 rows as clauses, and the parties from their rows', () => {
    const doc = md(`# 唯品会店铺代运营服务合同（表格式）

| 条款 | 约定内容 |
|---|---|
| 一、甲方（委托方） | 名称：东莞某某服装实业有限公司 |
| 二、乙方（服务方） | 名称：广州某某品牌运营管理有限公司 |
| 三、服务内容 | 每月策划档期不少于4档，上新不少于60款。 |
| 四、服务费用 | 服务费每月人民币28,000元。 |
| 五、合同解除 | 甲方可以提前30日书面通知乙方解除本合同。 |
`);
    expect(outline(doc.tree.children).map(([n, h]) => `${n}${h}`)).toEqual(['一、甲方（委托方）', '二、乙方（服务方）', '三、服务内容', '四、服务费用', '五、合同解除']);
    expect(doc.parties.map((p) => [p.label, p.name, p.role])).toEqual([
      ['甲方', '东莞某某服装实业有限公司', 'client'],
      ['乙方', '广州某某品牌运营管理有限公司', 'provider'],
    ]);
  });

  it('reads a table whose first column names the clauses without numbers (条款 | 约定内容)', () => {
    const doc = md(`# 抖音小店代运营服务合同

| 条款 | 约定内容 |
|---|---|
| 委托方 | 佛山某某家具有限公司 |
| 受托方 | 广州某某网络科技有限公司 |
| 委托事项 | 委托方委托受托方运营店铺。 |
| 服务内容及数量 | 每月发布短视频不少于30条。 |
| 合同解除 | 委托方可提前30日书面通知受托方解除本合同。 |
| 签署 | 委托方（盖章）：佛山某某家具有限公司 |
`);
    expect(outline(doc.tree.children).map(([n, h]) => `${n ?? ''}${h}`)).toEqual(['委托事项', '服务内容及数量', '合同解除']);
    expect(doc.parties.map((p) => [p.label, p.role])).toEqual([
      ['委托方', 'client'],
      ['受托方', 'provider'],
    ]);
    expect(doc.signature.map((b) => b.text)).toContain('委托方（盖章）：佛山某某家具有限公司');
  });

  it('leaves an ordinary numbered table (KPI rows) as table text', () => {
    const doc = md(`## 第五条 考核指标

| 序号 | 指标 | 目标 |
|---|---|---|
| 1. | 月销售额 | 不低于50万元 |
| 2. | 转化率 | 不低于3% |
| 3. | 客服响应 | 30秒内 |
`);
    expect(outline(doc.tree.children)).toEqual([['第五条', '考核指标']]);
  });
});

describe('German-drafted English', () => {
  it('parties defined between dashes with the German term after them: – the "Principal" (Auftraggeber) –', () => {
    const doc = text(`SERVICE AGREEMENT
between Beispiel Haushaltswaren GmbH, Gewerbering 14, 90411 Nürnberg, represented by its managing director – the "Principal" (Auftraggeber) –
and Nordlicht E-Commerce Services GmbH, Am Sandtorkai 3, 20457 Hamburg – the "Contractor" (Auftragnehmer) –
§ 1 Subject matter
(1) The Contractor shall operate the Principal's sales channels.
`);
    expect(doc.parties.map((p) => [p.label, p.name, p.role])).toEqual([
      ['Principal', 'Beispiel Haushaltswaren GmbH', 'client'],
      ['Contractor', 'Nordlicht E-Commerce Services GmbH', 'provider'],
    ]);
  });

  it('§ 1 clauses with (1) paragraphs, and parties defined between dashes', () => {
    const doc = text(`Agency Agreement on the Operation of Marketplace Shops
between
Muster Haushaltswaren GmbH, Industriestraße 12, 50829 Köln, Germany
– hereinafter "Client" –
and
Beispiel Commerce GmbH, Speicherstraße 40, 20457 Hamburg, Germany
– hereinafter "Contractor" –
§ 1 Subject Matter of the Agreement
(1) The Contractor shall operate the Client's shops on OTTO Market.
(2) The Contractor shall render its services as an independent entrepreneur.
§ 2 Scope of Services
(1) The Contractor owes the following services per calendar month.
`);
    expect(outline(doc.tree.children)).toEqual([
      ['§ 1', 'Subject Matter of the Agreement', [['(1)', null], ['(2)', null]]],
      ['§ 2', 'Scope of Services', [['(1)', null]]],
    ]);
    expect(doc.parties.map((p) => [p.label, p.name, p.role])).toEqual([
      ['Client', 'Muster Haushaltswaren GmbH', 'client'],
      ['Contractor', 'Beispiel Commerce GmbH', 'provider'],
    ]);
  });
});

describe('three-party deals', () => {
  it('甲方、乙方（以下合称"委托方"）: both are the client, and 委托方 names them', () => {
    const doc = text(`京东旗舰店代运营三方合作协议
甲方（品牌方）：云南某某茶业集团有限公司
乙方（店铺经营方）：昆明某某商贸有限公司
丙方（服务方）：北京某某电子商务有限公司
甲方、乙方（以下合称“委托方”）共同委托丙方为店铺提供代运营服务。
第一条 服务内容
丙方每月上新不少于10个SKU。
`);
    expect(doc.parties.map((p) => [p.label, p.role, p.aliases])).toEqual([
      ['甲方', 'client', ['品牌方', '委托方']],
      ['乙方', 'client', ['店铺经营方', '委托方']],
      ['丙方', 'provider', ['服务方']],
    ]);
  });
});

describe('run-in and bracketed titles', () => {
  it('reads 【服务内容】 paragraphs as sections, with the restarted 1. 2. lists under each', () => {
    const doc = md(`# 代运营协议

甲方：佛山某某家纺有限公司
乙方：广州某某电子商务有限公司

**【服务内容】** 乙方向甲方提供以下服务：

1. 档期运营：每月提报档期不少于4个；
2. 商品上线：每个档期上线商品不少于120款。

**【费用与支付】**

1. 基础服务费：每月人民币25,000元；
2. 结算：按月后付。

**【违约责任】**

1. 任何一方违反本协议约定的，应赔偿对方因此遭受的损失。
`);
    expect(outline(doc.tree.children)).toEqual([
      [null, '服务内容', [['1.', '档期运营'], ['2.', '商品上线']]],
      [null, '费用与支付', [['1.', '基础服务费'], ['2.', '结算']]],
      [null, '违约责任', [['1.', null]]],
    ]);
  });

  it('leaves a lone 【注意】 paragraph as text', () => {
    const doc = text('第一条 服务内容\n乙方提供店铺运营服务。\n【注意】本条须与附件一一并阅读。\n第二条 费用\n甲方每月支付服务费。');
    expect(outline(doc.tree.children)).toEqual([
      ['第一条', '服务内容'],
      ['第二条', '费用'],
    ]);
  });

  it('takes the bracketed title after an article number: Article 5 (Inspection of Deliverables)', () => {
    const doc = text('Article 1 (Purpose)\n1. The Consignor entrusts the operation of its store to the Consignee.\nArticle 2 (Inspection of Deliverables)\n1. The Consignor shall inspect each Deliverable within seven (7) business days.');
    expect(outline(doc.tree.children).map(([n, h]) => [n, h])).toEqual([
      ['Article 1', 'Purpose'],
      ['Article 2', 'Inspection of Deliverables'],
    ]);
  });
});

describe('bare numbers before Chinese headings', () => {
  it('reads 1 / 1.1 / 1.1.1 drafting with no dot after the single number, but not 3个工作日内… at a line start', () => {
    const doc = text('代运营服务协议\n\n1协议构成\n1.1 本协议由主要条款表及正文组成。\n2服务内容\n2.1 甲方为全部门店提供下列服务：\n2.1.1 商品管理：每店在售SKU不少于1,500个；\n3个工作日内甲方应完成验收。');
    expect(outline(doc.tree.children)).toEqual([
      ['1', '协议构成', [['1.1', null]]],
      ['2', '服务内容', [['2.1', null, [['2.1.1', '商品管理']]]]],
    ]);
  });
});

describe('bare numbers before English headings', () => {
  it('reads 1 Definitions / 1.1 drafting (Australian, English), but not a wrapped line that starts with a number', () => {
    const doc = text('SERVICES AGREEMENT\n\nBetween Alpha Goods Pty Ltd (Customer) and Beta Digital Pty Ltd (Consultant).\n\n1 Definitions and interpretation\n1.1 In this agreement Services means the services in Item 4.\n2 Term\n2.1 This agreement starts on the Commencement Date.\n3 Handover\n3.1 Consultant must hand over the Accounts within\n5 Business Days after this agreement ends.');
    expect(outline(doc.tree.children)).toEqual([
      ['1', 'Definitions and interpretation', [['1.1', null]]],
      ['2', 'Term', [['2.1', null]]],
      ['3', 'Handover', [['3.1', null]]],
    ]);
  });

  it('not a notice address ("3 Queen Street East") where no 3.1 follows', () => {
    const doc = text('PROMOTION AGREEMENT\n\n1. Promotion\nGo Call promotes the service.\n2. Notices\nNotices go to the parties as follows:\nGO CALL, INC.\n3 Queen Street East\nCambridge Ontario\n3. Expiration\nThis Agreement expires on March 26.');
    expect(outline(doc.tree.children).map(([n]) => n)).toEqual(['1.', '2.', '3.']);
  });
});

describe('parties numbered 1 and 2 without a dot (Australian drafting)', () => {
  it('the list number is not part of the name', () => {
    const doc = text('Services Agreement\n\nDate 24 March 2026\nParties\n1   Wattle & Ash Skincare Pty Ltd ACN 000 111 222 of the address in Item 1 (Customer)\n2   Southerly Digital Commerce Pty Ltd ACN 000 333 444 of the address in Item 2 (Consultant)\n\n1 Services\n1.1 Consultant must provide the Services in Item 4.');
    expect(doc.parties.map((p) => [p.label, p.name])).toEqual([
      ['Customer', 'Wattle & Ash Skincare Pty Ltd'],
      ['Consultant', 'Southerly Digital Commerce Pty Ltd'],
    ]);
  });
});

describe('parties listed after BETWEEN:', () => {
  it('(1) and (2) name the parties when no "agree as follows" closes them; the clauses start at 1.', () => {
    const doc = text('SERVICES AGREEMENT\n\nBETWEEN:\n(1) Alpha Goods Ltd, a company registered in England ("Client"); and\n(2) Beta Digital Ltd, a company registered in England ("Agency").\n\n1. Services\n1.1 The Agency shall manage the Client store.\n2. Fees\n2.1 The Client pays GBP 3,000 per month.');
    expect(outline(doc.tree.children)).toEqual([
      ['1.', 'Services', [['1.1', null]]],
      ['2.', 'Fees', [['2.1', null]]],
    ]);
    expect(roles(doc)).toEqual({ Client: 'client', Agency: 'provider' });
  });
});

describe('a line that introduces what follows is no heading', () => {
  it('1.3 本协议中： introduces definitions; 1.2 服务内容： names its clause', () => {
    const doc = text('第一条 定义\n1.1 本协议自签署之日起生效。\n1.2 服务内容：店铺运营。\n1.3 本协议中：\n1.3.1 “店铺”指甲方名下的快手小店。');
    expect(outline(doc.tree.children)).toEqual([['第一条', '定义', [['1.1', null], ['1.2', '服务内容'], ['1.3', null, [['1.3.1', null]]]]]]);
  });
});

describe('a statement of work after the signatures, titled with a subtitle', () => {
  it('STATEMENT OF WORK No. 1 -- AMAZON AND WALMART GROWTH PROGRAM is contract text', () => {
    const doc = text(`1. Services
1.1 Northbeam will perform the services described in each SOW.
IN WITNESS WHEREOF, the parties have executed this Agreement.
By: ______________________
STATEMENT OF WORK No. 1 -- AMAZON AND WALMART GROWTH PROGRAM
1. Services. Northbeam will perform 20 listings a month.
`);
    expect(doc.tree.children.map((c) => [c.number, c.heading])).toEqual([
      ['1.', 'Services'],
      [null, 'STATEMENT OF WORK No. 1 -- AMAZON AND WALMART GROWTH PROGRAM'],
    ]);
  });
});

describe('Latin-American and Scottish drafting', () => {
  it('DECLARATIONS are recitals and FIRST. / SECOND. are the clauses, after CLAUSES', () => {
    const doc = text(`SERVICES AGREEMENT ENTERED INTO BY AND BETWEEN, ON THE ONE HAND, ACME DEL NORTE, S.A. DE C.V., HEREINAFTER REFERRED TO AS "THE PRINCIPAL", AND, ON THE OTHER HAND, NODO DIGITAL, S. DE R.L. DE C.V., HEREINAFTER REFERRED TO AS "THE CONTRACTOR".
DECLARATIONS
I. THE PRINCIPAL declares that:
a) It is a company incorporated under the laws of Mexico.
CLAUSES
FIRST. PURPOSE. THE CONTRACTOR shall operate the store of THE PRINCIPAL.
SECOND. FEES. THE PRINCIPAL shall pay a monthly fee.
`);
    expect(outline(doc.tree.children)).toEqual([
      ['FIRST', 'PURPOSE'],
      ['SECOND', 'FEES'],
    ]);
    expect(doc.parties.map((p) => [p.label, p.role, p.name])).toEqual([
      ['PRINCIPAL', 'client', 'ACME DEL NORTE, S.A. DE C.V.'],
      ['CONTRACTOR', 'provider', 'NODO DIGITAL, S. DE R.L. DE C.V.'],
    ]);
  });

  it('"THIS IS THE SCHEDULE referred to in the foregoing Agreement" opens the schedule', () => {
    const doc = text(`1. Services
1.1 The Agent shall provide the services set out in Part 1 of the Schedule.
IN WITNESS WHEREOF these presents are subscribed as follows:
For and on behalf of THISTLEBANK KNITWEAR LIMITED
THIS IS THE SCHEDULE referred to in the foregoing Agreement between Thistlebank Knitwear Limited and Cairngate Digital Limited
Part 1 — Services and Deliverables
Listing creation: 10 new listings a month.
`);
    expect(doc.tree.children.map((c) => c.number)).toEqual(['1.', 'SCHEDULE']);
    expect(doc.tree.children[1].children.map((c) => c.number)).toEqual(['Part 1']);
  });
});

describe('terms of business that say (we, us) and (you) without quotes', () => {
  it('names we and you as parties, and reads their roles from conduct', () => {
    const doc = text(
      'Proposal: six-month growth programme\nThis proposal sets out what Northgate Digital will do for your shop.\nTerms of Business\n1. About these terms\n1.1 These terms apply to the work that Northgate Digital Ltd (company number 00000000) (we, us) does for the client named in the proposal (you).\n2. What we do\n2.1 We will run your shop and manage your listings. We will provide the services in the proposal.\n2.2 You will pay our invoices within 14 days. We invoice you monthly.\n3. Your accounts\n3.1 Your accounts are yours and you can see them at any time.',
    );
    expect(roles(doc)).toEqual({ we: 'provider', you: 'client' });
  });
});

describe('a Mexican S. de R.L. de C.V. represented by its legal representative', () => {
  it('is named by its company name, not by its representative', () => {
    const doc = text('SERVICES AGREEMENT (the "Agreement") entered into by ALFA CERAMICS, S.A. DE C.V., represented in this act by its legal representative, Ms. Ana Ruiz (hereinafter "THE MERCHANT"), and BETA DIGITAL, S. DE R.L. DE C.V., represented in this act by its legal representative, Mr. Luis Mora (hereinafter "THE OPERATOR").\n\nFIRST. PURPOSE.\n1.1 THE OPERATOR shall operate the store of THE MERCHANT.');
    expect(doc.parties.map((p) => p.name)).toEqual(['ALFA CERAMICS, S.A. DE C.V.', 'BETA DIGITAL, S. DE R.L. DE C.V.']);
  });
});

describe('a bilingual contract that labels its parties in both languages', () => {
  it('Party A (the Operator / 甲方（运营方）) gives the English and the Chinese names of one party', () => {
    const doc = text('SERVICES AGREEMENT 服务协议\nParty A (the Operator / 甲方（运营方）): Shanghai Alpha E-Commerce Co., Ltd. (上海某某电子商务有限公司)\nParty B (the Brand / 乙方（品牌方）): Beta Botanicals, Inc.\n\nArticle 1 Services / 服务内容\n1.1 Party A operates Party B\'s store.\n甲方为乙方运营店铺。\n1.2 The Store belongs to Party B.\n店铺归乙方所有。');
    expect(doc.parties.map((p) => [p.label, p.role, p.aliases])).toEqual([
      ['Party A', 'provider', ['Operator', '甲方', '运营方']],
      ['Party B', 'client', ['Brand', '乙方', '品牌方']],
    ]);
  });
});

describe('a sole trader named as a party', () => {
  it('"Harriet Vale, doing business as Juniper Hollow Ceramics (\\"Seller\\")" is a party', () => {
    const doc = text('Virtual Assistant Services Agreement\n\nBetween:\nBayanihan Remote Staffing Services, Inc., a corporation registered in the Philippines ("Provider"); and\nHarriet Vale, doing business as Juniper Hollow Ceramics, 22 Placeholder Lane, Asheville, USA ("Seller").\n\n1. Engagement\n1.1 Provider will supply a virtual assistant to perform the Services in Seller\'s shops. Seller pays Provider a monthly fee.');
    expect(doc.parties.map((p) => [p.label, p.name, p.role])).toEqual([
      ['Provider', 'Bayanihan Remote Staffing Services, Inc.', 'provider'],
      ['Seller', 'Harriet Vale', 'client'],
    ]);
  });
});

describe('two parties whose role words say the same side', () => {
  it('a Jumia "Vendor" (the merchant) and its "Operator" are told apart by what each does', () => {
    const doc = text('STORE OPERATION AGREEMENT\n\nBetween EKO LOOM FASHION LIMITED, a company incorporated in Nigeria (the "Vendor"), and MAINLAND MARKETPLACE SERVICES LIMITED, a company incorporated in Nigeria (the "Operator").\n\n1. Services\n1.1 The Vendor appoints the Operator to run its Jumia store. The Operator shall provide the store management services.\n2. Fees\n2.1 The Vendor shall pay the Operator a monthly fee of NGN 900,000.');
    expect(roles(doc)).toEqual({ Vendor: 'client', Operator: 'provider' });
  });
});

describe('Latin-American drafting', () => {
  it('CONTRACTING PARTY in the details table is the client, CONTRACTOR the provider', () => {
    const doc = text('CONTRACT FOR THE PROVISION OF SERVICES\n\nCONTRACTING PARTY  CAFÉ VEREDA NUEVA S.A.S., NIT 901.000.000-1, domiciled in Bogotá\nCONTRACTOR  PIXEL ANDINO COMERCIO DIGITAL S.A.S., NIT 901.000.000-2, domiciled in Medellín\n\nCLAUSES\nFIRST. OBJECT. THE CONTRACTOR obliges itself to operate the stores of THE CONTRACTING PARTY.');
    expect(doc.parties.map((p) => [p.label, p.role])).toEqual([
      ['CONTRACTING PARTY', 'client'],
      ['CONTRACTOR', 'provider'],
    ]);
  });
});

describe('CONSIDERATIONS before the CLAUSES', () => {
  it('the considerations are recitals: "FIRST. – OBJECT." is the first clause, not a child of consideration 1.', () => {
    const doc = text('CONTRACT FOR THE PROVISION OF SERVICES\n\nCONSIDERATIONS\n1. That THE CONTRACTING PARTY sells coffee online. 2. That THE CONTRACTOR operates marketplaces.\nCLAUSES\nFIRST. – OBJECT.\nTHE CONTRACTOR shall operate the stores.\nSECOND. – TERM.\nTwelve months.');
    expect(outline(doc.tree.children).map(([n]) => n)).toEqual(['FIRST', 'SECOND']);
  });
});

describe('unnumbered section titles in capitals', () => {
  const body = 'MARKETPLACE SERVICES AGREEMENT\n\nTHIS AGREEMENT is dated 2 March 2026.\nPARTIES\n(1) MERLION REACH COMMERCE PTE. LTD., a company incorporated in Singapore ("Party A"); and\n(2) TANJONG BAY SKINCARE PTE. LTD., a company incorporated in Singapore ("Party B").\nBACKGROUND\nParty B wishes to appoint Party A to operate its stores.\nAPPOINTMENT AND SERVICES\nParty A shall provide the services set out in Schedule 1.\nFEES AND PAYMENT\nParty B shall pay the fees in Schedule 2.\nPERSONNEL\nParty A shall assign Tan Wei Placeholder (Project Lead).\nTERM AND TERMINATION\nEither party may terminate on 30 days\' notice.\nSCHEDULE 1 - SERVICES\nTwenty listings a month.';

  it('open sections where they carry a contract with no clause numbers; parties and background stay in the preamble', () => {
    const doc = text(body);
    expect(outline(doc.tree.children)).toEqual([
      [null, 'APPOINTMENT AND SERVICES'],
      [null, 'FEES AND PAYMENT'],
      [null, 'PERSONNEL'],
      [null, 'TERM AND TERMINATION'],
      ['SCHEDULE 1', 'SERVICES'],
    ]);
    expect(doc.parties.map((p) => p.label)).toEqual(['Party A', 'Party B']);
  });

  it('stay text in a numbered contract (a heading in capitals over numbered clauses is not a clause)', () => {
    const doc = text('SERVICES AGREEMENT\n\nGENERAL TERMS\n1. Services\nThe Agency runs the store.\n2. Fees\nThe Client pays monthly.\nIMPORTANT NOTICE\n3. Term\nTwelve months.\nPLEASE READ CAREFULLY\n4. Law\nEnglish law.\nSIGNATURE PAGE FOLLOWS\n5. Notices\nBy email.');
    expect(outline(doc.tree.children).map(([n]) => n)).toEqual(['1.', '2.', '3.', '4.', '5.']);
  });
});

describe('annex letters in quotes (Philippine drafting)', () => {
  it('ANNEX "A" is Annex A', () => {
    const doc = text('SERVICES AGREEMENT\n\nSECTION 1. SCOPE OF SERVICES\n1.1 The FIRST PARTY shall render the services listed in Annex "A".\nSECTION 2. TERM\n2.1 One year.\nANNEX "A" – SERVICES AND QUANTITIES\nListings: 20 a month.');
    expect(outline(doc.tree.children).map(([n, h]) => [n, h])).toEqual([
      ['SECTION 1', 'SCOPE OF SERVICES'],
      ['SECTION 2', 'TERM'],
      ['ANNEX A', 'SERVICES AND QUANTITIES'],
    ]);
  });
});

describe('a letter written in the first person singular', () => {
  it('"I" is the sole trader who does the work, "you" the client', () => {
    const doc = text('Dear Dana,\n\nHere is everything we agreed. Please sign below.\n\n1. WHO\'S WHO\n"I", "me" and "Harbor Light" mean me, Nell Okafor. "You" means Bramble Hollow Candle Co. I\'ll be running your online shops day to day.\n2. WHAT I\'LL DO FOR YOU\nI will refresh 60 of your listings and manage your shop ads. I will send you a summary each month.\n3. FEES\nYou will pay me $950 a month. I\'ll invoice you monthly and my invoices are due in 14 days.\n\nWarmly,\nNell Okafor');
    expect(roles(doc)).toEqual({ I: 'provider', you: 'client' });
  });
});

describe('party names before "represented herein by"', () => {
  it('the company is the party, not its signatory (Philippine drafting, names in capitals)', () => {
    const doc = text('E-COMMERCE STORE MANAGEMENT AGREEMENT\n\nThis Agreement is made by and between:\nBAYANIHAN DIGITAL COMMERCE SOLUTIONS, INC., a corporation duly organized and existing under the laws of the Philippines, with principal office at Unit 1203, Ayala Avenue, Makati City, represented herein by its President, MR. RAMON S. SANTOS, hereinafter referred to as the "FIRST PARTY";\n– and –\nLUNTIAN HOME ESSENTIALS CORP., a corporation duly organized and existing under the laws of the Philippines, with principal office at 45 Sample Street, Pasig City, represented herein by its General Manager, MS. ANNA MARIE REYES, hereinafter referred to as the "SECOND PARTY".\n\nSECTION 1. SCOPE OF SERVICES\n1.1 The FIRST PARTY shall operate the SECOND PARTY\'s stores.');
    expect(doc.parties.map((p) => [p.label, p.name])).toEqual([
      ['FIRST PARTY', 'BAYANIHAN DIGITAL COMMERCE SOLUTIONS, INC.'],
      ['SECOND PARTY', 'LUNTIAN HOME ESSENTIALS CORP.'],
    ]);
  });
});

describe('an English contract drafted as one Clause | Terms table', () => {
  it('numbers its clauses in the first column; Date, Parties and Background rows are the preamble', () => {
    const rows = [
      ['1. Date', '1 June 2026'],
      ['2. Parties', 'Wattle & Wren Baby Pty Ltd of 5 Placeholder Lane (Brand Owner). Southerly Commerce Services Pty Ltd of 9 Example Street (Supplier).'],
      ['3. Background', 'The Brand Owner engages the Supplier to manage its marketplace stores.'],
      ['4. Definitions', 'Accounts: the Brand Owner\'s seller accounts.'],
      ['5. Term', '1 July 2026 to 30 June 2027.'],
      ['6. Services and monthly quantities', 'Each month the Supplier must deliver 8 new listings.'],
      ['7. Fees', '$9,500 per month, invoiced monthly in arrears.'],
      ['8. Personnel', 'Account lead: Jane Example.'],
      ['9. Termination', 'The Brand Owner may end this agreement on 30 days\' notice.'],
    ];
    const doc = md(`# Marketplace Management Services Agreement\n\n| Clause | Terms |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n`);
    expect(outline(doc.tree.children).map(([n, h]) => [n, h])).toEqual([
      ['4.', 'Definitions'],
      ['5.', 'Term'],
      ['6.', 'Services and monthly quantities'],
      ['7.', 'Fees'],
      ['8.', 'Personnel'],
      ['9.', 'Termination'],
    ]);
    expect(roles(doc)).toEqual({ 'Brand Owner': 'client', Supplier: 'provider' });
  });

  it('but a KPI table numbered 1. to 4. stays a table', () => {
    const doc = md('# Agreement\n\n1. Services\n\nThe Agency runs the store.\n\n2. KPIs\n\n| KPI | Target |\n|---|---|\n| 1. Net sales | $95,000 |\n| 2. ACoS | 20% |\n| 3. Rating | 4.8 |\n| 4. Replies | 24 hours |\n\n3. Fees\n\nMonthly.\n');
    expect(outline(doc.tree.children).map(([n]) => n)).toEqual(['1.', '2.', '3.']);
  });
});

describe('an opening set in capitals (Mexican drafting in translation)', () => {
  it('(HEREINAFTER "THE COMPANY") defines a party as (hereinafter "the Company") does', () => {
    const doc = text('SERVICES AGREEMENT\n\nSERVICES AGREEMENT ENTERED INTO, ON THE ONE HAND, BY CERÁMICA ARTESANAL DEL BAJÍO, S.A. DE C.V., REPRESENTED HEREIN BY ITS LEGAL REPRESENTATIVE (HEREINAFTER "THE COMPANY"), AND, ON THE OTHER HAND, BY IMPULSO DIGITAL COMERCIO, S. DE R.L. DE C.V., REPRESENTED HEREIN BY ITS GENERAL MANAGER (HEREINAFTER "THE PROVIDER"), IN ACCORDANCE WITH THE FOLLOWING CLAUSES:\n\nFIRST. — PURPOSE\nTHE PROVIDER undertakes to operate the store of THE COMPANY.');
    expect(doc.parties.map((p) => [p.label, p.role, p.name])).toEqual([
      ['THE COMPANY', 'client', 'CERÁMICA ARTESANAL DEL BAJÍO, S.A. DE C.V.'],
      ['THE PROVIDER', 'provider', 'IMPULSO DIGITAL COMERCIO, S. DE R.L. DE C.V.'],
    ]);
  });
});
