import { ingestText } from '../ingest/text.js';
import { analyseDocument } from '../structure/index.js';
import { lintDocument, type RunnableRule } from './engine.js';

export interface ExampleFailure {
  ruleId: string;
  file: string;
  expectation: 'flag' | 'pass';
  index: number;
  text: string;
  /** What the rule reported instead (messages), for a pass example that was flagged. */
  got: string[];
}

export interface ExampleResults {
  passed: number;
  failed: ExampleFailure[];
}

const HAS_PARTIES = /甲方\s*[（(:：]|乙方\s*[（(:：]|\(["“][A-Z][^"”]*["”]\)|委托方\s*[:：]|受托方\s*[:：]/;

/**
 * An example text as a contract: where it names no parties, the usual roles are given so that one-sided rules
 * can tell who is favoured (甲方 / Client: the merchant; 乙方 / Agency: the agency).
 */
export function exampleDocument(text: string) {
  const zh = /[\u4e00-\u9fff]/.test(text);
  const preamble = HAS_PARTIES.test(text)
    ? ''
    : zh
      ? '甲方（委托方）：示例服饰有限公司\n乙方（受托方）：示例电子商务有限公司\n\n'
      : 'This Agreement is between Example Apparel Ltd. ("Client") and Example Digital LLC ("Agency").\n\n';
  return analyseDocument(ingestText(new TextEncoder().encode(preamble + text)));
}

/** Runs every rule's own examples: each `flag` text must produce the rule's finding, each `pass` text must not. */
export function runRuleExamples(rules: RunnableRule[]): ExampleResults {
  let passed = 0;
  const failed: ExampleFailure[] = [];
  for (const rule of rules) {
    const examples = rule.spec.examples ?? {};
    for (const expectation of ['flag', 'pass'] as const) {
      (examples[expectation] ?? []).forEach((ex, index) => {
        const text = typeof ex === 'string' ? ex : ex.text;
        const { findings, concerns } = lintDocument(exampleDocument(text), [rule], { ruleSettings: { [rule.id]: rule.severity } });
        const own = findings.filter((f) => f.ruleId === rule.id);
        // A rule that only reports aspects "flags" an example by finding its aspects there.
        const hit =
          rule.spec.report === 'aspects-only'
            ? (rule.spec.aspects ?? []).every((a) => concerns[rule.spec.category]?.aspects.includes(a))
            : own.length > 0;
        const ok = expectation === 'flag' ? hit : !hit;
        if (ok) passed++;
        else failed.push({ ruleId: rule.id, file: rule.source.file, expectation, index, text, got: own.map((f) => f.excerpt ?? f.message) });
      });
    }
  }
  return { passed, failed };
}
