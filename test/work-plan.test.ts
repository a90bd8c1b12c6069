import { describe, expect, it } from 'vitest';
import { estimateCost, longestFirst, plannedWorkers } from '../src/node/work-plan.js';

describe('planning a run over many files', () => {
  it('weighs a PDF by its size above a text file of the same size', () => {
    expect(estimateCost('a.pdf', 200_000)).toBeGreaterThan(estimateCost('a.docx', 200_000));
    expect(estimateCost('a.docx', 200_000)).toBeGreaterThan(estimateCost('a.md', 200_000));
    expect(estimateCost('A.PDF', 100_000)).toBe(estimateCost('a.pdf', 100_000));
  });

  it('starts workers beside this thread only when there is work for them, one per core at most', () => {
    // 22 DOCX templates (~1.1 s of work): this thread alone; 22 CUAD PDFs (~2.7 s): one worker beside it.
    expect(plannedWorkers(Array(22).fill(50), 2)).toBe(0);
    expect(plannedWorkers(Array(22).fill(125), 2)).toBe(1);
    expect(plannedWorkers(Array(300).fill(30), 8)).toBe(7);
    expect(plannedWorkers([5000, 5000], 8)).toBe(1);
    expect(plannedWorkers([], 4)).toBe(0);
  });

  it('hands out the costliest files first, ties in the order given', () => {
    expect(longestFirst([10, 500, 30, 500, 5])).toEqual([1, 3, 2, 0, 4]);
  });
});
