import type { Clause, ContractDocument, Party } from '../types.js';

export interface TreeJsonClause {
  number: string | null;
  heading: string | null;
  location: { line: number; page?: number };
  children: TreeJsonClause[];
}

export function clauseToJson(c: Clause): TreeJsonClause {
  return {
    number: c.number,
    heading: c.heading,
    location: c.location.page ? { line: c.location.line, page: c.location.page } : { line: c.location.line },
    children: c.children.map(clauseToJson),
  };
}

export function partyToJson(p: Party): { role: string | null; label: string; name?: string } {
  return { role: p.role, label: p.label, ...(p.name ? { name: p.name } : {}) };
}

export interface TreeFileResult {
  path: string;
  document?: ContractDocument;
  error?: { code: string; message: string };
}

/** SPEC.md's `--tree --format json` dump. */
export function formatTreeJson(results: TreeFileResult[]): string {
  const files = results.map((r) =>
    r.document
      ? {
          path: r.path,
          format: r.document.format,
          language: r.document.language,
          parties: r.document.parties.map(partyToJson),
          tree: { children: r.document.tree.children.map(clauseToJson) },
          error: null,
        }
      : { path: r.path, tree: null, error: r.error ?? null },
  );
  return JSON.stringify({ files }, null, 2) + '\n';
}
