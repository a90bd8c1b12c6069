import { createHash } from 'node:crypto';
import type { FileReport } from '../node/lint-files.js';
import type { RunnableRule } from '../rules/engine.js';
import { localize } from '../rules/localize.js';
import type { Finding, Severity } from '../rules/types.js';
import { VERSION } from '../version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const uri = (p: string) => p.split('\\').join('/').replace(/^\.\//, '');

/**
 * A fingerprint that survives renumbering and moved clauses: the rule and the words the finding is about, never the
 * line or the clause number. Code scanning uses it to recognise the same alert across revisions.
 */
export function fingerprint(f: Finding): string {
  const words = (f.excerpt ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(`${f.ruleId}\0${words}`).digest('hex').slice(0, 32);
}

function ruleDescriptor(rule: RunnableRule) {
  const s = rule.spec;
  const en = (t: typeof s.message) => localize(t, 'en').replace(/\{\w+\}/g, '…');
  const zh = (t: typeof s.message) => localize(t, 'zh').replace(/\{\w+\}/g, '…');
  const suggestion = s.suggestion ? `${localize(s.suggestion, 'en')}\n${localize(s.suggestion, 'zh')}` : '';
  return {
    id: rule.id,
    name: rule.id.split('.').slice(1).map((w) => w.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())).join(''),
    shortDescription: { text: en(s.message) },
    fullDescription: { text: [en(s.rationale ?? s.message), zh(s.rationale ?? s.message)].join('\n') },
    help: {
      text: suggestion ? `Suggested clause / 建议条款:\n${suggestion}` : en(s.message),
      markdown: suggestion ? `**Suggested clause / 建议条款**\n\n> ${localize(s.suggestion, 'en')}\n\n> ${localize(s.suggestion, 'zh')}` : en(s.message),
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: s.category, tags: ['contract', s.category] },
  };
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
export function formatSarif(files: FileReport[], rules: RunnableRule[]): string {
  const descriptors = rules.map(ruleDescriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
      level: LEVEL[f.severity],
      message: { text: f.suggestion ? `${f.message}\n${f.suggestion}` : f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(file.path) },
            region: { startLine: f.location.line, ...(f.excerpt ? { snippet: { text: f.excerpt } } : {}) },
          },
          ...(f.location.clause ? { logicalLocations: [{ name: f.location.clause, fullyQualifiedName: (f.clausePath ?? [f.location.clause]).join(' › '), kind: 'section' }] } : {}),
        },
      ],
      partialFingerprints: { 'contractLintFinding/v1': fingerprint(f) },
      ...(f.suppressions?.length
        ? { suppressions: f.suppressions.map((s) => ({ kind: s.kind === 'inline' ? 'inSource' : 'external', justification: s.justification })) }
        : {}),
      properties: { category: f.category, ...(f.location.page ? { page: f.location.page } : {}), ...(f.favours ? { favours: f.favours } : {}) },
    })),
  );
  const unreadable = files.filter((f) => f.error);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'contract-lint', version: VERSION, semanticVersion: VERSION, rules: descriptors } },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((f) => ({
              level: 'error',
              message: { text: `${f.error!.message} [${f.error!.code}]` },
              locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) } } }],
            })),
          },
        ],
        artifacts: files.map((f) => ({ location: { uri: uri(f.path) } })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
