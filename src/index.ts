/**
 * contract-lint as a library. The engine (ingest, structure) takes bytes and returns data: no file system.
 * `readContract` and `run` are the Node layer on top.
 */
export type * from './types.js';
export { ingest, ReadError, isReadError, detectFormat } from './ingest/index.js';
export { analyseDocument, buildClauseTree, matchClauseNumber, analyseParties, detectLanguage } from './structure/index.js';
export { readContract } from './node/read-contract.js';
export { run } from './cli/run.js';
export { formatTreeJson, clauseToJson } from './report/tree-json.js';
export { formatTreeText } from './report/tree-text.js';
export { VERSION } from './version.js';

import type { ContractDocument } from './types.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import { analyseDocument } from './structure/index.js';

/** Bytes of a contract (any supported format; `name` tells Markdown from text) → its clause tree and parties. */
export async function parseContract(data: Uint8Array, name: string, options: IngestOptions = {}): Promise<ContractDocument> {
  return analyseDocument(await ingest(data, name, options));
}
