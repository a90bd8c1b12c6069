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
 * (about 2.7 s) get one worker beside it.
 */
const WORK_PER_LANE_MS = 750;

/**
 * Worker threads to start beside this one, which is a lane of its own: one core each. (On the 2-core bench machine a
 * third thread made 300 mixed files slower, 36 files/s against 50, because this thread is busy linting what the
 * workers read.)
 */
export function plannedWorkers(costs: number[], cores = availableParallelism()): number {
  const total = costs.reduce((a, c) => a + c, 0);
  const lanes = Math.max(1, Math.min(cores, costs.length, Math.floor(total / WORK_PER_LANE_MS)));
  return lanes - 1;
}

/**
 * Task indices, costliest first: handed out in this order, the lanes end close together instead of one lane starting
 * the largest PDF while the others have nothing left to do.
 */
export function longestFirst(costs: number[]): number[] {
  return costs.map((_, i) => i).sort((a, b) => costs[b] - costs[a] || a - b);
}
