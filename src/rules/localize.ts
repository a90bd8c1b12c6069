import type { ContractDocument, Language } from '../types.js';
import type { Localized, MessageLanguage } from './types.js';

/** The language to answer a contract in: the one asked for, or the contract's own, in the contract's script. */
export function messageLanguage(chosen: Language | undefined, doc: Pick<ContractDocument, 'language' | 'script'> | undefined): MessageLanguage {
  const language = chosen ?? doc?.language ?? 'en';
  return language === 'zh' && doc?.script === 'traditional' ? 'zh-Hant' : language;
}

/** The text in the wanted language, falling back to the other one (and from Traditional to Simplified Chinese). */
export function localize(text: Localized | undefined, language: MessageLanguage): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  if (language === 'en') return text.en ?? text.zh ?? '';
  return (language === 'zh-Hant' ? text['zh-Hant'] : undefined) ?? text.zh ?? text.en ?? '';
}

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string> | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
