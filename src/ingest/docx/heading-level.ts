import type { StyleDefinitions } from './style-definitions.js';

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;

/**
 * The heading level of a paragraph, 1 = top, or undefined for body text. A heading is a paragraph in one of
 * Word's built-in heading styles (stored under their English names "heading 1".."heading 9" and "Title" whatever the
 * UI language; documents made from Chinese templates may name custom ones "标题 1"), in a style based on one of
 * them, or with an outline level (`w:outlineLvl` 0–8, set directly or by its style), which is what Word's
 * navigation pane goes by. The Title is treated as a top-level heading.
 */
export function headingLevel(
  styleId: string | undefined,
  styleName: string | undefined,
  directOutlineLevel: number | undefined,
  styles: StyleDefinitions,
): number | undefined {
  const chain = styles.chain(styleId ?? styles.defaultParagraphStyleId);
  const names = [styleName, ...chain.map((s) => s.name)];
  for (const name of names) {
    const trimmed = name?.trim();
    if (!trimmed) continue;
    const heading = HEADING_NAME.exec(trimmed);
    if (heading) return Number(heading[1]);
    if (TITLE_NAME.test(trimmed)) return 1;
  }
  const outline = directOutlineLevel ?? chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
  return outline !== undefined && outline >= 0 && outline <= 8 ? outline + 1 : undefined;
}
