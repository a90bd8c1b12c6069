import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintBuffer, ReadError, VERSION } from '../src/index.js';

const fixtures = path.resolve(__dirname, '../fixtures/contracts');

describe('library API', () => {
  it('lintBuffer lints bytes held in memory with the built-in pack', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'zh-agency-typed.docx')));
    const result = await lintBuffer(bytes, 'upload.docx');
    expect(result.document.format).toBe('docx');
    expect(result.findings.some((f) => f.ruleId === 'agency.liability-waiver.one-sided')).toBe(true);
    expect(result.concerns.kpi.status).toBe('missing');
  });

  it('lintBuffer honours --party provider', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'zh-agency-typed.docx')));
    const result = await lintBuffer(bytes, 'upload.docx', { party: 'provider' });
    expect(result.findings.some((f) => f.ruleId === 'agency.liability-waiver.one-sided')).toBe(false);
  });

  it('lintBuffer throws a ReadError for bytes that are no contract', async () => {
    await expect(lintBuffer(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'scan.png')).rejects.toBeInstanceOf(ReadError);
  });

  it('the version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});

describe('details that live in an attached document', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const scopeStatus = async (contract: string) => (await lintBuffer(enc(contract), 'msa.txt')).concerns['service-scope'].status;
  const msa = (attachment: string) => `MASTER SERVICES AGREEMENT
This Agreement is between Harbor Goods LLC (the "Client") and Northloop Commerce, Inc. (the "Agency").
1. Services
1.1 Agency will perform the services described in each SOW.
IN WITNESS WHEREOF, the parties have signed this Agreement.
By: ______________
${attachment}`;

  it('a scope clause that points to "each SOW" takes its quantities from the statement of work after the signatures', async () => {
    expect(await scopeStatus(msa(`STATEMENT OF WORK NO. 1
1. Services and Deliverables
1.1 Agency will design and publish four (4) A+ Content modules per month and optimise 30 item pages per month.
`))).toBe('ok');
  });

  it('without quantities in the statement of work, the scope is still weak', async () => {
    expect(await scopeStatus(msa(`STATEMENT OF WORK NO. 1
1. Services and Deliverables
1.1 Agency will optimise listings and manage advertising as reasonably required.
`))).toBe('weak');
  });
});
