import { describe, expect, it } from 'vitest';
import { estimateCost, longestFirst, plannedWorkers } from '../src/node/work-plan.js';

describe('planning a run over many files', () => {
  it('weighs a PDF by its size above a text file of the same size', () => {
    expect(estimateCost('a.pdf', 200_000)).toBeGreaterThan(estimateCost('a.docx', 200_000));
    expect(estimateCost('a.docx', 200_000)).toBeGreaterThan(estimateCost('a.md', 200_000));
    expect(estimateCost('A.PDF', 100_000)).toBe(estimateCost('a.pdf', 100_000));
  });

  const docx = (n: number, cost: number) => Array.from({ length: n }, () => ({ cost, pdf: false }));
  const pdfs = (n: number, cost: number) => Array.from({ length: n }, () => ({ cost, pdf: true }));

  it('starts workers beside this thread only when there is work for them, one per core at most', () => {
    // 22 DOCX templates (~1.1 s of work): this thread alone; 300 small files on 8 cores: seven workers beside it.
    expect(plannedWorkers(docx(22, 50), 2)).toBe(0);
    expect(plannedWorkers(docx(22, 125), 2)).toBe(1);
    expect(plannedWorkers(docx(300, 30), 8)).toBe(7);
    expect(plannedWorkers(docx(2, 5000), 8)).toBe(1);
    expect(plannedWorkers([], 4)).toBe(0);
  });

  it('gives this thread no reading lane when PDFs leave it little to do', () => {
    // The CUAD folder (~3.9 s, all PDF) on 2 cores: two workers read, this thread lints what they read.
    expect(plannedWorkers(pdfs(22, 177), 2)).toBe(2);
    // The same with 15 DOCX files beside: this thread still has less than a lane's share.
    expect(plannedWorkers([...pdfs(22, 173), ...docx(15, 69)], 2)).toBe(2);
    // 300 mixed files (two thirds of the work in PDFs): this thread is a lane of its own.
    expect(plannedWorkers([...pdfs(100, 100), ...docx(200, 23)], 2)).toBe(1);
    // Never more workers than files, and one worker for one PDF.
    expect(plannedWorkers(pdfs(2, 5000), 8)).toBe(2);
    expect(plannedWorkers(pdfs(1, 300), 8)).toBe(1);
  });

  it('hands out the costliest files first, ties in the order given', () => {
    expect(longestFirst([10, 500, 30, 500, 5])).toEqual([1, 3, 2, 0, 4]);
  });
});
