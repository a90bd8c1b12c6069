import type { DiffResult } from '../diff/index.js';
import { VERSION } from '../version.js';
import { findingToJson } from './json.js';

/** The diff report, `contract-lint diff -f json`: documented in the README, versioned by `diffSchemaVersion`. */
export function formatDiffJson(diff: DiffResult): string {
  const report = {
    diffSchemaVersion: 1,
    tool: { name: 'contract-lint', version: VERSION },
    old: diff.old,
    new: diff.new,
    summary: diff.summary,
    concerns: diff.concerns,
    findings: { introduced: diff.findings.introduced.map(findingToJson), resolved: diff.findings.resolved.map(findingToJson) },
    clauses: diff.clauses,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
