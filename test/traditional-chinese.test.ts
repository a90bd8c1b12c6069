import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/node/lint-files.js';
import { normalize, normalizePattern } from '../src/rules/normalize.js';
import { TRADITIONAL_TO_SIMPLIFIED } from '../src/util/traditional-chinese-table.js';
import { FIRST_MAPPED, hasTraditional, isMostlyTraditional, toSimplified } from '../src/util/traditional-chinese.js';
import { Converter } from 'opencc-js/cn2t';
import { writeBundle } from '../src/node/rule-bundle-build.js';
import { readBundle } from '../src/node/rule-bundle.js';
import { yamlFiles } from '../src/node/rule-packs.js';
import { readContract } from '../src/node/read-contract.js';
import { lintDocument } from '../src/rules/engine.js';
import { formatStylish } from '../src/report/stylish.js';
import { useTempDirs } from './temp-dirs.js';
import { tableSource, traditionalPairs } from '../scripts/make-traditional-table.mjs';

const root = path.resolve(__dirname, '..');
const tempDir = useTempDirs();

describe('Traditional Chinese read as Simplified', () => {
  it('the committed table is what scripts/make-traditional-table.mjs makes from the installed OpenCC dictionary', async () => {
    const committed = readFileSync(path.join(root, 'src/util/traditional-chinese-table.ts'), 'utf8');
    expect(committed).toBe(tableSource(await traditionalPairs()));
    expect(TRADITIONAL_TO_SIMPLIFIED.length / 2).toBeGreaterThan(2500);
  });

  it('maps no character below FIRST_MAPPED, which lets text without such characters skip the table', () => {
    let lowest = 0xffff;
    for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) lowest = Math.min(lowest, TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i));
    expect(lowest).toBeGreaterThanOrEqual(FIRST_MAPPED);
    expect(hasTraditional('Clause 9.2 of the General Terms')).toBe(false);
    expect(hasTraditional('Clause 9.2 of the 通用條款')).toBe(true);
  });

  it('maps character for character, so offsets into the original hold', () => {
    const tw = '第十一條 違約責任：受託人應賠償委託人之損失，並退還已預付之服務費。';
    const simplified = toSimplified(tw);
    expect(simplified).toBe('第十一条 违约责任：受托人应赔偿委托人之损失，并退还已预付之服务费。');
    expect(simplified.length).toBe(tw.length);
  });

  it('reads Taiwan wording the Mainland way, only in Traditional text', () => {
    expect(toSimplified('委託人得隨時登入後臺檢視營運資料並匯出')).toBe('委托人得随时登录后台查看运营数据并导出');
    expect(toSimplified('本契約')).toBe('本合同');
    // In a Simplified contract 资料 is "materials" and stays so; 著 of 著作权 is everyday Simplified.
    expect(toSimplified('乙方应移交全部资料，著作权归甲方')).toBe('乙方应移交全部资料，著作权归甲方');
    expect(hasTraditional('乙方应移交全部资料，著作权归甲方')).toBe(false);
    // 帐 is the older Simplified spelling of 账 (账户): both read as 账.
    expect(toSimplified('帐户、對帳')).toBe('账户、对账');
  });

  it('rules match Traditional text and patterns written in either script', () => {
    expect(normalize('甲方有權隨時查看店鋪後臺').text).toBe('甲方有权随时查看店铺后台');
    expect(normalizePattern('生意參謀|後臺')).toBe('生意参谋|后台');
  });

  it('a Traditional contract gets the findings of its Simplified twin, quoting its own characters', async () => {
    const files = ['zh-agency-article.docx', 'zh-tw-agency.docx'].map((f) => path.join('fixtures/contracts', f));
    const [simplified, traditional] = (await lintFiles(files, { cwd: root, workers: 0 })).files;
    expect(traditional.error).toBeNull();
    const statuses = (r: typeof simplified) => Object.fromEntries(Object.entries(r.concerns).map(([k, c]) => [k, c.status]));
    expect(statuses(traditional)).toEqual(statuses(simplified));
    const where = (r: typeof simplified) => r.findings.map((f) => `${f.ruleId}@${f.location.line}`);
    expect(where(traditional)).toEqual(where(simplified));
    const kpi = traditional.findings.find((f) => f.ruleId === 'agency.kpi.measurable');
    expect(kpi?.location.clause).toBe('第四條');
    expect(traditional.document?.parties.map((p) => [p.label, p.role, p.name])).toEqual([
      ['甲方', 'client', '臺北某某服飾股份有限公司'],
      ['乙方', 'provider', '新北某某電子商務有限公司'],
    ]);
  });

  it('a contract written in Traditional is answered in Traditional characters, its Simplified twin in Simplified', async () => {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const dir = path.join(root, 'rules/agency');
    const bundles = tempDir('packs');
    expect(writeBundle('agency', dir, yamlFiles(dir), bundles, toTraditional)).toEqual([]);
    const rules = readBundle('agency', dir, yamlFiles(dir), root, bundles)!;
    const kpiRule = rules.find((r) => r.id === 'agency.kpi.measurable')!;
    const read = async (f: string) => (await readContract(path.join(root, 'fixtures/contracts', f), { cwd: root })).document!;
    const [traditional, simplified] = [await read('zh-tw-agency.docx'), await read('zh-agency-article.docx')];
    expect([traditional.script, simplified.script]).toEqual(['traditional', undefined]);

    const kpiOf = (doc: typeof traditional) => lintDocument(doc, rules).findings.find((f) => f.ruleId === 'agency.kpi.measurable')!;
    const zh = kpiRule.spec.message as { zh: string };
    expect(kpiOf(simplified).message.startsWith(zh.zh.slice(0, 6))).toBe(true);
    expect(kpiOf(traditional).message).toBe(kpiOf(simplified).message.replace(/.+/, (m) => toTraditional(m)));
    expect(kpiOf(traditional).suggestion).toBe(toTraditional(kpiOf(simplified).suggestion!));
    // asked for English, it is English whatever the script
    expect(lintDocument(traditional, rules, { language: 'en' }).findings[0].message).toMatch(/^[\x20-\x7e’]+$/);

    const report = formatStylish([{ path: 'tw.docx', error: null, document: traditional, findings: lintDocument(traditional, rules).findings, concerns: lintDocument(traditional, rules).concerns } as never], { color: false });
    expect(report).toContain('建議條款：');
    expect(report).toContain('完備');
    expect(report).not.toContain('建议条款');
  });

  it('a Simplified contract that quotes a Hong Kong company\'s name is still Simplified', () => {
    const simplified = '甲方：深圳某某贸易有限公司\n乙方：香港某某電子商務有限公司\n第一条 服务内容\n乙方为甲方提供天猫店铺运营服务，包括商品上新、详情页设计、推广投放和客服。\n第二条 费用\n甲方每月支付服务费人民币三万元。';
    expect(hasTraditional(simplified)).toBe(true);
    expect(isMostlyTraditional(simplified)).toBe(false);
    expect(isMostlyTraditional('乙方為甲方提供天貓店鋪營運服務，包括商品上新、詳情頁設計、推廣投放與客服。')).toBe(true);
  });
});
