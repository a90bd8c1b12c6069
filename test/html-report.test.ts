import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/node/lint-files.js';
import { escapeHtml, formatHtml } from '../src/report/html.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs();

/**
 * The HTML report in a real browser (Debian's chromium, driven by playwright-core). Where no browser is installed
 * the browser tests are skipped and say why; .ci/run installs chromium so CI runs them.
 */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const fixtures = path.resolve(__dirname, '../fixtures/contracts');

const HOSTILE = `# 电商代运营服务合同

甲方（委托方）：<b>杭州某某</b>服饰有限公司
乙方（受托方）：上海某某电子商务有限公司

## 第一条 服务内容

乙方为甲方提供店铺运营服务。<script>window.pwned = 1; document.title = 'pwned'</script>

## 第二条 责任

因市场变化导致销售下滑的，乙方不承担任何责任。<img src=x onerror="window.pwned=2">
`;

describe('HTML report', async () => {
  const dir = tempDir('html');
  writeFileSync(path.join(dir, 'hostile.md'), HOSTILE);
  const { files } = await lintFiles([path.join(dir, 'hostile.md'), path.join(fixtures, 'zh-agency-typed.docx')], { cwd: dir });
  const html = formatHtml(files);

  it('escapes everything taken from a contract', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.pwned = 1;');
    expect(html).toContain("Content-Security-Policy");
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it.skipIf(!CHROMIUM)(`opens in headless Chromium: highlights, panel, links, nothing from the contract runs${CHROMIUM ? '' : ' (skipped: no chromium installed)'}`, async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const file = path.join(dir, 'report.html');
      writeFileSync(file, html);
      await page.goto(`file://${file}`);
      expect(await page.title()).toBe('contract-lint report');
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      // The contract's markup is shown as text.
      const hostile = page.locator('.file').first();
      expect(await hostile.locator('.line', { hasText: '<script>window.pwned' }).count()).toBe(1);
      expect(await page.locator('img').count()).toBe(0);
      // The one-sided waiver is highlighted where it is, and the panel links to it.
      const mark = hostile.locator('mark', { hasText: '不承担任何责任' });
      expect(await mark.count()).toBe(1);
      const link = hostile.locator('a.finding.error', { hasText: '单方免责' }).first();
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^#f0-L\d+$/);
      await link.click();
      expect(await page.evaluate(() => location.hash)).toBe(href);
      const target = page.locator(href!);
      expect(await target.isVisible()).toBe(true);
      expect(await target.textContent()).toContain('不承担任何责任');
      // The concern panel shows each concern with its status.
      expect(await hostile.locator('aside .concern', { hasText: 'liability-waiver' }).locator('.badge.weak').count()).toBe(1);
      // A screenshot for people to look at; on a phone-sized screen the panel goes under the text.
      const shots = path.resolve(__dirname, '../.test-output');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'html-report.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      const asideBox = await page.locator('aside').first().boundingBox();
      const textBox = await page.locator('main.text').first().boundingBox();
      expect(asideBox!.y).toBeGreaterThan(textBox!.y);
      await page.screenshot({ path: path.join(shots, 'html-report-phone.png') });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
