import type { Clause } from '../types.js';
import type { TreeFileResult } from './tree-json.js';

export interface TextStyle {
  dim(s: string): string;
  bold(s: string): string;
}

const plain: TextStyle = { dim: (s) => s, bold: (s) => s };

function countClauses(clauses: Clause[]): number {
  return clauses.reduce((n, c) => n + 1 + countClauses(c.children), 0);
}

/** The readable `--tree` form: one clause per line, indented by depth, with line and page. */
export function formatTreeText(results: TreeFileResult[], style: TextStyle = plain): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.document) continue;
    const d = r.document;
    out.push(style.bold(r.path) + style.dim(`  ${d.format}, ${d.language}, ${countClauses(d.tree.children)} clauses`));
    if (d.parties.length) {
      const parties = d.parties.map((p) => `${p.label}${p.name ? ' ' + p.name : ''} (${p.role ?? 'role unknown / 角色不明'})`);
      out.push(style.dim('  parties / 当事人: ') + parties.join('; '));
    }
    const walk = (clauses: Clause[], depth: number) => {
      for (const c of clauses) {
        const label = [c.number, c.heading].filter(Boolean).join(' ') || '(untitled)';
        const where = `line ${c.location.line}${c.location.page ? `, p. ${c.location.page}` : ''}`;
        out.push(`${'  '.repeat(depth + 1)}${label}  ${style.dim(where)}`);
        walk(c.children, depth + 1);
      }
    };
    walk(d.tree.children, 0);
    out.push('');
  }
  return out.join('\n');
}
