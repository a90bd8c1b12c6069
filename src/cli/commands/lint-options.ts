import { ConfigError, type LintFilesOptions } from '../../node/lint-files.js';
import type { Language, PartyRole } from '../../types.js';
import { EXIT_TROUBLE, raise, type Output } from '../output.js';

/** The options `lint` and `diff` share, as the command line gives them. */
export interface ReadingOptions {
  config?: string;
  rules: string[];
  party?: PartyRole;
  lang?: Language;
  template?: boolean;
  password?: string;
  maxFileSize: number;
  timeout?: number;
}

export function lintFilesOptions(options: ReadingOptions, cwd: string): LintFilesOptions {
  return {
    cwd,
    config: options.config,
    rules: options.rules,
    party: options.party,
    language: options.lang,
    template: options.template,
    password: options.password,
    maxFileSize: options.maxFileSize,
    timeout: options.timeout,
  };
}

/** Every configuration and rule-file problem, one per line, and exit 2. Returns false for any other error. */
export function reportConfigError(e: unknown, out: Output): boolean {
  if (!(e instanceof ConfigError)) return false;
  out.stderr += 'contract-lint: invalid configuration or rules / 配置或规则文件有误:\n';
  for (const p of e.problems) out.stderr += `  ${p.file}:${p.line}:${p.column}: ${p.message}\n`;
  raise(out, EXIT_TROUBLE);
  return true;
}
