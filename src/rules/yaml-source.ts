import { isMap, LineCounter, parseDocument, type Document } from 'yaml';

/** A problem in a rule or configuration file, at a line and column (1-based). */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** A schema validator as Ajv compiles it (kept structural so the engine does not depend on Ajv). */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }> | null;
}

export interface ParsedYaml {
  value: unknown;
  problems: Problem[];
  /** Line and column of the node at a path within the document, for problems found after validation. */
  /** With `atKey`, a mapping entry's key rather than its value (for an unknown or misplaced key). */
  positionOf(path: Array<string | number>, atKey?: boolean): { line: number; column: number };
}

/**
 * Parses YAML keeping positions, so that every problem (syntax or schema) names its line and column. All
 * problems of a file are collected; nothing is thrown.
 */
export function parseYaml(text: string, file: string, validate?: SchemaValidator): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({ file, line: pos.line, column: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` });
  }
  const positionOf = (path: Array<string | number>, atKey = true) => nodePosition(doc, lineCounter, path, atKey);
  if (problems.length) return { value: undefined, problems, positionOf };
  const value = doc.toJS({ maxAliasCount: 100 });
  if (validate && !validate(value)) {
    for (const p of schemaProblems(validate.errors ?? [])) {
      problems.push({ file, ...positionOf(p.path, p.atKey), message: p.message });
    }
  }
  return { value, problems, positionOf };
}

function nodePosition(doc: Document, lc: LineCounter, path: Array<string | number>, atKey: boolean): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      // For a key that exists, point at its key rather than its value where we can.
      const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
      if (atKey && n === path.length && isMap(parent)) {
        const pair = parent.items.find((it) => (it.key as { value?: unknown })?.value === path[n - 1]);
        const keyRange = (pair?.key as { range?: [number, number, number] })?.range;
        if (keyRange) {
          const p = lc.linePos(keyRange[0]);
          return { line: p.line, column: p.col };
        }
      }
      const p = lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return { line: 1, column: 1 };
}

const toPath = (instancePath: string): Array<string | number> =>
  instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * Ajv's errors, turned into one plain message per place: for a `oneOf` that failed, one message naming what was
 * expected instead of one per branch.
 */
function schemaProblems(errors: NonNullable<SchemaValidator['errors']>): Array<{ path: Array<string | number>; message: string; atKey: boolean }> {
  const out = new Map<string, { path: Array<string | number>; message: string; atKey: boolean }>();
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    const path = toPath(e.instancePath);
    const where = e.instancePath ? `'${path.join('.')}'` : 'the file';
    let message: string;
    // Each failed branch of a oneOf adds its own errors; the oneOf error itself says it better.
    if (oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf') continue;
    if (e.keyword === 'type' && [...oneOfPaths].some((p) => e.instancePath.startsWith(p + '/'))) continue;
    switch (e.keyword) {
      case 'required':
        message = `missing required key '${e.params.missingProperty}'${e.instancePath ? ` in ${where}` : ''}`;
        break;
      case 'additionalProperties':
        message = `unknown key '${e.params.additionalProperty}'${e.instancePath ? ` in ${where}` : ''}`;
        path.push(String(e.params.additionalProperty));
        break;
      case 'enum':
        message = `${where} must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
        break;
      case 'oneOf':
        message = `${where} has the wrong form: expected ${describeOneOf(path)}`;
        break;
      case 'pattern':
        message = `${where} ${e.message}`;
        break;
      case 'minProperties':
      case 'maxProperties':
        message = path[path.length - 1] === 'kind'
          ? `'kind' must name exactly one rule kind: require, require-detail, forbid, one-sided, threshold or conditional`
          : `${where} ${e.message}`;
        break;
      default:
        message = `${where} ${e.message ?? 'is invalid'}`;
    }
    const key = `${path.join('.')}|${message}`;
    if (!out.has(key)) out.set(key, { path, message, atKey: e.keyword === 'additionalProperties' });
  }
  return [...out.values()];
}

function describeOneOf(path: Array<string | number>): string {
  const last = String(path[path.length - 1] ?? '');
  if (['message', 'suggestion', 'rationale', 'name'].includes(last)) return 'a text, or zh and en texts';
  if (['heading', 'text', 'clause'].includes(last)) return 'a pattern or a list of patterns';
  if (['extends', 'files'].includes(last)) return 'a string or a list of strings';
  return 'a pattern (string), a list of patterns, or a condition object (pattern, heading, all, any, not, inside, part)';
}
