const VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** Roman numeral (either case) to number; NaN when not a well-formed numeral. */
export function parseRoman(s: string): number {
  const lower = s.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(lower)) return NaN;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const v = VALUES[lower[i]];
    const next = VALUES[lower[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return toRoman(total).toLowerCase() === lower ? total : NaN;
}

export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
