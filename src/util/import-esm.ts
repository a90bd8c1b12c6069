/**
 * `import()` of an ES module by its URL (pdf.js ships only as ES modules). The command line's bundle is a script that
 * V8 compiles from a code cache, and on Node 20 such a script cannot `import()` on its own; there the build puts the
 * launcher's `import()` in place of this module (scripts/bundle-cli.mjs, src/cli/launch.ts).
 */
export function importEsm(url: string): Promise<unknown> {
  return import(url);
}
