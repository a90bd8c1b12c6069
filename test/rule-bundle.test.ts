import { appendFileSync, copyFileSync, cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../src/node/rule-bundle-build.js';
import { readBundle, type Bundle } from '../src/node/rule-bundle.js';
import { yamlFiles } from '../src/node/rule-packs.js';
import { loadRuleSources, rulePatterns } from '../src/rules/load.js';
import { preparePattern } from '../src/rules/patterns.js';
import { requiredLiterals } from '../src/rules/required-literals.js';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs();

/** The built-in packs are read from a JSON bundle made at build time, but never from a stale one. */
describe('rule pack bundles', () => {
  const setUp = () => {
    const tmp = tempDir('bundle');
    const dir = path.join(tmp, 'agency');
    cpSync(path.resolve(__dirname, '../rules/agency'), dir, { recursive: true });
    const bundles = path.join(tmp, 'packs');
    expect(writeBundle('agency', dir, yamlFiles(dir), bundles)).toEqual([]);
    return { dir, bundles };
  };

  it('gives the same rules, with their source lines, as the YAML', () => {
    const { dir, bundles } = setUp();
    const fromBundle = readBundle('agency', dir, yamlFiles(dir), dir, bundles)!;
    const fromYaml = loadRuleSources(yamlFiles(dir).map((f) => ({ file: path.relative(dir, f), text: readFileSync(f, 'utf8'), pack: 'agency', trusted: true }))).rules;
    expect(fromBundle.length).toBe(yamlFiles(dir).length);
    expect(fromBundle.map((r) => [r.id, r.source, r.spec])).toEqual(fromYaml.map((r) => [r.id, r.source, r.spec]));
  });

  it('records, for every pattern of the pack, the strings it requires and its prepared form, as a run works them out', () => {
    const { dir, bundles } = setUp();
    const bundle = JSON.parse(readFileSync(path.join(bundles, 'agency.json'), 'utf8')) as Bundle;
    const fromYaml = loadRuleSources(yamlFiles(dir).map((f) => ({ file: f, text: readFileSync(f, 'utf8'), pack: 'agency', trusted: true }))).rules;
    const sources = [...new Set(fromYaml.flatMap((r) => rulePatterns(r.spec)))];
    expect(Object.keys(bundle.patterns).sort()).toEqual(sources.sort());
    for (const source of sources) {
      const [literals, prepared] = bundle.patterns[source];
      const neutral = source.replace(/\{(?:client|provider)\}/g, '.');
      expect(literals, source).toEqual(requiredLiterals(preparePattern(neutral)));
      if (!/\{(?:client|provider)\}/.test(source)) expect(prepared ?? source, source).toBe(preparePattern(source));
    }
    // (the strings are worth recording: most patterns have some)
    expect(Object.values(bundle.patterns).filter(([l]) => l).length).toBeGreaterThan(sources.length * 0.9);
  });

  it('is not used once a rule file is edited, added or removed', () => {
    const edited = setUp();
    appendFileSync(path.join(edited.dir, 'team-named.yaml'), '\n# edited\n');
    expect(readBundle('agency', edited.dir, yamlFiles(edited.dir), undefined, edited.bundles)).toBeUndefined();

    const added = setUp();
    copyFileSync(path.join(added.dir, 'team-named.yaml'), path.join(added.dir, 'zz-copy.yaml'));
    expect(readBundle('agency', added.dir, yamlFiles(added.dir), undefined, added.bundles)).toBeUndefined();

    const removed = setUp();
    const files = yamlFiles(removed.dir).slice(1);
    expect(readBundle('agency', removed.dir, files, undefined, removed.bundles)).toBeUndefined();
  });

  it('is not used once a file is edited to the same size (its time changed), and still used when only its time did', () => {
    const edited = setUp();
    const file = path.join(edited.dir, 'team-named.yaml');
    const text = readFileSync(file, 'utf8');
    // (the file's time is set back before bundling, so that the edit surely gives it another)
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(file, past, past);
    expect(writeBundle('agency', edited.dir, yamlFiles(edited.dir), edited.bundles)).toEqual([]);
    writeFileSync(file, text.replace('severity: warning', 'severity: error__'));
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    expect(readBundle('agency', edited.dir, yamlFiles(edited.dir), undefined, edited.bundles)).toBeUndefined();

    // npm installs every file with one fixed date: the times differ from the bundle's, the contents do not
    const installed = setUp();
    const npmDate = new Date('1985-10-26T08:15:00Z');
    for (const f of yamlFiles(installed.dir)) utimesSync(f, npmDate, npmDate);
    expect(readBundle('agency', installed.dir, yamlFiles(installed.dir), undefined, installed.bundles)?.length).toBe(yamlFiles(installed.dir).length);
  });

  it('is not used when it is missing or unreadable', () => {
    const { dir, bundles } = setUp();
    writeFileSync(path.join(bundles, 'agency.json'), '{ not json');
    expect(readBundle('agency', dir, yamlFiles(dir), undefined, bundles)).toBeUndefined();
    expect(readBundle('agency', dir, yamlFiles(dir), undefined, path.join(bundles, 'none'))).toBeUndefined();
  });
});
