import type { FileReport } from '../node/lint-files.js';
import { compareConcerns } from '../rules/engine.js';

const xml = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * JUnit XML: one test suite per contract and one test case per concern, so a CI dashboard shows which concern of
 * which contract failed. A concern fails when it has an error or warning finding; an unreadable file is an error.
 */
export function formatJunit(files: FileReport[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const f of files) {
    const cases: string[] = [];
    let suiteFailures = 0;
    if (f.error) {
      errors++;
      cases.push(`    <testcase classname="${xml(f.path)}" name="read">\n      <error type="${xml(f.error.code)}" message="${xml(f.error.message)}"/>\n    </testcase>`);
    }
    const ids = Object.keys(f.concerns).sort(compareConcerns);
    for (const id of ids) {
      const c = f.concerns[id];
      const active = f.findings.filter((x) => x.category === id && x.severity !== 'info' && !x.suppressions?.length);
      if (active.length === 0) {
        cases.push(`    <testcase classname="${xml(f.path)}" name="${xml(id)}"/>`);
        continue;
      }
      suiteFailures++;
      const detail = active
        .map((x) => `${x.severity} ${x.ruleId} at ${x.location.clause ?? 'document'}, line ${x.location.line}: ${x.message}${x.excerpt ? ` — "${x.excerpt}"` : ''}`)
        .join('\n');
      cases.push(
        `    <testcase classname="${xml(f.path)}" name="${xml(id)}">\n      <failure type="${c.status}" message="${xml(`${id}: ${c.status}, ${active.length} finding(s)`)}">${xml(detail)}</failure>\n    </testcase>`,
      );
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xml(f.path)}" tests="${cases.length}" failures="${suiteFailures}" errors="${f.error ? 1 : 0}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="contract-lint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}
