import type { Language } from '../types.js';
import type { Localized } from './types.js';

/** The text in the wanted language, falling back to the other one. */
export function localize(text: Localized | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (language === 'zh' ? text.zh ?? text.en : text.en ?? text.zh) ?? '';
}

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string> | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
