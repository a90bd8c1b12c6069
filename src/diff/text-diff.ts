/**
 * Word-level differences between two versions of a clause (Chinese: character-level), with Myers' O(ND)
 * algorithm, and a short excerpt of what changed for a reader.
 */

export type DiffOp = { op: 'equal' | 'delete' | 'insert'; text: string };

/** Latin words and numbers stay whole; every CJK character, space run and punctuation mark is its own token. */
export function tokenize(text: string): string[] {
  // Within a run of Chinese, each character is a token but a number (30, 1.5) stays whole: 30日 → 90日 reads as
  // [-30-]{+90+}, not as a change of one digit.
  return text.match(/[\p{L}\p{N}_]+(?:['’.,][\p{L}\p{N}]+)*|\s+|./gu)?.flatMap((t) => (/[\u3400-\u9fff]/.test(t) ? t.match(/[\u3400-\u9fff]|[^\u3400-\u9fff]+/g)! : [t])) ?? [];
}

/** Past this many tokens on both sides together, only the common prefix and suffix are kept (a clause never is). */
const MAX_TOKENS = 20_000;

/** The edit script from `a` to `b`, as runs of equal, deleted and inserted tokens. */
export function diffTokens(a: string[], b: string[]): DiffOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = endA - start + (endB - start) > MAX_TOKENS ? replaceAll(a.slice(start, endA), b.slice(start, endB)) : myers(a.slice(start, endA), b.slice(start, endB));
  return merge([{ op: 'equal', text: a.slice(0, start).join('') }, ...middle, { op: 'equal', text: a.slice(endA).join('') }]);
}

function replaceAll(a: string[], b: string[]): DiffOp[] {
  return [
    { op: 'delete', text: a.join('') },
    { op: 'insert', text: b.join('') },
  ];
}

function myers(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the script.
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ op: 'equal', text: a[--x] }) && y--;
    if (d > 0) {
      if (x === prevX) ops.push({ op: 'insert', text: b[--y] });
      else ops.push({ op: 'delete', text: a[--x] });
    }
  }
  return ops.reverse();
}

function merge(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const o of ops) {
    if (!o.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else out.push({ ...o });
  }
  return out;
}

/** One place where the text changed, with a little of the unchanged text around it. */
export interface Hunk {
  before: string;
  removed: string;
  added: string;
  after: string;
}

const CONTEXT_CHARS = 24;

const tail = (s: string) => (s.length > CONTEXT_CHARS ? '…' + s.slice(-CONTEXT_CHARS).trimStart() : s);
const head = (s: string) => (s.length > CONTEXT_CHARS ? s.slice(0, CONTEXT_CHARS).trimEnd() + '…' : s);

/**
 * The changes between two texts as hunks: neighbouring deletions and insertions separated by less than a few
 * words of unchanged text are one hunk.
 */
export function changeHunks(oldText: string, newText: string, maxHunks = 3): { hunks: Hunk[]; more: number } {
  const ops = diffTokens(tokenize(oldText), tokenize(newText));
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i];
    if (o.op === 'equal') {
      const isLast = i === ops.length - 1;
      if (current && (o.text.length > CONTEXT_CHARS * 2 || isLast)) {
        current.after = head(o.text);
        hunks.push(current);
        current = null;
      } else if (current) {
        current.removed += o.text;
        current.added += o.text;
      }
      continue;
    }
    if (!current) {
      const prev = ops[i - 1];
      current = { before: prev?.op === 'equal' ? tail(prev.text) : '', removed: '', added: '', after: '' };
    }
    if (o.op === 'delete') current.removed += o.text;
    else current.added += o.text;
  }
  if (current) hunks.push(current);
  return { hunks: hunks.slice(0, maxHunks), more: Math.max(0, hunks.length - maxHunks) };
}

/** How a rendering marks deleted and inserted text: opening and closing mark of each. */
export interface ChangeMarks {
  removed: [string, string];
  added: [string, string];
}

/** The marks of plain text (the JSON `excerpt` and the terminal): `[-old-]{+new+}`. */
export const TEXT_MARKS: ChangeMarks = { removed: ['[-', '-]'], added: ['{+', '+}'] };

/** A hunk on one line: `…within [-30-]{+180+} days…`. */
export const renderHunk = (h: Hunk): string => renderHunkWith(h, TEXT_MARKS);

/** A hunk on one line, with the given marks around what was removed and added. */
export function renderHunkWith(h: Hunk, marks: ChangeMarks): string {
  const mark = (text: string, [open, close]: [string, string]) => (text.trim() ? `${open}${clip(text.trim())}${close}` : '');
  return `${h.before}${mark(h.removed, marks.removed)}${mark(h.added, marks.added)}${h.after}`.replace(/\s+/g, ' ').trim();
}

/** A heading replaced by another, as a hunk with no context. */
export const headingHunk = (before: string | null, after: string | null): Hunk => ({ before: '', removed: before ?? '', added: after ?? '', after: '' });

const CLIP_CHARS = 80;

/** A long deletion or insertion keeps its start and end: enough to recognise it in the clause. */
function clip(s: string): string {
  if (s.length <= CLIP_CHARS) return s;
  return `${s.slice(0, CLIP_CHARS / 2 + 10).trimEnd()} … ${s.slice(-(CLIP_CHARS / 2 - 10)).trimStart()}`;
}
