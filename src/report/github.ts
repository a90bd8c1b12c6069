import type { FileReport } from '../node/lint-files.js';

/** Workflow-command escaping: data escapes %, CR and LF; properties also escape : and ,. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions annotations: `::error file=…,line=…,title=…::message`, one per active finding. */
export function formatGithub(files: FileReport[]): string {
  const out: string[] = [];
  for (const f of files) {
    if (f.error) {
      out.push(`::error file=${prop(f.path)},title=${prop(`contract-lint: ${f.error.code}`)}::${data(f.error.message)}`);
      continue;
    }
    for (const x of f.findings) {
      if (x.suppressions?.length) continue;
      const where = x.location.clause ? ` (${x.location.clause}${x.location.heading ? ' ' + x.location.heading : ''})` : '';
      out.push(`::${COMMAND[x.severity]} file=${prop(f.path)},line=${x.location.line},title=${prop(x.ruleId)}::${data(x.message + where)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
