import { availableParallelism } from 'node:os';

/** A file taken for a PDF by its name: it costs most to read, and it is read in a worker that can be stopped. */
export const isPdfPath = (file: string): boolean => /\.pdf$/i.test(file);

/**
 * Rough milliseconds one thread spends reading and linting a file, from its format and size. Fitted on the corpus and
 * our fixtures (2026-12-07, one core of the bench machine: PDF about 1 ms per KB, DOCX 30 ms + 0.8 ms per KB, text and
 * Markdown about 13 ms a file). Only the proportions matter: they decide how many workers to start and which files go
 * first, never what is reported.
 */
export function estimateCost(file: string, bytes: number): number {
  const kb = bytes / 1024;
  if (isPdfPath(file)) return 20 + kb;
  if (/\.docx$/i.test(file)) return 30 + 0.8 * kb;
  return 10 + 0.3 * kb;
}

/**
 * Starting a worker (modules, rule packs, patterns compiled cold; pdf.js too for a PDF) costs some 400 ms, so a lane
 * is added per 750 ms of estimated work: 22 DOCX files (about 1.1 s of work) stay in this thread, 22 CUAD PDFs
 * (about 3.9 s) get lanes on both cores.
 */
const WORK_PER_LANE_MS = 750;

/**
 * Of a PDF's cost, the part this thread still has once a worker has read it: clause tree, rules and report. About a
 * third (a profile of the CUAD folder: 1.9 s of this thread's time against 5.8 s in the reading worker).
 */
const PDF_LINT_SHARE = 0.3;

export interface PlannedFile {
  cost: number;
  /** Read in a worker only: this thread cannot stop pdf.js, so it never reads a PDF itself. */
  pdf: boolean;
}

/**
 * Worker threads to start beside this one, one core each. This thread counts as a lane when it has a lane's share of
 * work of its own: the files that are not PDFs, and linting what the workers read. With less (a folder of PDFs), it
 * would sit mostly idle, and one more worker reads instead: on the 2-core bench machine, two workers read the CUAD
 * folder 10% faster than one. With as much (300 mixed files), a third thread made the run slower, 17% on the same
 * machine, because this thread is busy linting what the workers read.
 */
export function plannedWorkers(files: PlannedFile[], cores = availableParallelism()): number {
  let total = 0;
  let own = 0;
  for (const f of files) {
    total += f.cost;
    own += f.pdf ? f.cost * PDF_LINT_SHARE : f.cost;
  }
  const lanes = Math.max(1, Math.min(cores, files.length, Math.floor(total / WORK_PER_LANE_MS)));
  const idleHere = own * lanes < total;
  return idleHere ? lanes : lanes - 1;
}

/**
 * Task indices, costliest first: handed out in this order, the lanes end close together instead of one lane starting
 * the largest PDF while the others have nothing left to do.
 */
export function longestFirst(costs: number[]): number[] {
  return costs.map((_, i) => i).sort((a, b) => costs[b] - costs[a] || a - b);
}
