import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { outOfOrder } from '../src/diff/align.js';
import { changeHunks, diffTokens, renderHunk, tokenize } from '../src/diff/text-diff.js';
import { diffFiles } from '../src/node/diff-files.js';
import { formatDiffHtml } from '../src/report/diff-html.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs();

/**
 * `contract-lint diff` on pairs of real documents (fixtures/diff: DOCX by LibreOffice, PDFs with headers and page
 * footers, Markdown, text), each pair with a CHANGES.md that says what really changed.
 */
const root = path.resolve(__dirname, '..');
const pairDir = (name: string) => path.join(root, 'fixtures/diff', name);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

async function diffPair(name: string) {
  const files = (await import('node:fs')).readdirSync(pairDir(name));
  const oldFile = files.find((f) => f.startsWith('old.'))!;
  const newFile = files.find((f) => f.startsWith('new.'))!;
  const result = await diffFiles(oldFile, newFile, { cwd: pairDir(name), workers: 0 });
  expect(result.files.map((f) => f.error)).toEqual([null, null]);
  return result.diff!;
}

const where = (c: { old?: { path: string[] }; new?: { path: string[] } }) => [c.old?.path.join(' › ') ?? null, c.new?.path.join(' › ') ?? null];

describe('word-level changes', () => {
  it('keeps English words and numbers whole and splits Chinese into characters, numbers whole', () => {
    expect(tokenize('within 30 days')).toEqual(['within', ' ', '30', ' ', 'days']);
    expect(tokenize('提前30日通知')).toEqual(['提', '前', '30', '日', '通', '知']);
  });

  it('finds the smallest edit and shows it with context', () => {
    expect(diffTokens(tokenize('a b c'), tokenize('a x c'))).toEqual([
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'x' },
      { op: 'equal', text: ' c' },
    ]);
    const { hunks } = changeHunks("Client may terminate on thirty (30) days' written notice.", "Client may terminate on one hundred and eighty (180) days' written notice.");
    expect(hunks.map(renderHunk)).toEqual(["Client may terminate on [-thirty (30-]{+one hundred and eighty (180+}) days' written notice."]);
    expect(changeHunks('甲方可提前30日书面通知乙方解除本合同', '甲方可提前90日书面通知乙方解除本合同').hunks.map(renderHunk)).toEqual(['甲方可提前[-30-]{+90+}日书面通知乙方解除本合同']);
  });

  it('calls moved only what left the order, not everything it jumped over', () => {
    // Article 2 of 5 moved to the end: only it is out of order.
    expect([...outOfOrder([{ old: 0, new: 0 }, { old: 1, new: 4 }, { old: 2, new: 1 }, { old: 3, new: 2 }, { old: 4, new: 3 }])]).toEqual([1]);
    expect([...outOfOrder([{ old: 0, new: 0 }, { old: 1, new: 1 }])]).toEqual([]);
  });
});

describe('diff of fixture pairs', () => {
  it('renumbered-zh: 第一条/（一） DOCX against 1./1.1 PDF with header and footer — no change reported', async () => {
    const d = await diffPair('renumbered-zh');
    expect(d.clauses).toEqual([]);
    expect(d.findings.introduced).toEqual([]);
    expect(d.concerns).toEqual([]);
    expect(d.summary.renumbered).toBeGreaterThan(10);
  });

  it('renumbered-en: Markdown against Word automatic "Clause N" numbering, headings in another case — no change', async () => {
    const d = await diffPair('renumbered-en');
    expect(d.clauses).toEqual([]);
    expect(d.findings.introduced).toEqual([]);
  });

  it('waiver-added-en: the one-sided waiver is an added clause and an error; the typo fix a small change', async () => {
    const d = await diffPair('waiver-added-en');
    expect(d.clauses.map((c) => [c.change, ...where(c)])).toEqual([
      ['modified', '5. › 5.1', '5. › 5.1'],
      ['added', null, '9. › 9.4'],
    ]);
    expect(d.clauses[0].excerpt).toContain('[-recieves-]{+receives+}');
    expect(d.findings.introduced.map((f) => [f.ruleId, f.severity, f.location.clause])).toEqual([['agency.liability-waiver.one-sided', 'error', '9.4']]);
    expect(d.concerns).toEqual([{ concern: 'liability-waiver', old: 'ok', new: 'weak', direction: 'worse' }]);
    // The old 9.4 is the new 9.5: renumbered, not changed.
    expect(d.summary.renumbered).toBe(1);
  });

  it('waiver-added-zh: Markdown against DOCX, 乙方不承担任何责任 added to 第十条', async () => {
    const d = await diffPair('waiver-added-zh');
    expect(d.clauses.map((c) => [c.change, ...where(c)])).toEqual([['added', null, '第十条 › （四）']]);
    expect(d.findings.introduced.map((f) => f.ruleId)).toEqual(['agency.liability-waiver.one-sided']);
  });

  it('kpi-deleted-zh: the KPI article removed, later articles renumbered, KPI left to be agreed', async () => {
    const d = await diffPair('kpi-deleted-zh');
    const removed = d.clauses.filter((c) => c.change === 'removed');
    expect(removed.map((c) => [c.old?.number, c.old?.heading])).toEqual([['第六条', '考核指标']]);
    expect(d.clauses.filter((c) => c.change === 'added').map((c) => c.new?.path.join(' › '))).toEqual(['第一条 › （三）']);
    // 第七条–第十一条 became 第六条–第十条 with their text unchanged: not listed.
    expect(d.clauses.filter((c) => c.change === 'modified' || c.change === 'moved')).toEqual([]);
    expect(d.concerns.map((c) => [c.concern, c.new])).toEqual([['kpi', 'weak']]);
    expect(d.findings.introduced.map((f) => f.ruleId).sort()).toEqual(['agency.kpi.measurable', 'agency.kpi.to-be-agreed']);
  });

  it('notice-lengthened-en: PDFs, 30 → 180 days and the refund removed', async () => {
    const d = await diffPair('notice-lengthened-en');
    const modified = d.clauses.find((c) => c.change === 'modified')!;
    expect(where(modified)).toEqual(['9. › 9.1', '9. › 9.1']);
    expect(modified.excerpt).toMatch(/\[-30-\]\{\+180\+\}/);
    expect(modified.old?.page).toBeGreaterThan(0);
    expect(d.clauses.filter((c) => c.change === 'removed').map((c) => c.old?.path.join(' › '))).toEqual(['9. › 9.4']);
    expect(d.findings.introduced.map((f) => f.ruleId).sort()).toEqual(['agency.exit.notice-period', 'agency.exit.refund']);
    expect(d.concerns.map((c) => [c.concern, c.old, c.new])).toEqual([['exit', 'ok', 'weak']]);
  });

  it('notice-lengthened-zh: 30日 → 90日 is a reworded clause even when no rule fires', async () => {
    const d = await diffPair('notice-lengthened-zh');
    expect(d.clauses.map((c) => [c.change, ...where(c), c.excerpt])).toEqual([['modified', '九、 › （二）', '九、 › （二）', expect.stringContaining('[-30-]{+90+}')]]);
    expect(d.findings.introduced).toEqual([]);
  });

  it('article-moved-zh: 数据与账号 moved from 第五条 to 第九条, 服务费用 retitled, nothing else', async () => {
    const d = await diffPair('article-moved-zh');
    expect(d.clauses.map((c) => [c.change, c.old?.number, c.new?.number, c.old?.heading, c.new?.heading])).toEqual([
      ['retitled', '第六条', '第五条', '服务费用', '费用及支付'],
      ['moved', '第五条', '第九条', '数据与账号', '数据与账号'],
    ]);
    expect(d.findings.introduced).toEqual([]);
  });

  it('article-moved-en: section 4 moved to 8, Personnel retitled and 6.2 reworded, Non-solicitation added', async () => {
    const d = await diffPair('article-moved-en');
    const kinds = d.clauses.map((c) => [c.change, c.old?.number ?? null, c.new?.number ?? null]);
    expect(kinds).toContainEqual(['moved', '4.', '8.']);
    expect(kinds).toContainEqual(['retitled', '7.', '6.']);
    expect(kinds).toContainEqual(['modified', '7.2', '6.2']);
    expect(d.clauses.filter((c) => c.change === 'added').map((c) => c.new?.heading)).toEqual(['Non-solicitation']);
    expect(d.clauses).toHaveLength(4);
  });

  it("agency-v2-zh: the agency's revision — prepayment, no early exit, team removed, a waiver, a typo, a move", async () => {
    const d = await diffPair('agency-v2-zh');
    expect(d.findings.introduced.map((f) => [f.severity, f.ruleId])).toEqual([
      ['error', 'agency.exit.no-early-termination'],
      ['error', 'agency.liability-waiver.one-sided'],
      ['warning', 'agency.payment.upfront'],
      ['warning', 'agency.team.named'],
    ]);
    expect(d.concerns.filter((c) => c.direction === 'worse').map((c) => c.concern).sort()).toEqual(['exit', 'liability-waiver', 'payment', 'team']);
    expect(d.concerns[0]).toMatchObject({ concern: 'team', new: 'missing' }); // the worst first
    const summary = d.clauses.map((c) => [c.change, c.old?.path.join(' › ') ?? null, c.new?.path.join(' › ') ?? null]);
    expect(summary).toEqual([
      ['modified', '第三条 › （一）', '第三条 › （一）'],
      ['moved', '第九条', '第四条'],
      ['modified', '第五条 › （一）', '第六条 › （一）'],
      ['removed', '第六条 › （二）', null],
      ['modified', '第十一条 › （一）', '第十一条 › （一）'],
      ['added', null, '第十二条 › （四）'],
    ]);
    expect(d.clauses[0].excerpt).toContain('[-再-]{+在+}');
  });
});

describe('contract-lint diff on the command line', () => {
  const cwd = pairDir('');
  it('exits 1 when the revision brings an error finding, 0 when it does not, 2 when a version is unreadable', async () => {
    expect((await run(['diff', 'waiver-added-en/old.txt', 'waiver-added-en/new.txt'], { cwd })).exitStatus).toBe(1);
    expect((await run(['diff', 'waiver-added-en/new.txt', 'waiver-added-en/old.txt'], { cwd })).exitStatus).toBe(0);
    expect((await run(['diff', 'notice-lengthened-zh/old.txt', 'notice-lengthened-zh/new.txt'], { cwd })).exitStatus).toBe(0);
    const missing = await run(['diff', 'waiver-added-en/old.txt', 'nope.docx'], { cwd });
    expect(missing.exitStatus).toBe(2);
    expect(missing.stderr).toMatch(/^contract-lint: nope\.docx: .*\[not-found\]$/m);
    expect(missing.stdout).toBe('');
  });

  it('reverse order turns introduced into resolved and worse into better', async () => {
    const r = JSON.parse((await run(['diff', '-f', 'json', 'waiver-added-en/new.txt', 'waiver-added-en/old.txt'], { cwd })).stdout);
    expect(r.diffSchemaVersion).toBe(1);
    expect(r.findings.introduced).toEqual([]);
    expect(r.findings.resolved.map((f: { ruleId: string }) => f.ruleId)).toEqual(['agency.liability-waiver.one-sided']);
    expect(r.concerns).toEqual([{ concern: 'liability-waiver', old: 'weak', new: 'ok', direction: 'better' }]);
    expect(r.clauses.map((c: { change: string }) => c.change)).toEqual(['modified', 'removed']);
  });

  it('stylish and markdown say what got worse first, in the document language', async () => {
    const stylish = (await run(['diff', 'agency-v2-zh/old.docx', 'agency-v2-zh/new.docx'], { cwd })).stdout;
    expect(stylish.indexOf('变差的关注点')).toBeLessThan(stylish.indexOf('新增问题'));
    expect(stylish.indexOf('新增问题')).toBeLessThan(stylish.indexOf('条款变化'));
    expect(stylish).toContain('移动   第九条 知识产权 → 第四条 知识产权');
    const md = (await run(['diff', '-f', 'markdown', '--lang', 'en', 'waiver-added-en/old.txt', 'waiver-added-en/new.txt'], { cwd })).stdout;
    expect(md).toMatch(/^## What the revision changed: waiver-added-en\/old\.txt → waiver-added-en\/new\.txt/);
    expect(md).toContain('### Got worse');
    expect(md).toContain('~~recieves~~**receives**');
  });
});

describe('diff HTML', async () => {
  const dir = tempDir('diff-html');
  const hostileOld = `代运营合同\n\n甲方（委托方）：杭州某某服饰有限公司\n乙方（受托方）：上海某某电子商务有限公司\n\n第一条 服务\n乙方提供运营服务。\n第二条 责任\n双方各自承担违约责任。\n`;
  const hostileNew = `代运营合同\n\n甲方（委托方）：杭州某某服饰有限公司\n乙方（受托方）：上海某某电子商务有限公司\n\n第一条 服务\n乙方提供运营服务。<script>window.pwned = 1</script>\n第二条 责任\n双方各自承担违约责任。因市场变化导致销售下滑的，乙方不承担任何责任。<img src=x onerror="window.pwned=2">\n`;
  writeFileSync(path.join(dir, 'old.txt'), hostileOld);
  writeFileSync(path.join(dir, 'new.txt'), hostileNew);
  const result = await diffFiles('old.txt', 'new.txt', { cwd: dir, workers: 0 });
  const html = formatDiffHtml(result.diff!);

  it('escapes everything from the contracts and runs no script', () => {
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it.skipIf(!CHROMIUM)(`opens in headless Chromium: side by side, deletions and insertions marked${CHROMIUM ? '' : ' (skipped: no chromium installed)'}`, async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const file = path.join(dir, 'diff.html');
      writeFileSync(file, html);
      await page.goto(`file://${file}`);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#worse .concern', { hasText: 'liability-waiver' }).count()).toBe(1);
      expect(await page.locator('#introduced .finding.error', { hasText: '单方免责' }).count()).toBe(1);
      // The reworded clause: old on the left, new on the right, the insertion marked on the right only.
      const changed = page.locator('.change.modified', { hasText: '第二条' });
      const [left, right] = await changed.locator('.side').all();
      expect(await left.locator('ins').count()).toBe(0);
      expect(await right.locator('ins').textContent()).toContain('乙方不承担任何责任');
      const l = await left.boundingBox();
      const r = await right.boundingBox();
      expect(r!.x).toBeGreaterThan(l!.x);
      const shots = path.resolve(__dirname, '../.test-output');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'diff-report.png'), fullPage: true });
      // On a phone the two sides stack.
      await page.setViewportSize({ width: 390, height: 844 });
      const l2 = await left.boundingBox();
      const r2 = await right.boundingBox();
      expect(r2!.y).toBeGreaterThan(l2!.y);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
