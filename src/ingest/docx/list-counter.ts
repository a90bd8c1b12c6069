import { formatNumber, isNumberless } from './number-formats.js';
import { LEVEL_COUNT, type ResolvedList } from './numbering-definitions.js';

/** What a numbered paragraph shows in front of its text. */
export interface ListLabel {
  /** The number as Word shows it ("第一条", "1.1", "(a)"); undefined for bullets and levels that show no number. */
  text: string | undefined;
  level: number;
}

/**
 * Word's list counters, fed with numbered paragraphs in document order.
 *
 * - Counters live per abstract list (see `ResolvedList.counterKey`), so `w:num`s sharing an abstractNum continue
 *   one another.
 * - The first paragraph of a `w:num` with `w:startOverride` restarts the overridden levels at the override: that
 *   is how Word stores "Restart at 1" and how LibreOffice exports a new list in the same style. Later paragraphs
 *   of that num continue normally.
 * - Advancing a level restarts the levels below it, unless their `w:lvlRestart` says otherwise.
 * - A level that was never used since its restart shows `start - 1` when a deeper level prints it (Word's
 *   notorious "1.0.1" when a heading level is skipped).
 * - Bullets and `none` levels still count (Word does too), they just show no number.
 */
export class ListCounters {
  private readonly values = new Map<string, number[]>();
  private readonly seenNums = new Set<string>();

  next(list: ResolvedList, ilvl: number): ListLabel {
    let values = this.values.get(list.counterKey);
    if (!values) {
      values = Array.from({ length: LEVEL_COUNT }, (_, k) => startOf(list, k) - 1);
      this.values.set(list.counterKey, values);
    }
    if (!this.seenNums.has(list.numId)) {
      this.seenNums.add(list.numId);
      for (const [k, start] of list.startOverrides) values[k] = start - 1;
    }

    values[ilvl] += 1;
    for (let k = ilvl + 1; k < LEVEL_COUNT; k++) {
      const restartAfter = list.levels[k]?.restartAfter;
      const restarts = restartAfter === undefined || (restartAfter > 0 && ilvl < restartAfter);
      if (restarts) values[k] = startOf(list, k) - 1;
    }

    const level = list.levels[ilvl];
    if (!level || level.lvlText === undefined || isNumberless(level.numFmt)) return { text: undefined, level: ilvl };
    const counters = values;
    const text = level.lvlText
      .replace(/%([1-9])/g, (_, digit: string) => {
        const k = Number(digit) - 1;
        const shown = list.levels[k];
        if (!shown || shown.numFmt === 'none') return '';
        const numFmt = level.isLegal && shown.numFmt !== 'bullet' ? 'decimal' : shown.numFmt;
        return formatNumber(counters[k], numFmt, shown.customFormat);
      })
      .trim();
    return { text: text === '' ? undefined : text, level: ilvl };
  }
}

function startOf(list: ResolvedList, k: number): number {
  return list.startOverrides.get(k) ?? list.levels[k]?.start ?? 0;
}
