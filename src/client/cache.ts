import { abortError } from './http.js';

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
  settled: boolean;
  settledAt: number;
}

export interface RequestCacheOptions {
  /** How long a settled value is reused, ms (default 3000). Failures are never kept. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Shares GETs across every element and client on the page: identical requests
 * in flight are one request, and a settled value is reused for a short while.
 * A caller's abort only rejects that caller; the shared request is aborted only
 * when every caller has gone.
 */
export class RequestCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: RequestCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 3000;
    this.#now = options.now ?? Date.now;
  }

  get<T>(
    key: string,
    loader: (signal: AbortSignal) => Promise<T>,
    options: { signal?: AbortSignal; reload?: boolean } = {},
  ): Promise<T> {
    const { signal, reload = false } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let entry = this.#entries.get(key);
    if (entry?.settled && (reload || this.#now() - entry.settledAt > this.#ttlMs)) {
      this.#entries.delete(key);
      entry = undefined;
    }
    if (!entry) entry = this.#start(key, loader);
    return this.#join(key, entry, signal) as Promise<T>;
  }

  /** Drops every entry whose key starts with `prefix` (in-flight ones finish for their callers). */
  invalidate(prefix: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Number of entries (in flight or settled): for tests and diagnostics. */
  get size(): number {
    return this.#entries.size;
  }

  #start(key: string, loader: (signal: AbortSignal) => Promise<unknown>): Entry {
    const controller = new AbortController();
    const entry: Entry = { promise: Promise.resolve(), controller, callers: 0, settled: false, settledAt: 0 };
    entry.promise = loader(controller.signal).then(
      (value) => {
        entry.settled = true;
        entry.settledAt = this.#now();
        if (this.#ttlMs <= 0 && this.#entries.get(key) === entry) this.#entries.delete(key);
        return value;
      },
      (error: unknown) => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        throw error;
      },
    );
    // Callers handle rejections; this keeps an abandoned request from being reported as unhandled.
    entry.promise.catch(() => undefined);
    this.#entries.set(key, entry);
    return entry;
  }

  #join(key: string, entry: Entry, signal?: AbortSignal): Promise<unknown> {
    if (!signal) {
      entry.callers++;
      return entry.promise.finally(() => entry.callers--);
    }
    entry.callers++;
    return new Promise((resolve, reject) => {
      let done = false;
      const leave = () => {
        if (done) return;
        done = true;
        entry.callers--;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        reject(abortError(signal));
        if (!entry.settled && entry.callers === 0) {
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
          entry.controller.abort();
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }
}

const CACHE_KEY = Symbol.for('paperos.elements.page-cache');
const holder = globalThis as unknown as Record<symbol, RequestCache | undefined>;

/** The page-wide cache every client uses by default (shared even if the library is loaded twice). */
export const pageCache: RequestCache = (holder[CACHE_KEY] ??= new RequestCache());
