/**
 * contract-lint as a library. The engine (ingest, structure, rules) takes bytes and returns data: no file system.
 * `lintFiles`, `readContract` and `run` are the Node layer on top.
 */
export type * from './types.js';
export type { Finding, ConcernReport, Severity, RuleSpec } from './rules/types.js';
export type { FileReport, LintFilesOptions, LintFilesResult } from './node/lint-files.js';
export { ingest, ReadError, isReadError, detectFormat, type IngestOptions } from './ingest/index.js';
export { TimeBudget } from './ingest/limits.js';
export { analyseDocument, buildClauseTree, matchClauseNumber, analyseParties, detectLanguage } from './structure/index.js';
export { lintDocument, compileRule, type LintOptions, type LintResult, type RunnableRule } from './rules/engine.js';
export { loadRuleSources, type RuleSource } from './rules/load.js';
export { readContract } from './node/read-contract.js';
export { lintFiles } from './node/lint-files.js';
export { loadPacks, resolvePack, builtinPackNames } from './node/rule-packs.js';
export { run } from './cli/run.js';
export { formatTreeJson, clauseToJson } from './report/tree-json.js';
export { formatTreeText } from './report/tree-text.js';
export { formatJson } from './report/json.js';
export { formatStylish } from './report/stylish.js';
export { formatSarif } from './report/sarif.js';
export { formatJunit } from './report/junit.js';
export { formatGithub } from './report/github.js';
export { formatMarkdown } from './report/markdown.js';
export { formatHtml } from './report/html.js';
export { diffVersions, type DiffResult, type ClauseChange, type ConcernChange, type LintedVersion } from './diff/index.js';
export { diffFiles, type DiffFilesResult } from './node/diff-files.js';
export { formatDiffJson } from './report/diff-json.js';
export { formatDiffStylish } from './report/diff-stylish.js';
export { formatDiffMarkdown } from './report/diff-markdown.js';
export { formatDiffHtml } from './report/diff-html.js';
export { VERSION } from './version.js';

import type { ContractDocument } from './types.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import { analyseDocument } from './structure/index.js';
import { lintDocument, type LintOptions, type LintResult, type RunnableRule } from './rules/engine.js';
import { loadPacks, resolvePack } from './node/rule-packs.js';

/** Bytes of a contract (any supported format; `name` tells Markdown from text) → its clause tree and parties. */
export async function parseContract(data: Uint8Array, name: string, options: IngestOptions = {}): Promise<ContractDocument> {
  return analyseDocument(await ingest(data, name, options));
}

let builtin: RunnableRule[] | undefined;

/**
 * Lints a contract held in memory (an upload, an e-mail attachment) with the built-in agency pack, or with the
 * rules given. Throws a ReadError for bytes that are not a readable contract.
 */
export async function lintBuffer(
  data: Uint8Array,
  name: string,
  options: LintOptions & IngestOptions & { rules?: RunnableRule[] } = {},
): Promise<LintResult & { document: ContractDocument }> {
  const document = await parseContract(data, name, options);
  const rules = options.rules ?? (builtin ??= (await loadPacks([resolvePack('agency', process.cwd())])).rules);
  return { document, ...lintDocument(document, rules, options) };
}
