import { describe, expect, it } from 'vitest';
import { ingestMarkdown } from '../src/ingest/markdown.js';
import { ingestText } from '../src/ingest/text.js';
import { ruleValidator } from '../src/node/rule-packs.js';
import { lintDocument, type LintOptions, type RunnableRule } from '../src/rules/engine.js';
import { exampleDocument } from '../src/rules/examples.js';
import { loadRuleSources } from '../src/rules/load.js';
import { analyseDocument } from '../src/structure/index.js';
import type { ContractDocument } from '../src/types.js';

const validator = await ruleValidator();

function rules(yaml: string): RunnableRule[] {
  const loaded = loadRuleSources([{ file: 'x.yaml', text: yaml, pack: 't' }], validator);
  expect(loaded.problems).toEqual([]);
  expect(loaded.rules).toHaveLength(1);
  return loaded.rules;
}

/** A rule file with the given kind (indented YAML under `kind:`) and optional extra top-level keys. */
function rule(kind: string, extra = '', message = 'hit'): RunnableRule[] {
  return rules(`id: t.rule\ncategory: test\nseverity: warning\nmessage: ${message}\n${extra}kind:\n${kind}`);
}

function lint(r: RunnableRule[], text: string | ContractDocument, options: LintOptions = {}) {
  const doc = typeof text === 'string' ? exampleDocument(text) : text;
  return lintDocument(doc, r, options);
}

const enc = (s: string) => new TextEncoder().encode(s);
const textDoc = (s: string) => analyseDocument(ingestText(enc(s)));

describe('require', () => {
  const acceptance = rule(`  require:\n    where: ['验收', 'acceptance']\n`, 'aspects: [acceptance-criteria]\n');

  it('missing: one document-level finding, without a clause', () => {
    const { findings, concerns } = lint(acceptance, '第一条 服务内容\n乙方每月制作10款详情页。\n第二条 费用\n甲方每月支付服务费2万元。');
    expect(findings).toHaveLength(1);
    expect(findings[0].ruleId).toBe('t.rule');
    expect(findings[0].location).toEqual({ line: 1 });
    expect(findings[0].location.clause).toBeUndefined();
    expect(findings[0].excerpt).toBeUndefined();
    expect(concerns.test.status).toBe('missing');
    expect(concerns.test.aspects).toEqual([]);
  });

  it('missing in English too', () => {
    const { findings } = lint(acceptance, '1. Services. The Agency designs 10 product pages per month.');
    expect(findings).toHaveLength(1);
    expect(findings[0].location.clause).toBeUndefined();
  });

  it('present in a heading: no finding, and the aspects are reported', () => {
    const { findings, concerns } = lint(acceptance, '第一条 服务内容\n乙方每月制作10款详情页。\n第二条 验收\n甲方收到后5日内书面确认。');
    expect(findings).toEqual([]);
    expect(concerns.test).toEqual({ status: 'ok', clauses: ['第二条'], aspects: ['acceptance-criteria'] });
  });

  it('present in body text: no finding', () => {
    expect(lint(acceptance, '第一条 服务内容\n乙方每月制作10款详情页，甲方应在5个工作日内验收。').findings).toEqual([]);
    expect(lint(acceptance, '1. Services. Client shall give written acceptance of each deliverable.').findings).toEqual([]);
  });

  describe('scope by heading restricts where it looks', () => {
    const handover = rule(`  require:\n    where: ['移交', '交接', 'hand ?over']\n`, `scope:\n  heading: ['解除', '终止', 'terminat']\n`);

    it('a handover outside the termination clause does not count', () => {
      const { findings } = lint(handover, '第一条 服务内容\n乙方负责移交店铺账号。\n第二条 合同解除\n乙方违约的，甲方有权解除本合同。');
      expect(findings).toHaveLength(1);
      expect(findings[0].location.clause).toBeUndefined();
    });

    it('a handover inside the termination clause, or a sub-clause of it, counts', () => {
      expect(lint(handover, '第一条 服务内容\n乙方提供服务。\n第二条 合同解除\n合同解除后，乙方应移交账号。').findings).toEqual([]);
      const { findings, concerns } = lint(handover, '第一条 服务内容\n乙方提供服务。\n第二条 合同解除\n2.1 乙方违约的，甲方有权解除。\n2.2 合同解除后，乙方应在5日内移交账号和数据。');
      expect(findings).toEqual([]);
      expect(concerns.test.clauses).toEqual(['2.2']);
    });

    it('in English', () => {
      expect(lint(handover, '1. Services. The Agency shall hand over reports.\n2. Termination. Client may terminate for breach.').findings).toHaveLength(1);
      expect(lint(handover, '1. Services. The Agency runs the store.\n2. Termination. On termination the Agency shall hand over all accounts.').findings).toEqual([]);
    });
  });

  it('aspects are not reported when the rule is missing', () => {
    const { concerns } = lint(acceptance, '第一条 服务内容\n乙方提供服务。');
    expect(concerns.test.aspects).toEqual([]);
  });

  it('off in the rule settings: no finding', () => {
    expect(lint(acceptance, '第一条 服务内容\n乙方提供服务。', { ruleSettings: { 't.rule': 'off' } }).findings).toEqual([]);
    expect(lint(acceptance, '第一条 服务内容\n乙方提供服务。', { ruleSettings: { 't.rule': 'error' } }).findings[0].severity).toBe('error');
  });
});

describe('require-detail', () => {
  const kpi = rules(`id: t.kpi
category: kpi
severity: warning
aspects: [kpi-target, kpi-data-source]
message:
  zh: 考核条款缺少：{missing}
  en: "The KPI clause lacks: {missing}"
kind:
  require-detail:
    clauses:
      any:
        - heading: ['考核', 'kpi', '绩效', 'performance']
        - ['kpi', '考核指标', 'key performance indicators?']
    elements:
      - id: target
        name: { zh: 目标数值, en: a numeric target }
        pattern: ['(?:不低于|不少于|达到)\\s*\\d', '\\d+(?:\\.\\d+)?\\s*(?:%|万元|元)', '(?:at least|no less than)\\s*(?:usd|\\$)?\\s*\\d']
      - id: source
        name: { zh: 数据来源, en: a data source }
        pattern: ['生意参谋', '后台', '以[^。]{0,10}数据为准', 'back[- ]?end', 'dashboard', 'analytics']
      - id: period
        name: { zh: 考核周期, en: an assessment period }
        pattern: ['每月', '按月', '自然月', '季度', 'monthly', 'quarterly', 'each month']
`);

  it('a KPI clause without a data source: one finding at that clause, naming what is missing (zh)', () => {
    const { findings, concerns } = lint(kpi, '第一条 服务内容\n乙方提供运营服务。\n第二条 考核指标\n月销售额不低于30万元，每月考核。');
    expect(findings).toHaveLength(1);
    // At the clause heading (line 6: the example preamble takes lines 1-3).
    expect(findings[0].location).toMatchObject({ line: 6, clause: '第二条', heading: '考核指标' });
    expect(findings[0].message).toBe('考核条款缺少：数据来源');
    expect(concerns.kpi.status).toBe('weak');
    expect(concerns.kpi.aspects).toEqual([]);
  });

  it('names every missing element, in English', () => {
    const { findings } = lint(kpi, '1. Services. The Agency runs the store.\n2. KPIs. The KPIs will be agreed by the parties later.');
    expect(findings).toHaveLength(1);
    expect(findings[0].location.clause).toBe('2.');
    expect(findings[0].message).toBe('The KPI clause lacks: a numeric target, a data source, an assessment period');
  });

  it('the message follows the requested language', () => {
    const { findings } = lint(kpi, '第二条 考核指标\nKPI由双方另行协商确定。', { language: 'en' });
    expect(findings[0].message).toBe('The KPI clause lacks: a numeric target, a data source, an assessment period');
  });

  it('an English clause lacking only the data source', () => {
    const { findings } = lint(kpi, '1. Services. The Agency runs the store.\n2. Performance. Monthly GMV of at least USD 50,000.');
    expect(findings.map((f) => f.message)).toEqual(['The KPI clause lacks: a data source']);
  });

  it('elements found in sub-clauses count', () => {
    const { findings, concerns } = lint(kpi, '第五条 考核指标\n5.1 月销售额不低于30万元。\n5.2 以生意参谋数据为准。\n5.3 按自然月考核。');
    expect(findings).toEqual([]);
    expect(concerns.kpi.status).toBe('ok');
    expect(concerns.kpi.aspects).toEqual(['kpi-data-source', 'kpi-target']);
  });

  it('elements outside the KPI clause do not count', () => {
    const { findings } = lint(kpi, '第一条 服务内容\n乙方每月在生意参谋后台查看数据。\n第二条 考核指标\n月销售额不低于30万元，每月考核。');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('考核条款缺少：数据来源');
  });

  it('everything present: no finding', () => {
    expect(lint(kpi, '第五条 考核指标\n以生意参谋数据为准，每月考核，月销售额不低于30万元。').findings).toEqual([]);
    expect(lint(kpi, '1. KPIs. Measured monthly from the platform back end: GMV of at least USD 50,000.').findings).toEqual([]);
  });

  it('no KPI clause at all: no finding (that is for a require rule)', () => {
    const { findings, concerns } = lint(kpi, '第一条 服务内容\n乙方提供运营服务。\n第二条 费用\n甲方每月支付2万元。');
    expect(findings).toEqual([]);
    expect(concerns.kpi.clauses).toEqual([]);
  });

  it('min: enough elements present is enough', () => {
    const lenient = rules(`id: t.min
category: kpi
severity: warning
message: "缺少 {missing}"
kind:
  require-detail:
    clauses: ['考核指标']
    min: 2
    elements:
      - { id: a, name: 目标, pattern: '\\d+%' }
      - { id: b, name: 来源, pattern: '生意参谋' }
      - { id: c, name: 周期, pattern: '每月' }
`);
    expect(lint(lenient, '第五条 考核指标\n转化率不低于3%，每月考核。').findings).toEqual([]);
    expect(lint(lenient, '第五条 考核指标\n转化率不低于3%。').findings.map((f) => f.message)).toEqual(['缺少 来源、周期']);
  });
});

describe('{client} and {provider} when the contract names no party with that role', () => {
  const owns = rule(`  require:\n    where: '{client} owns[^.;]{0,40}accounts'\n`);

  it('fall back to the words e-commerce contracts use for each side (seller, brand, merchant …)', () => {
    const doc = textDoc('STORE MANAGEMENT TERMS\n\n1. Services\n1.1 The operator runs the online shop.\n2. Accounts\n2.1 The Seller owns the store and advertising accounts.');
    expect(doc.parties).toEqual([]);
    expect(lint(owns, doc).findings).toEqual([]);
    const other = textDoc('STORE MANAGEMENT TERMS\n\n1. Services\n1.1 The operator runs the online shop.\n2. Accounts\n2.1 The operator owns the store and advertising accounts.');
    expect(lint(owns, other).findings).toHaveLength(1);
  });
});

describe('table cells', () => {
  const planConfirmed = rule(`  require:\n    where: '方案[^。；]{0,30}确认'\n`);
  const md = (body: string) => analyseDocument(ingestMarkdown(enc(`甲方（委托方）：示例服饰有限公司\n\n乙方（受托方）：示例电子商务有限公司\n\n## 第一条 工作节奏\n\n${body}\n`)));

  it('a pattern does not read from one cell into the next: two parties\' columns are two statements', () => {
    const table = md('| 时间 | 乙方工作 | 甲方工作 |\n|---|---|---|\n| 大促前15日 | 提交大促方案 | 确认货盘并备足库存 |');
    expect(lint(planConfirmed, table).findings).toHaveLength(1);
    expect(lint(planConfirmed, md('大促前15日，乙方提交大促方案，经甲方确认后执行。')).findings).toEqual([]);
    expect(lint(planConfirmed, md('| 时间 | 工作 |\n|---|---|\n| 大促前15日 | 乙方提交大促方案，经甲方确认后执行 |')).findings).toEqual([]);
  });
});

describe('forbid', () => {
  const guarantee = rule(`  forbid:
    pattern:
      - '(?:保证|承诺|确保)[^。；;]{0,12}(?:销售额|销量|gmv)[^。；;]{0,12}(?:不低于|达到|超过|\\d)'
      - 'guarantees?[^.;]{0,40}(?:sales|gmv|revenue)'
    unless: ['除[^。；]{0,20}外', 'except']
`);

  it('flags a sales guarantee, at the guarantee', () => {
    const { findings } = lint(guarantee, '第五条 业绩\n乙方保证甲方店铺月销售额不低于100万元。');
    expect(findings).toHaveLength(1);
    expect(findings[0].location).toMatchObject({ line: 5, clause: '第五条' });
    expect(findings[0].excerpt).toBe('保证甲方店铺月销售额不低于100');
  });

  it('flags an English guarantee', () => {
    expect(lint(guarantee, '1. Results. The Agency guarantees monthly sales of USD 1,000,000.').findings).toHaveLength(1);
  });

  it('negated just before: not flagged (乙方不保证 / does not guarantee / 并不承诺)', () => {
    expect(lint(guarantee, '第五条 业绩\n乙方不保证销售额达到100万元。').findings).toEqual([]);
    expect(lint(guarantee, '第五条 业绩\n乙方并不承诺销量超过1万件。').findings).toEqual([]);
    expect(lint(guarantee, '1. Results. The Agency does not guarantee any level of sales.').findings).toEqual([]);
    expect(lint(guarantee, '1. Results. The Agency makes no representation and guarantees no sales.').findings).toEqual([]);
  });

  it('words that begin like a negation but strengthen the promise do not negate it (无条件保证 / not only)', () => {
    expect(lint(guarantee, '第五条 业绩\n乙方无条件保证甲方店铺月销售额不低于100万元。').findings).toHaveLength(1);
    expect(lint(guarantee, '第五条 业绩\n乙方不可撤销保证月销售额不低于100万元。').findings).toHaveLength(1);
    expect(lint(guarantee, '第五条 业绩\n乙方不仅保证月销售额不低于100万元，而且保证利润。').findings).toHaveLength(1);
    expect(lint(guarantee, '1. Results. The Agency not only guarantees sales of USD 1,000,000 but also profit.').findings).toHaveLength(1);
    // Real negations around them still negate.
    expect(lint(guarantee, '第五条 业绩\n乙方无法保证销售额达到100万元。').findings).toEqual([]);
    expect(lint(guarantee, '第五条 业绩\n乙方并未保证销售额达到100万元。').findings).toEqual([]);
  });

  it('a negation far before, or after, the guarantee does not negate it', () => {
    expect(lint(guarantee, '第五条 业绩\n如无特殊情况，乙方保证月销售额不低于100万元。').findings).toHaveLength(1);
    expect(lint(guarantee, '第五条 业绩\n乙方保证月销售额达到100万元，不得低于此数。').findings).toHaveLength(1);
  });

  it('a heading that contains the trigger word does not swallow the negation in the body', () => {
    expect(lint(guarantee, '第五条 销售承诺\n乙方不保证甲方店铺的销售额达到100万元。').findings).toEqual([]);
    expect(lint(guarantee, '第五条 销售承诺\n乙方保证甲方店铺的销售额达到100万元。').findings).toHaveLength(1);
  });

  it('an `unless` exception in the same sentence suppresses it; in another sentence it does not', () => {
    expect(lint(guarantee, '第五条 业绩\n除不可抗力外，乙方保证月销售额不低于100万元。').findings).toEqual([]);
    expect(lint(guarantee, '1. Results. Except in a force majeure event, the Agency guarantees monthly sales of USD 1,000,000.').findings).toEqual([]);
    expect(lint(guarantee, '第五条 业绩\n乙方保证月销售额不低于100万元。除不可抗力外，甲方应按时付款。').findings).toHaveLength(1);
  });

  it('a heading that names what its body says is not a second finding', () => {
    const sub = lint(guarantee, '1. Guaranteed sales\n1.1 The Agency guarantees monthly sales of USD 1,000,000.');
    expect(sub.findings.map((f) => f.location.clause)).toEqual(['1.1']);
    const body = lint(guarantee, '1. Guaranteed sales\nThe Agency guarantees monthly sales of USD 1,000,000.');
    expect(body.findings).toHaveLength(1);
    expect(body.findings[0].excerpt).toContain('guarantees monthly sales');
    // a heading alone still counts
    expect(lint(guarantee, '1. Guaranteed sales of USD 1,000,000\n1.1 Fees are paid monthly.').findings).toHaveLength(1);
  });

  it('one finding per sentence, several for several sentences', () => {
    const { findings } = lint(guarantee, '第五条 业绩\n乙方保证月销售额不低于100万元。乙方保证月销量达到1万件。');
    expect(findings).toHaveLength(2);
  });

  it('each: true reports every match, also two in one sentence', () => {
    const blanks = (each: string) => rule(`  forbid:\n    negation: false\n${each}    pattern: '_{3,}'\n`);
    const text = '第五条 付款\n甲方应于每月____日前支付服务费人民币____元。';
    expect(lint(blanks(''), text).findings).toHaveLength(1);
    expect(lint(blanks('    each: true\n'), text).findings.map((f) => f.location.line)).toEqual([5, 5]);
  });

  describe('negation: false', () => {
    const noExit = rule(`  forbid:
    negation: false
    pattern: ['(?:不得|不能)(?:提前)?解除(?:本)?合同', 'may not terminate']
    unless: ['违约', 'breach']
`);

    it('flags even after 不 / not', () => {
      expect(lint(noExit, '第九条 期限\n合同期内甲方不得提前解除本合同。').findings).toHaveLength(1);
      expect(lint(noExit, '1. Term. Client may not terminate this Agreement during the first year.').findings).toHaveLength(1);
    });

    it('the same pattern with negation on would not flag it', () => {
      const negating = rule(`  forbid:\n    pattern: ['解除(?:本)?合同']\n`);
      expect(lint(negating, '第九条 期限\n合同期内甲方不得提前解除本合同。').findings).toEqual([]);
      expect(lint(negating, '第九条 期限\n合同期内甲方不得解除本合同。').findings).toEqual([]);
      expect(lint(negating, '第九条 期限\n甲方有权提前解除本合同。').findings).toHaveLength(1);
    });

    it('unless still applies', () => {
      expect(lint(noExit, '第九条 期限\n除乙方违约外，甲方不得提前解除本合同。').findings).toEqual([]);
    });
  });
});

describe('one-sided', () => {
  const waiver = rules(`id: t.waiver
category: liability-waiver
severity: error
message:
  zh: "单方免责：只免除{party}的责任（{favours}）"
  en: "One-sided: only {party} is excused ({favours})"
kind:
  one-sided:
    pattern:
      - '不(?:承担|负)(?:任何)?(?:法律|赔偿|违约)?(?:责任|赔偿)'
      - '(?:shall|will) not be (?:held )?(?:liable|responsible)'
`);

  it('乙方不承担任何责任 favours the provider and is flagged for the client (default party)', () => {
    const { findings } = lint(waiver, '第八条 免责\n因市场变化或平台规则调整导致销售下滑的，乙方不承担任何责任。');
    expect(findings).toHaveLength(1);
    expect(findings[0].favours).toBe('provider');
    expect(findings[0].message).toBe('单方免责：只免除乙方的责任（provider）');
    expect(findings[0].location).toMatchObject({ line: 5, clause: '第八条', heading: '免责' });
    expect(findings[0].excerpt).toBe('不承担任何责任');
  });

  it('the same term is not flagged when the reader is the provider', () => {
    expect(lint(waiver, '第八条 免责\n因市场变化导致销售下滑的，乙方不承担任何责任。', { party: 'provider' }).findings).toEqual([]);
  });

  it('an exemption of the client is flagged for the provider, not for the client', () => {
    const text = '第八条 免责\n因平台原因导致的延误，甲方不承担任何责任。';
    expect(lint(waiver, text).findings).toEqual([]);
    const { findings } = lint(waiver, text, { party: 'provider' });
    expect(findings.map((f) => f.favours)).toEqual(['client']);
  });

  it('English: "The Agency shall not be liable" favours the provider', () => {
    const { findings } = lint(waiver, '1. Liability. The Agency shall not be liable for any decline in sales.');
    expect(findings.map((f) => f.favours)).toEqual(['provider']);
    expect(findings[0].message).toBe('One-sided: only Agency is excused (provider)');
  });

  it('the party the loss is owed to (对甲方 / to Client) is not the party exempted', () => {
    expect(lint(waiver, '第八条 免责\n乙方对甲方的任何损失不承担任何责任。').findings.map((f) => f.favours)).toEqual(['provider']);
    expect(lint(waiver, '1. Liability. The Agency shall not be liable to the Client for any loss.').findings.map((f) => f.favours)).toEqual(['provider']);
  });

  it('the party whose fault causes the loss (因甲方原因) is not the party exempted', () => {
    const { findings } = lint(waiver, '第八条 免责\n乙方对因甲方原因造成的损失不承担责任。');
    expect(findings.map((f) => f.favours)).toEqual(['provider']);
    expect(findings[0].message).toContain('乙方');
  });

  it('mutual wording is not one-sided', () => {
    expect(lint(waiver, '第八条 不可抗力\n因不可抗力导致不能履行的，双方均不承担责任。').findings).toEqual([]);
    expect(lint(waiver, '第八条 不可抗力\n因不可抗力导致不能履行的，任何一方均不承担责任。').findings).toEqual([]);
    expect(lint(waiver, '1. Force Majeure. Neither party shall be liable for delays caused by force majeure.').findings).toEqual([]);
  });

  it('a mutual word in the heading does not make the body mutual', () => {
    const zh = lint(waiver, '第十条 双方权利义务\n因市场变化导致销售下滑的，乙方不承担任何责任。');
    expect(zh.findings.map((f) => f.favours)).toEqual(['provider']);
    const en = lint(waiver, '1. Obligations of the Parties\nThe Agency shall not be liable for any decline in sales.');
    expect(en.findings.map((f) => f.favours)).toEqual(['provider']);
  });

  it('a reciprocal clause elsewhere in the contract cancels it', () => {
    const text = '第八条 免责\n因市场变化导致销售下滑的，乙方不承担任何责任。\n第九条 其他\n因乙方原因导致延误的，甲方不承担任何责任。';
    const { findings, concerns } = lint(waiver, text);
    expect(findings).toEqual([]);
    expect(concerns['liability-waiver'].clauses).toEqual(['第八条', '第九条']);
    expect(lint(waiver, text, { party: 'provider' }).findings).toEqual([]);
  });

  it('roles come from conduct, not labels: 甲方 as the agency', () => {
    const text = [
      '甲方：杭州某某电子商务有限公司',
      '乙方：上海某某服饰有限公司',
      '',
      '第一条 服务内容',
      '甲方为乙方提供天猫店铺代运营服务，乙方向甲方支付服务费。',
      '第二条 免责',
      '因平台规则调整导致销量下降的，甲方不承担任何责任。',
    ].join('\n');
    const doc = exampleDocument(text);
    expect(doc.parties.map((p) => [p.label, p.role])).toEqual([
      ['甲方', 'provider'],
      ['乙方', 'client'],
    ]);
    const { findings } = lint(waiver, doc);
    expect(findings).toHaveLength(1);
    expect(findings[0].favours).toBe('provider');
    expect(findings[0].message).toContain('甲方');
    expect(findings[0].location.line).toBe(7);
    expect(lint(waiver, doc, { party: 'provider' }).findings).toEqual([]);
  });

  describe('favoured: object (a waiver protects the other party)', () => {
    const release = rule(`  one-sided:\n    favoured: object\n    pattern: ['放弃[^。；]{0,10}(?:追偿|索赔)', 'waives?[^.;]{0,20}claims? against']\n`, '', '"{party}"');

    it('甲方放弃向乙方追偿 favours 乙方, the provider', () => {
      const { findings } = lint(release, '第八条 追偿\n甲方放弃向乙方追偿的权利。');
      expect(findings.map((f) => f.favours)).toEqual(['provider']);
      expect(findings[0].message).toBe('乙方');
    });

    it('乙方放弃向甲方追偿 favours the client: not flagged for the client', () => {
      expect(lint(release, '第八条 追偿\n乙方放弃向甲方追偿的权利。').findings).toEqual([]);
      expect(lint(release, '第八条 追偿\n乙方放弃向甲方追偿的权利。', { party: 'provider' }).findings.map((f) => f.favours)).toEqual(['client']);
    });

    it('in English', () => {
      const { findings } = lint(release, '1. Release. Client waives all claims against the Agency.');
      expect(findings.map((f) => f.favours)).toEqual(['provider']);
    });
  });

  it('favours: any flags a one-sided term whichever side it favours', () => {
    const any = rule(`  one-sided:\n    favours: any\n    pattern: ['不承担任何责任']\n`);
    expect(lint(any, '第八条 免责\n甲方不承担任何责任。').findings.map((f) => f.favours)).toEqual(['client']);
  });
});

describe('threshold', () => {
  const upfront = rule(`  threshold:
    type: percent
    near: ['预付', '首期', '签(?:约|订)[^。；]{0,10}(?:支付|付)', 'up ?front', 'in advance', 'upon signing']
    op: '>'
    value: 50
`, '', '"{value}"');

  it('预付70% is flagged, with the value in the message and the excerpt', () => {
    const { findings } = lint(upfront, '第三条 费用\n甲方应于本合同签订后3日内预付全年服务费的70%。');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('70%');
    expect(findings[0].excerpt).toBe('70%');
    expect(findings[0].location).toMatchObject({ line: 5, clause: '第三条' });
  });

  it('预付30% is not; nor exactly 50% with op >', () => {
    expect(lint(upfront, '第三条 费用\n甲方应于本合同签订后3日内预付全年服务费的30%。').findings).toEqual([]);
    expect(lint(upfront, '第三条 费用\n甲方应预付服务费的50%。').findings).toEqual([]);
  });

  it('百分之七十 and English', () => {
    expect(lint(upfront, '第三条 费用\n甲方应预付服务费的百分之七十。').findings).toHaveLength(1);
    expect(lint(upfront, '1. Fees. Client shall pay 80% of the annual fee upon signing.').findings).toHaveLength(1);
    expect(lint(upfront, '1. Fees. Client shall pay 30% of the fee in advance and the rest monthly.').findings).toEqual([]);
  });

  it('the cells of one table row are read together, and rows apart (Markdown table)', () => {
    const table = (rows: string) =>
      analyseDocument(ingestMarkdown(enc(`Between Example Apparel Ltd. ("Client") and Example Digital LLC ("Agency").\n\n## 1. Fees\n\n| Instalment | Amount | Due |\n|---|---|---|\n${rows}\n`)));
    const flagged = lint(upfront, table('| First instalment: 70% | 70,000 | upon signing |\n| Second instalment: 30% | 30,000 | 1 September |'));
    expect(flagged.findings.map((f) => f.message)).toEqual(['70%']);
    // the share in one row, the words 'upon signing' in the next: not one statement
    expect(lint(upfront, table('| First instalment: 70% | 70,000 | 1 July |\n| Deposit | 5,000 | upon signing |')).findings).toEqual([]);
  });

  it('a percentage in a sentence without the `near` words is not flagged', () => {
    expect(lint(upfront, '第三条 考核\n店铺转化率不低于70%。').findings).toEqual([]);
    expect(lint(upfront, '第三条 费用\n甲方预付服务费的30%。乙方的提成为销售额的70%。').findings).toEqual([]);
  });

  it('the clause heading is context for the sentences under it', () => {
    const { findings } = lint(upfront, '第三条 预付款\n甲方应支付服务费总额的70%。');
    expect(findings.map((f) => f.excerpt)).toEqual(['70%']);
  });

  describe('durations: a notice period over 90 days', () => {
    const notice = rule(`  threshold:
    type: duration
    near: ['提前[^。；]{0,6}通知', 'notice']
    op: '>'
    value: 90
`);

    it('6个月 (180 days) is flagged, 30日 and 3个月 (90 days) are not', () => {
      expect(lint(notice, '第九条 解除\n甲方解除合同的，应提前6个月书面通知乙方。').findings.map((f) => f.excerpt)).toEqual(['6个月']);
      expect(lint(notice, '第九条 解除\n甲方解除合同的，应提前六个月书面通知乙方。').findings).toHaveLength(1);
      expect(lint(notice, '第九条 解除\n任何一方可提前30日书面通知对方解除本合同。').findings).toEqual([]);
      expect(lint(notice, '第九条 解除\n任何一方可提前3个月书面通知对方解除本合同。').findings).toEqual([]);
    });

    it('business days count 7/5: 70 business days (98 days) is over 90', () => {
      expect(lint(notice, '1. Termination. Client may terminate on 70 business days notice.').findings).toHaveLength(1);
      expect(lint(notice, '1. Termination. Client may terminate on 60 business days notice.').findings).toEqual([]);
      expect(lint(notice, "1. Termination. Client may terminate on 180 days' prior written notice.").findings).toHaveLength(1);
    });

    it('a date in the notice sentence is not a duration', () => {
      expect(lint(notice, '第九条 解除\n甲方可于2026年12月1日前提前30日通知乙方解除合同。').findings).toEqual([]);
    });

    it('"one hundred and twenty (120) days" is 120 days', () => {
      expect(lint(notice, "1. Termination. Client may terminate on one hundred and twenty (120) days' notice.").findings.map((f) => f.excerpt)).toEqual(['120) days']);
      expect(lint(notice, "1. Termination. Client may terminate on thirty (30) days' notice.").findings).toEqual([]);
    });

    const noticeAt = rule(`  threshold:
    type: duration
    near: ['notice']
    at: ['\\d[^.;,]{0,20}days?''? notice', 'at least [^.;]{0,20}days? before']
    op: '>'
    value: 90
`);

    it('with `at`, only the number the phrase measures counts, not another one in the sentence', () => {
      const renewal = '1. Term. Client may extend the Term by a further 365 days by notice given at least 30 days before it ends.';
      expect(lint(notice, renewal).findings).toHaveLength(1);
      expect(lint(noticeAt, renewal).findings).toEqual([]);
      expect(lint(noticeAt, "1. Termination. Client may terminate on 180 days' notice.").findings).toHaveLength(1);
    });
  });

  describe('money with a unit filter', () => {
    const fee = rule(`  threshold:
    type: money
    near: ['服务费', 'fee']
    op: '>'
    value: 10000
    unit: yuan
`, '', '"{value}"');

    it('2万元 is over 10000 yuan; 8000元 is not', () => {
      expect(lint(fee, '第三条 费用\n甲方每月支付服务费2万元。').findings.map((f) => f.message)).toEqual(['2万元']);
      expect(lint(fee, '第三条 费用\n甲方每月支付服务费8000元。').findings).toEqual([]);
    });

    it('dollars are not yuan', () => {
      expect(lint(fee, '1. Fees. Client pays a monthly fee of USD 50,000.').findings).toEqual([]);
      expect(lint(fee, '1. Fees. Client pays a monthly fee of $50,000.').findings).toEqual([]);
    });

    it('a usd filter takes dollars only', () => {
      const usd = rule(`  threshold:\n    type: money\n    near: ['fee']\n    op: '>='\n    value: 5000\n    unit: usd\n`);
      expect(lint(usd, '1. Fees. Client pays a monthly fee of USD 5,000.').findings).toHaveLength(1);
      expect(lint(usd, '1. Fees. Client pays a monthly fee of RMB 50,000.').findings).toEqual([]);
    });
  });

  it('without `near`, every sentence counts', () => {
    const many = rule(`  threshold:\n    type: count\n    op: '<'\n    value: 5\n`);
    expect(lint(many, '第一条 服务内容\n乙方每月制作3款详情页。').findings).toHaveLength(1);
    expect(lint(many, '第一条 服务内容\n乙方每月制作10款详情页，在3个月内完成。').findings).toEqual([]);
    // 第十二条 is a clause number, not a count of one or twelve.
    expect(lint(many, '第一条 服务内容\n详见第二条。').findings).toEqual([]);
  });
});

describe('conditional', () => {
  const spend = rule(`  conditional:
    if: ['乙方[^。；]{0,20}(?:负责|管理)[^。；]{0,12}(?:推广|投放)', 'agency[^.;]{0,40}manages?[^.;]{0,30}(?:ads?|advertising)']
    then: ['(?:查看|登录)[^。；]{0,20}(?:后台|推广账户)', '(?:access|view)[^.;]{0,40}(?:ad|advertising) accounts?']
`);

  it('if present and then absent: a finding at the `if` clause', () => {
    const { findings, concerns } = lint(spend, '第一条 服务内容\n乙方负责甲方店铺的直通车推广投放。\n第二条 费用\n甲方按月付费。');
    expect(findings).toHaveLength(1);
    expect(findings[0].location).toMatchObject({ line: 5, clause: '第一条', heading: '服务内容' });
    expect(findings[0].excerpt).toBe('乙方负责甲方店铺的直通车推广投放');
    expect(concerns.test.clauses).toEqual(['第一条']);
  });

  it('in English', () => {
    const { findings } = lint(spend, "1. Services. The Agency shall manage Client's advertising budget.");
    expect(findings).toHaveLength(1);
    expect(findings[0].location.clause).toBe('1.');
  });

  it('both present, in different clauses: no finding', () => {
    const { findings, concerns } = lint(spend, '第一条 服务内容\n乙方负责甲方店铺的直通车推广投放。\n第二条 数据\n甲方有权随时登录推广账户查看投放消耗。');
    expect(findings).toEqual([]);
    expect(concerns.test.clauses).toEqual(['第一条', '第二条']);
  });

  it('if absent: no finding, even without the then', () => {
    expect(lint(spend, '第一条 服务内容\n乙方负责店铺日常运营和客服。').findings).toEqual([]);
  });
});

describe('composition of conditions', () => {
  const DOC = [
    '第一条 服务内容',
    '乙方负责店铺推广，每月费用2万元。',
    '第二条 违约责任',
    '2.1 乙方逾期交付的，应支付违约金。',
    '2.2 甲方逾期付款的，应支付违约金。',
    '第三条 其他',
    '本合同未尽事宜由双方另行协商。',
  ].join('\n');
  const where = (pattern: string) => lint(rule(`  forbid:\n    negation: false\n    pattern:\n${pattern}\n`), DOC).findings.map((f) => [f.location.clause, f.excerpt]);

  it('a list is any of its patterns', () => {
    expect(where("      ['推广', '协商']")).toEqual([
      ['第一条', '推广'],
      ['第三条', '协商'],
    ]);
  });

  it('all: every part holds in the clause', () => {
    expect(where("      all: ['乙方', '违约金']")).toEqual([['2.1', '乙方']]);
  });

  it('any: one of the parts holds', () => {
    expect(where("      any: ['推广', '未尽事宜']")).toEqual([
      ['第一条', '推广'],
      ['第三条', '未尽事宜'],
    ]);
  });

  it('not: the part does not hold', () => {
    expect(where("      all: ['违约金', { not: '甲方' }]")).toEqual([['2.1', '违约金']]);
  });

  it('inside: a pattern only inside a clause whose heading matches', () => {
    expect(where("      all: ['逾期', { inside: { heading: '违约' } }]")).toEqual([
      ['2.1', '逾期'],
      ['2.2', '逾期'],
    ]);
    expect(where("      all: ['乙方', { inside: { heading: '违约' } }]")).toEqual([['2.1', '乙方']]);
    expect(where("      all: ['乙方', { inside: { heading: '服务' } }]")).toEqual([]);
  });

  it('heading: the clause heading only, one finding per clause', () => {
    expect(where("      heading: '违约'")).toEqual([['第二条', '第二条 违约责任']]);
    // 违约金 is in the body of 2.1 and 2.2, which have no heading of their own.
    expect(where("      all: [{ heading: '违约|其他' }, '协商|违约金']")).toEqual([['第三条', '协商']]);
  });

  it('a heading condition on a clause of several sentences is still one finding', () => {
    const r = rule(`  forbid:\n    pattern:\n      heading: '违约'\n`);
    expect(lint(r, '第一条 违约责任\n乙方逾期的，应付违约金。甲方逾期的，应付违约金。乙方应赔偿损失。').findings).toHaveLength(1);
  });

  it('clause: the clause number', () => {
    expect(where("      clause: '2.2'")).toEqual([['2.2', '2.2 甲方逾期付款的，应支付违约金。']]);
    expect(where("      all: [{ clause: ['2.1', '第三条'] }, '乙方|协商']")).toEqual([
      ['2.1', '乙方'],
      ['第三条', '协商'],
    ]);
    expect(where("      pattern: '违约金'\n      clause: '2.2'")).toEqual([['2.2', '违约金']]);
  });

  it('scope by clause number', () => {
    const r = rule(`  forbid:\n    negation: false\n    pattern: '违约金'\n`, "scope:\n  clause: '2.2'\n");
    expect(lint(r, DOC).findings.map((f) => f.location.clause)).toEqual(['2.2']);
  });
});

describe('positions point at the original text', () => {
  const waiver = rule(`  one-sided:\n    pattern: ['不(?:承担|负)(?:任何)?(?:责任|赔偿)']\n`);
  const upfront = rules(`id: t.upfront\ncategory: payment\nseverity: warning\nmessage: 预付{value}\nkind:\n  threshold:\n    type: percent\n    near: ['预付']\n    op: '>'\n    value: 50\n`);
  const both = [...waiver, ...upfront];

  const TEXT = [
    '代运营服务合同', // 1
    '', // 2
    '甲方（委托方）：杭州某某服饰有限公司', // 3
    '乙方（受托方）：上海某某电子商务有限公司', // 4
    '', // 5
    '第一条 服务内容', // 6
    '乙方为甲方提供天猫店铺代运营服务。', // 7
    '第二条 费用', // 8
    '2.1 甲方每月支付服务费２万元。', // 9
    '2.2 甲方应于本合同签订后３日内预付全年服务费的 ７０％。', // 10
    '第三条 免责', // 11
    '因市场变化导致销售下滑的，乙方 不承担 任何责任。', // 12
  ].join('\n');

  it('line, clause, heading and excerpt of each finding', () => {
    const doc = textDoc(TEXT);
    const { findings } = lintDocument(doc, both, {});
    expect(findings.map((f) => [f.ruleId, f.location, f.excerpt])).toEqual([
      ['t.upfront', { line: 10, clause: '2.2' }, '７０％'],
      ['t.rule', { line: 12, clause: '第三条', heading: '免责' }, '不承担 任何责任'],
    ]);
    // The excerpt is the original text at the reported line.
    for (const f of findings) expect(doc.lines[f.location.line - 1]).toContain(f.excerpt!);
    expect(findings[1].clausePath).toBeUndefined();
    expect(findings[0].clausePath).toEqual(['第二条', '2.2']);
  });

  it('a match on a continuation line of a Markdown list item points at that line', () => {
    const md = [
      '# 代运营服务合同', // 1
      '', // 2
      '甲方（委托方）：A服饰有限公司', // 3
      '', // 4
      '乙方（受托方）：B电子商务有限公司', // 5
      '', // 6
      '## 第三条 免责', // 7
      '', // 8
      '1. 因市场变化或平台规则调整', // 9
      '   导致销售下滑的，乙方不承担任何责任。', // 10
    ].join('\n');
    const { findings } = lintDocument(analyseDocument(ingestMarkdown(enc(md))), waiver, {});
    expect(findings).toHaveLength(1);
    expect(findings[0].location).toEqual({ line: 10, clause: '1.' });
  });

  it('a PDF paragraph over a page break: the line and page of the match', () => {
    const doc = analyseDocument({
      format: 'pdf',
      lines: [],
      notes: [],
      pageCount: 2,
      blocks: [
        { text: '甲方（委托方）：A服饰有限公司', kind: 'paragraph', line: 1, endLine: 1, page: 1 },
        { text: '乙方（受托方）：B电子商务有限公司', kind: 'paragraph', line: 2, endLine: 2, page: 1 },
        { text: '第一条 付款', kind: 'paragraph', line: 3, endLine: 3, page: 1 },
        {
          text: '甲方应于签订后3日内预付服务费的70%。因市场变化导致销售下滑的，乙方不承担任何责任。',
          kind: 'paragraph',
          line: 4,
          endLine: 5,
          page: 1,
          segments: [
            { offset: 0, line: 4, page: 1 },
            { offset: 21, line: 5, page: 2 },
          ],
        },
      ],
    });
    const { findings } = lintDocument(doc, both, {});
    expect(findings.map((f) => [f.ruleId, f.location])).toEqual([
      ['t.upfront', { line: 4, page: 1, clause: '第一条', heading: '付款' }],
      ['t.rule', { line: 5, page: 2, clause: '第一条', heading: '付款' }],
    ]);
  });

  it('English findings point at their line', () => {
    const text = ['This Agreement is between Example Apparel Ltd. ("Client") and Example Digital LLC ("Agency").', '', '1. Services. The Agency operates the store.', '2. Liability.', 'The Agency shall not be liable for any decline in sales.'].join('\n');
    const en = rule(`  one-sided:\n    pattern: ['shall not be liable']\n`);
    const { findings } = lintDocument(textDoc(text), en, {});
    expect(findings.map((f) => [f.location.line, f.location.clause, f.excerpt])).toEqual([[5, '2.', 'shall not be liable']]);
  });
});

describe('party words in patterns', () => {
  it('stand as whole words: a letter\'s "we" is not the one inside "however"', async () => {
    const { roleTerms } = await import('../src/rules/document-view.js');
    const terms = roleTerms([
      { term: 'we', label: 'we', role: 'provider' },
      { term: 'you', label: 'you', role: 'client' },
    ]);
    const provider = new RegExp(terms.provider);
    expect(provider.test('however, the fees stay')).toBe(false);
    expect(provider.test('and we will refund')).toBe(true);
    expect(new RegExp(terms.client).test('bayou bottling')).toBe(false);
  });
});
