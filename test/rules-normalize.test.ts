import { describe, expect, it } from 'vitest';
import { normalize, normalizePattern, originalRange } from '../src/rules/normalize.js';
import { boundRepetitions, compilePattern, hasNestedQuantifier, lowerCaseLiterals, MAX_REPEAT, PatternError, search } from '../src/rules/patterns.js';
import { extractQuantities, type Quantity } from '../src/rules/quantities.js';

/** The original text under a normalised range. */
function originalOf(original: string, start: number, end: number): string {
  const [s, e] = originalRange(normalize(original), start, end);
  return original.slice(s, e);
}

describe('normalize', () => {
  it('folds full-width letters, digits and punctuation to ASCII', () => {
    expect(normalize('ＫＰＩ１２３！（）％').text).toBe('kpi123!()%');
    // Full-width Chinese commas and semicolons are the ASCII characters in another width; 。 has no ASCII form.
    expect(normalize('甲方，乙方；丙方。').text).toBe('甲方,乙方;丙方。');
  });

  it('straightens curly quotes and corner brackets', () => {
    expect(normalize('“Agency” ‘s’ 「服务」').text).toBe('"agency" \'s\' "服务"');
  });

  it('collapses runs of white space (tabs, newlines, ideographic and no-break spaces) into one space', () => {
    expect(normalize('net  30\t\n days').text).toBe('net 30 days');
    expect(normalize('a\u3000\u00a0b').text).toBe('a b');
    expect(normalize('  leading and trailing  ').text).toBe('leading and trailing');
  });

  it('removes the spaces PDF extraction puts between CJK and Latin letters or digits', () => {
    expect(normalize('不少于 10 款').text).toBe('不少于10款');
    expect(normalize('以 生意参谋 数据 为准').text).toBe('以生意参谋数据为准');
    expect(normalize('使用 KPI 考核').text).toBe('使用kpi考核');
    // Between two Latin words the space is a word boundary and stays.
    expect(normalize('Key Performance').text).toBe('key performance');
  });

  it('lower-cases', () => {
    expect(normalize('The AGENCY Shall').text).toBe('the agency shall');
  });

  it('maps every normalised character to its offset in the original', () => {
    const original = '乙方（Agency）应在 ３０ 个工作日内 提交“月度报告”，  USD ５,０００ 元';
    const n = normalize(original);
    expect(n.map).toHaveLength(n.text.length);
    // Every mapped character is the original character, folded.
    for (let i = 0; i < n.text.length; i++) {
      const orig = original[n.map[i]];
      expect(normalize(orig).text || ' ').toBe(n.text[i]);
    }
    // Offsets only go forward.
    for (let i = 1; i < n.map.length; i++) expect(n.map[i]).toBeGreaterThan(n.map[i - 1]);
  });

  it('maps a match in the normalised text back to the original text', () => {
    const original = '第五条　考核指标：乙方（Agency）应在 ３０ 个工作日内提交“月度报告”。';
    const n = normalize(original);
    const at = (needle: string) => {
      const i = n.text.indexOf(needle);
      expect(i).toBeGreaterThanOrEqual(0);
      return originalOf(original, i, i + needle.length);
    };
    expect(at('30个工作日')).toBe('３０ 个工作日');
    expect(at('(agency)')).toBe('（Agency）');
    expect(at('"月度报告"')).toBe('“月度报告”');
    expect(at('考核指标:')).toBe('考核指标：');
    expect(at('第五条考核')).toBe('第五条　考核');
  });

  it('maps an English match after collapsed white space', () => {
    const original = 'The  Agency\tshall   NOT be liable.';
    const n = normalize(original);
    const i = n.text.indexOf('shall not be liable');
    expect(originalOf(original, i, i + 'shall not be liable'.length)).toBe('shall   NOT be liable');
  });
});

describe('normalizePattern', () => {
  it('keeps full-width brackets and other regex syntax literal', () => {
    expect(normalizePattern('（一）')).toBe('\\(一\\)');
    expect(normalizePattern('ａ＋ｂ？')).toBe('a\\+b\\?');
    const re = compilePattern('（一）服务');
    expect(search(re, normalize('（一）服务内容').text)).toEqual([0, 5]);
    expect(search(re, normalize('一服务').text)).toBeNull();
  });

  it('leaves ASCII regex syntax as regex syntax', () => {
    expect(normalizePattern('(?:甲|乙)方+')).toBe('(?:甲|乙)方+');
  });

  it('folds full-width letters and quotes in the pattern like the text', () => {
    expect(normalizePattern('ＫＰＩ“')).toBe('KPI"');
    const re = compilePattern('ＫＰＩ');
    expect(search(re, normalize('kpi').text)).toEqual([0, 3]);
  });
});

describe('extractQuantities', () => {
  const q = (text: string): Array<Pick<Quantity, 'type' | 'value' | 'unit'>> =>
    extractQuantities(normalize(text).text).map(({ type, value, unit }) => ({ type, value, unit }));
  const of = (text: string, type: Quantity['type']) => q(text).filter((x) => x.type === type);

  it('percentages, written in digits or in Chinese', () => {
    expect(of('预付全年服务费的70%', 'percent')).toEqual([{ type: 'percent', value: 70, unit: '%' }]);
    expect(of('预付百分之七十', 'percent')).toEqual([{ type: 'percent', value: 70, unit: '%' }]);
    expect(of('pay 80 percent up front', 'percent')).toEqual([{ type: 'percent', value: 80, unit: '%' }]);
    expect(of('转化率不低于２.５％', 'percent')).toEqual([{ type: 'percent', value: 2.5, unit: '%' }]);
  });

  it('money in yuan (万元 multiplies) and in US dollars', () => {
    expect(of('服务费1.5万元', 'money')).toEqual([{ type: 'money', value: 15000, unit: 'yuan' }]);
    expect(of('服务费人民币20,000元', 'money')).toEqual([{ type: 'money', value: 20000, unit: 'yuan' }]);
    expect(of('a fee of $5,000', 'money')).toEqual([{ type: 'money', value: 5000, unit: 'usd' }]);
    expect(of('a fee of USD 5,000', 'money')).toEqual([{ type: 'money', value: 5000, unit: 'usd' }]);
    // A bare number is not money.
    expect(of('共5000件', 'money')).toEqual([]);
  });

  it('durations in days: 日, 工作日 (7/5), 个月 (30), days, business days', () => {
    expect(of('提前30日通知', 'duration')).toEqual([{ type: 'duration', value: 30, unit: 'days' }]);
    expect(of('15个工作日内', 'duration')).toEqual([{ type: 'duration', value: 21, unit: 'days' }]);
    expect(of('提前3个月', 'duration')).toEqual([{ type: 'duration', value: 90, unit: 'days' }]);
    expect(of('提前六个月', 'duration')).toEqual([{ type: 'duration', value: 180, unit: 'days' }]);
    expect(of('on 90 days notice', 'duration')).toEqual([{ type: 'duration', value: 90, unit: 'days' }]);
    expect(of('within 10 business days', 'duration')).toEqual([{ type: 'duration', value: 14, unit: 'days' }]);
    expect(of('for 2 years', 'duration')).toEqual([{ type: 'duration', value: 730, unit: 'days' }]);
  });

  it('dates are not durations', () => {
    expect(of('本合同自2026年1月1日起生效', 'duration')).toEqual([]);
    expect(of('自2026年1月1日起三十日内', 'duration')).toEqual([{ type: 'duration', value: 30, unit: 'days' }]);
  });

  it('counts of things, but not the 个 of a duration (3个月, 15个工作日)', () => {
    expect(of('每月制作10款详情页', 'count')).toEqual([{ type: 'count', value: 10, unit: '款' }]);
    expect(of('每月发布8篇笔记', 'count')).toEqual([{ type: 'count', value: 8, unit: '篇' }]);
    expect(of('乙方应在3个月内', 'count')).toEqual([]);
    expect(of('15个工作日内', 'count')).toEqual([]);
    expect(of('配备5个客服', 'count')).toEqual([{ type: 'count', value: 5, unit: '个' }]);
  });

  it('reports offsets within the text, also from a sub-range', () => {
    const text = normalize('首期预付70%，其余30%按月支付').text;
    const all = extractQuantities(text).filter((x) => x.type === 'percent');
    expect(all.map((x) => text.slice(x.start, x.end))).toEqual(['70%', '30%']);
    const from = text.indexOf('其余');
    const later = extractQuantities(text, from).filter((x) => x.type === 'percent');
    expect(later).toHaveLength(1);
    expect(later[0].value).toBe(30);
    expect(text.slice(later[0].start, later[0].end)).toBe('30%');
  });
});

describe('hasNestedQuantifier', () => {
  it.each(['(a+)+', '(\\w*)*', '(x\\s?y+)*', '(?:[a-z]+)+', '(a{2,})+', '((ab)*c)+', '(x{0,30}y{0,100})+', 'a{2}(b{1,200})*'])('refuses %s', (p) => {
    expect(hasNestedQuantifier(p)).toBe(true);
  });

  it.each(['a+b*', '(?:abc)+', '(a|b)*', '\\d+(?:\\.\\d+)?', '[a-z]+', '(a{1,5})+', '不(?:承担|负)(?:任何)?(?:责任|赔偿)', '[(+]+', '\\(a+\\)+', '(x{0,30}y{1,99})+', '[{]+'])(
    'accepts %s',
    (p) => {
      expect(hasNestedQuantifier(p)).toBe(false);
    },
  );
});

describe('compilePattern', () => {
  it('compiles case-insensitive, folded patterns', () => {
    const re = compilePattern('Shall Not Be Liable');
    expect(search(re, normalize('The Agency SHALL NOT be liable').text)).not.toBeNull();
  });

  it('rejects an invalid regular expression with PatternError', () => {
    expect(() => compilePattern('保证(销售')).toThrow(PatternError);
    expect(() => compilePattern('保证(销售')).toThrow(/invalid regular expression/);
  });

  it('rejects nested quantifiers with PatternError before running them', () => {
    expect(() => compilePattern('(a+)+$')).toThrow(PatternError);
    expect(() => compilePattern('(\\w*)*x')).toThrow(/nested quantifiers/);
  });

  it('bounds unbounded repetitions, so that a pattern stays linear on a clause of megabytes', () => {
    expect(boundRepetitions('\\w+ \\(\\d+\\)')).toBe(`\\w{1,${MAX_REPEAT}} \\(\\d{1,${MAX_REPEAT}}\\)`);
    expect(boundRepetitions('a*?b{2,}c{1,3}')).toBe(`a{0,${MAX_REPEAT}}?b{2,${MAX_REPEAT}}c{1,3}`);
    // Inside a class and after a backslash, * and + are literal.
    expect(boundRepetitions('[*+]\\+\\*x')).toBe('[*+]\\+\\*x');
    const re = compilePattern('(?:\\d+|\\w+ \\(\\d+\\)) days');
    expect(search(re, normalize('within thirty (30) days of notice').text)).not.toBeNull();
    // A word longer than the bound is not matched whole: the documented price of linear matching.
    expect(search(compilePattern('^a+$'), 'a'.repeat(MAX_REPEAT + 1))).toBeNull();
  });

  it('rejects very long patterns', () => {
    expect(() => compilePattern('a'.repeat(2001))).toThrow(PatternError);
  });
});

describe('patterns compiled for lower-cased text', () => {
  it('lower-cases literals but not escapes or property names', () => {
    expect(lowerCaseLiterals('IN NO EVENT \\S+ [A-Z] \\p{Lu}')).toBe('in no event \\S+ [a-z] \\p{Lu}');
  });

  it('matches the normalised text whatever the case the rule was written in, and keeps \\S, \\W and \\D', () => {
    const text = normalize('In No Event Shall AGENCY be liable. Fees: USD 5,000').text;
    expect(search(compilePattern('IN NO EVENT SHALL Agency\\s+BE\\s+\\S+'), text)).not.toBeNull();
    expect(search(compilePattern('USD\\s\\d'), text)).not.toBeNull();
    expect(search(compilePattern('\\W{3}'), text)).toBeNull();
  });

  it('uses Unicode mode only where the pattern needs it', () => {
    expect(compilePattern('乙方不承担').flags).toBe('g');
    expect(compilePattern('\\p{Script=Han}{2}方').flags).toBe('gu');
    expect(search(compilePattern('\\p{Script=Han}{2}方'), normalize('由乙方').text)).not.toBeNull();
  });
});

describe('money in other currencies', () => {
  it('reads EUR, GBP, SGD and ringgit amounts as money of their own currency, not a word ending in "rs" or "rm"', () => {
    const text = normalize('an annual fee of EUR 62,400; £1,200; S$ 900; RM1,500.00; hours 12; the form 3').text;
    expect(extractQuantities(text).filter((q) => q.type === 'money').map((q) => [q.value, q.unit])).toEqual([
      [62400, 'eur'],
      [1200, 'gbp'],
      [900, 'sgd'],
      [1500, 'myr'],
    ]);
  });
});
