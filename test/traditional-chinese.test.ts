import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/node/lint-files.js';
import { normalize, normalizePattern } from '../src/rules/normalize.js';
import { TRADITIONAL_TO_SIMPLIFIED } from '../src/util/traditional-chinese-table.js';
import { hasTraditional, toSimplified } from '../src/util/traditional-chinese.js';
import { tableSource, traditionalPairs } from '../scripts/make-traditional-table.mjs';

const root = path.resolve(__dirname, '..');

describe('Traditional Chinese read as Simplified', () => {
  it('the committed table is what scripts/make-traditional-table.mjs makes from the installed OpenCC dictionary', async () => {
    const committed = readFileSync(path.join(root, 'src/util/traditional-chinese-table.ts'), 'utf8');
    expect(committed).toBe(tableSource(await traditionalPairs()));
    expect(TRADITIONAL_TO_SIMPLIFIED.length / 2).toBeGreaterThan(2500);
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
});
