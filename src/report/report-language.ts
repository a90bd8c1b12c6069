import type { FileReport } from '../node/lint-files.js';
import type { Language } from '../types.js';

/** Chinese in Traditional characters, for a contract written in them; otherwise the report's language. */
export type ReportLanguage = Language | 'zh-Hant';

/** The language one file's report speaks: the one asked for, or the contract's own, in the contract's script. */
export function reportLanguage(file: FileReport, chosen?: Language): ReportLanguage {
  const language = chosen ?? file.document?.language ?? 'en';
  return language === 'zh' && file.document?.script === 'traditional' ? 'zh-Hant' : language;
}
