import type { Language, PartyRole, Position } from '../types.js';

export type Severity = 'error' | 'warning' | 'info';
/** A text in Chinese and English; `zh-Hant` is its Chinese in Traditional characters (made for the built-in packs). */
export type Localized = { zh?: string; en?: string; 'zh-Hant'?: string } | string;

/** The language messages are given in: a report's language, and for Chinese, the script of the contract. */
export type MessageLanguage = Language | 'zh-Hant';

/**
 * A condition on a clause (or on the whole document for `require`), as written in YAML:
 * a string or list of strings is a pattern (any of them); objects combine.
 */
export type ConditionSpec =
  | string
  | string[]
  | {
      pattern?: string | string[];
      heading?: string | string[];
      text?: string | string[];
      clause?: string | string[];
      all?: ConditionSpec[];
      any?: ConditionSpec[];
      not?: ConditionSpec;
      inside?: ConditionSpec;
      /** preamble: the parties and recitals before the first clause; body: the clauses. */
      part?: 'preamble' | 'body';
    };

export interface ScopeSpec {
  heading?: string | string[];
  text?: string | string[];
  clause?: string | string[];
  document?: boolean;
}

export interface DetailElement {
  id: string;
  name: Localized;
  pattern: ConditionSpec;
}

export interface QuantitySpec {
  /** percent | money | duration | count */
  type: 'percent' | 'money' | 'duration' | 'count';
  /** Only numbers in a sentence matching this count (e.g. 预付|首期|up front). */
  near?: ConditionSpec;
  /**
   * Only numbers inside a match of this: the phrase that makes the number the thing measured ("30 days' notice",
   * 提前30日), not another number in the same sentence ("extend the Term by 12 months by notice").
   */
  at?: ConditionSpec;
  /**
   * For money: compare the amount as a percentage of the whole amount this names, found in the same clause or a
   * clause around it ("EUR 40,560 within ten days after signature" of "an annual package fee of EUR 62,400").
   */
  of?: ConditionSpec;
  /** Sentences where this holds are left alone (a share stated as a percentage is another rule's). */
  unless?: ConditionSpec;
  op: '>' | '>=' | '<' | '<=' | '==';
  value: number;
  /** For money: yuan (元) or usd; for duration: days (business days count as 7/5 days). */
  unit?: string;
}

export interface KindSpec {
  require?: { where: ConditionSpec };
  'require-detail'?: { clauses: ConditionSpec; elements: DetailElement[]; min?: number };
  forbid?: { pattern: ConditionSpec; unless?: ConditionSpec; negation?: boolean; each?: boolean };
  'one-sided'?: {
    pattern: ConditionSpec;
    mutual?: ConditionSpec;
    favoured?: 'subject' | 'object' | 'other';
    favours?: 'reader-opponent' | 'any';
    negation?: boolean;
  };
  threshold?: QuantitySpec;
  conditional?: { if: ConditionSpec; then: ConditionSpec };
}

export interface RuleExample {
  text: string;
  /** Party roles for the example, when the rule depends on them (default: 甲方/Client client, 乙方/Agency provider). */
  note?: string;
}

export interface RuleSpec {
  id: string;
  category: string;
  severity: Severity;
  aspects?: string[];
  message: Localized;
  suggestion?: Localized;
  rationale?: Localized;
  scope?: ScopeSpec;
  kind: KindSpec;
  examples?: { flag?: Array<string | RuleExample>; pass?: Array<string | RuleExample> };
  /** Rules that report an aspect only, never a finding (severity is then ignored). */
  report?: 'findings' | 'aspects-only';
}

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A validated rule with its patterns compiled once. */
export interface CompiledRule {
  spec: RuleSpec;
  id: string;
  severity: Severity;
  kindName: keyof KindSpec;
  source: SourceLocation;
  pack: string;
}

export interface FindingLocation extends Position {
  clause?: string;
  heading?: string;
}

export interface Suppression {
  kind: 'inline' | 'config';
  justification: string;
}

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  location: FindingLocation;
  excerpt?: string;
  suggestion?: string;
  /** The party a one-sided term favours. */
  favours?: PartyRole;
  suppressions?: Suppression[];
  /** Numbers of the enclosing clauses and the clause itself (三、 › （一）), for readers: （一） alone is ambiguous. */
  clausePath?: string[];
}

export type ConcernStatus = 'ok' | 'weak' | 'missing';

export interface ConcernReport {
  status: ConcernStatus;
  clauses: string[];
  aspects: string[];
}

export interface EngineOptions {
  party: PartyRole;
  language: Language;
  /** Per-rule severity overrides and switches (from config). */
  ruleSettings?: Record<string, Severity | 'off'>;
}
