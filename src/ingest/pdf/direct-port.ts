/**
 * The channel between pdf.js's two halves when both run in this thread.
 *
 * pdf.js is split into an API side and a "worker" side that parses. Node has no Web Worker, so pdf.js runs the worker
 * side in the same thread and joins the two with its LoopbackPort, which passes every message through
 * `structuredClone`, as a real worker boundary would. For text extraction that clone is pure cost: it serialised and
 * rebuilt every text item of every page, ~8% of a reading worker's time in a profile of the CUAD folder.
 *
 * This port hands messages over as they are, but for one copy. pdf.js reuses the object it streams text content in:
 * after sending a chunk it puts new `items` and `styles` arrays into the same object. So the message and each plain
 * object it holds are copied one level deep, which keeps what was sent intact; nothing deeper is changed once sent.
 * A test reads the fixtures through both ports and requires the same text.
 */

type Listener = (this: DirectPort, event: { data: unknown }) => void;

export class DirectPort {
  readonly #listeners = new Map<Listener, (() => void) | undefined>();

  postMessage(message: unknown): void {
    const event = { data: copyShallow(message) };
    // Delivered later, as a real port does: pdf.js relies on a send returning before the other side runs.
    queueMicrotask(() => {
      for (const listener of this.#listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(_type: 'message', listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    let stopListening: (() => void) | undefined;
    if (signal) {
      const onAbort = () => this.removeEventListener('message', listener);
      signal.addEventListener('abort', onAbort, { once: true });
      stopListening = () => signal.removeEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, stopListening);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  /** Listeners now registered: each document's two handlers come and go with it (a leak would slow every message). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

function copyShallow(message: unknown): unknown {
  if (!isPlainObject(message)) return message;
  const copy = copyObject(message);
  for (const key in copy) {
    const value = copy[key];
    if (isPlainObject(value)) copy[key] = copyObject(value);
  }
  return copy;
}

/** pdf.js keeps some maps (text styles) in objects without a prototype; a copy stays that way. */
function copyObject(value: Record<string, unknown>): Record<string, unknown> {
  return Object.getPrototypeOf(value) === null ? Object.assign(Object.create(null), value) : { ...value };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
