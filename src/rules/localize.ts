import type { Localized, MessageLanguage } from './types.js';

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
