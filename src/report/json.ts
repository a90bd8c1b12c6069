import type { FileReport } from '../node/lint-files.js';
import type { Finding } from '../rules/types.js';
import { VERSION } from '../version.js';
import { partyToJson } from './tree-json.js';
import { summarize } from './summary.js';

/** A finding as SPEC.md's JSON report shows it. */
export function findingToJson(x: Finding) {
  return {
    ruleId: x.ruleId,
    category: x.category,
    severity: x.severity,
    message: x.message,
    location: x.location,
    ...(x.excerpt !== undefined ? { excerpt: x.excerpt } : {}),
    ...(x.suggestion !== undefined ? { suggestion: x.suggestion } : {}),
    ...(x.favours ? { favours: x.favours } : {}),
    ...(x.suppressions ? { suppressions: x.suppressions } : {}),
  };
}

/** SPEC.md's JSON report, schemaVersion 1. */
export function formatJson(files: FileReport[]): string {
  const report = {
    schemaVersion: 1,
    tool: { name: 'contract-lint', version: VERSION },
    files: files.map((f) => ({
      path: f.path,
      format: f.document?.format ?? null,
      language: f.document?.language ?? null,
      parties: f.document?.parties.map(partyToJson) ?? [],
      concerns: f.concerns,
      findings: f.findings.map(findingToJson),
      error: f.error,
    })),
    summary: summarize(files),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
