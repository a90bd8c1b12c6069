#!/usr/bin/env node
// Build step: the built-in rule packs parsed into dist/packs/<pack>.json (see src/node/rule-bundle.ts).
// The rules' Chinese is also given in Traditional characters (Taiwan standard forms, OpenCC "cn" → "tw": characters
// only, not its phrase table, which rewrites 数据 as 資料 and 权限 as 許可權), for contracts written in Traditional.
import { Converter } from 'opencc-js/cn2t';
import { bundleBuiltinPacks } from '../dist/node/rule-bundle-build.js';

const problems = bundleBuiltinPacks(Converter({ from: 'cn', to: 'tw' }));
for (const p of problems) console.error(p);
if (problems.length) {
  console.error('bundle-rules: the built-in rule packs have problems; no bundle written for those packs');
  process.exit(1);
}
