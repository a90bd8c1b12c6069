import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigResolver } from '../../node/config.js';
import { builtinPackNames, loadPacks, resolvePack, type PackRef } from '../../node/rule-packs.js';
import type { RunnableRule } from '../../rules/engine.js';
import { runRuleExamples } from '../../rules/examples.js';
import { localize } from '../../rules/localize.js';
import type { Language } from '../../types.js';
import { EXIT_FINDINGS, EXIT_TROUBLE, raise, type Output } from '../output.js';
import { STARTER_CONFIG } from './starter-config.js';

function reportProblems(out: Output, problems: Array<{ file: string; line: number; column: number; message: string }>): boolean {
  if (!problems.length) return false;
  out.stderr += 'contract-lint: invalid rules / 规则文件有误:\n';
  for (const p of problems) out.stderr += `  ${p.file}:${p.line}:${p.column}: ${p.message}\n`;
  raise(out, EXIT_TROUBLE);
  return true;
}

/** The rules that apply in `cwd`: the configuration found there, plus --rules folders. */
async function activeRules(cwd: string, config: string | undefined, extra: string[], out: Output): Promise<RunnableRule[] | null> {
  const resolver = new ConfigResolver(cwd, config);
  const resolved = await resolver.resolve(path.join(cwd, '.contract-lint-probe'));
  try {
    resolver.throwProblems();
  } catch (e) {
    reportProblems(out, (e as { problems: [] }).problems);
    return null;
  }
  const packs: PackRef[] = [...resolved.packs, ...extra.map((r) => resolvePack(r, cwd))];
  const loaded = await loadPacks(packs, { cwd });
  if (reportProblems(out, loaded.problems)) return null;
  return loaded.rules.filter((r) => resolved.rules[r.id] !== 'off');
}

export async function rulesCommand(opts: { config?: string; rules: string[]; lang?: Language }, cwd: string, out: Output): Promise<void> {
  const rules = await activeRules(cwd, opts.config, opts.rules, out);
  if (!rules) return;
  const lang = opts.lang ?? 'en';
  const width = Math.max(...rules.map((r) => r.id.length), 10);
  for (const r of rules) {
    out.stdout += `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.spec.category.padEnd(16)}  ${r.kindName.padEnd(14)}  ${localize(r.spec.message, lang).replace(/\{\w+\}/g, '…')}\n`;
  }
  out.stdout += `${rules.length} rules\n`;
}

export async function explainCommand(id: string, opts: { config?: string; rules: string[]; lang?: Language }, cwd: string, out: Output): Promise<void> {
  const packs = [...builtinPackNames().map((n) => resolvePack(n, cwd)), ...opts.rules.map((r) => resolvePack(r, cwd))];
  const loaded = await loadPacks(packs, { cwd });
  const rule = loaded.rules.find((r) => r.id === id);
  if (!rule) {
    const near = loaded.rules.filter((r) => r.id.includes(id.split('.').pop() ?? id)).map((r) => r.id);
    out.stderr += `contract-lint: no rule '${id}'${near.length ? `; did you mean ${near.slice(0, 3).join(', ')}?` : ''} (see contract-lint rules) / 没有这条规则\n`;
    raise(out, EXIT_TROUBLE);
    return;
  }
  const s = rule.spec;
  const langs: Language[] = opts.lang ? [opts.lang] : ['en', 'zh'];
  const lines: string[] = [`${s.id}  (${s.severity}, ${s.category}, ${rule.kindName})`, `source: ${rule.source.file}`];
  if (s.aspects?.length) lines.push(`aspects: ${s.aspects.join(', ')}`);
  for (const lang of langs) {
    lines.push('', lang === 'zh' ? '【问题】' : 'What it checks:', '  ' + localize(s.message, lang).replace(/\{\w+\}/g, '…'));
    if (s.rationale) lines.push(lang === 'zh' ? '【理由】' : 'Why:', '  ' + localize(s.rationale, lang));
    if (s.suggestion) lines.push(lang === 'zh' ? '【建议条款】' : 'Suggested clause:', '  ' + localize(s.suggestion, lang));
  }
  const ex = s.examples ?? {};
  if (ex.flag?.length) lines.push('', 'Flags / 会报告:', ...ex.flag.map((e) => '  - ' + (typeof e === 'string' ? e : e.text).trim().replace(/\n/g, ' ')));
  if (ex.pass?.length) lines.push('', 'Passes / 不会报告:', ...ex.pass.map((e) => '  - ' + (typeof e === 'string' ? e : e.text).trim().replace(/\n/g, ' ')));
  out.stdout += lines.join('\n') + '\n';
}

export async function testCommand(dirs: string[], cwd: string, out: Output): Promise<void> {
  const packs = dirs.length ? dirs.map((d) => resolvePack(d, cwd)) : builtinPackNames().map((n) => resolvePack(n, cwd));
  const loaded = await loadPacks(packs, { cwd, validateAll: true });
  if (reportProblems(out, loaded.problems)) return;
  const { passed, failed } = runRuleExamples(loaded.rules);
  for (const f of failed) {
    const what = f.expectation === 'flag' ? 'should be flagged but was not / 应报告但未报告' : `should pass but was flagged: ${f.got.join(' | ')} / 不应报告`;
    out.stdout += `✖ ${f.ruleId} ${f.expectation}[${f.index}] ${what}\n    ${f.text.trim().replace(/\n/g, ' ').slice(0, 160)}\n    (${f.file})\n`;
  }
  const rulesWithoutExamples = loaded.rules.filter((r) => !(r.spec.examples?.flag?.length && r.spec.examples?.pass?.length));
  for (const r of rulesWithoutExamples) out.stdout += `⚠ ${r.id}: needs at least one flag and one pass example / 缺少示例\n`;
  out.stdout += `${loaded.rules.length} rules\n${passed} passed, ${failed.length} failed\n`;
  if (failed.length || rulesWithoutExamples.length) raise(out, EXIT_FINDINGS);
}

export async function initCommand(cwd: string, out: Output): Promise<void> {
  const target = path.join(cwd, '.contract-lint.yaml');
  if (existsSync(target)) {
    out.stderr += `contract-lint: ${path.relative(cwd, target)} already exists; not overwritten / 配置文件已存在\n`;
    raise(out, EXIT_TROUBLE);
    return;
  }
  await writeFile(target, STARTER_CONFIG);
  out.stdout += `wrote .contract-lint.yaml / 已生成配置文件\n`;
}
