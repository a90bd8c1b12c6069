#!/usr/bin/env node
// Build step: the built-in rule packs parsed into dist/packs/<pack>.json (see src/node/rule-bundle.ts).
import { bundleBuiltinPacks } from '../dist/node/rule-bundle-build.js';

const problems = bundleBuiltinPacks();
for (const p of problems) console.error(p);
if (problems.length) {
  console.error('bundle-rules: the built-in rule packs have problems; no bundle written for those packs');
  process.exit(1);
}
