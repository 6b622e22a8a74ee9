import { decodeJwt } from 'jose';
import { PaperOSError, isPaperOSError } from './errors.js';
import { abortError } from './http.js';
import type { FetchLike, FetchToken, TokenRequestReason, TokenResult } from './types.js';

export interface TokenSourceOptions {
  /** A fixed token. */
  token?: string;
  /** A callback that returns a fresh token; called with `{reason}` (see `TokenRequestContext`). */
  fetchToken?: FetchToken;
  /**
   * The host backend endpoint: `POST` with the JSON body `{"reason": ...}`, same-origin credentials,
   * answers `{"access_token": "...", "expires_in"?: n}`.
   */
  tokenUrl?: string;
  fetch?: FetchLike;
  /** Refresh this long before `exp` (default 60 s). */
  refreshAheadMs?: number;
  now?: () => number;
}

/** A token that arrived already expired is not fetched again sooner than this, so it cannot start a loop. */
const MIN_REFETCH_MS = 5000;
let sourceCounter = 0;

/**
 * Holds one access token in memory and refreshes it: ahead of a JWT's `exp`,
 * or when forced after a 401. Concurrent callers share one fetch, and each
 * fetch says why it is made (`initial`, `expiring`, `rejected`).
 */
export class TokenSource {
  readonly #options: TokenSourceOptions;
  readonly #ordinal = ++sourceCounter;
  #token?: string;
  #expiresAt?: number;
  #claims?: Readonly<Record<string, unknown>>;
  #fetchedAt = -Infinity;
  #inflight?: { promise: Promise<string>; reason: TokenRequestReason };

  constructor(options: TokenSourceOptions) {
    if (options.token === undefined && !options.fetchToken && !options.tokenUrl) {
      throw new TypeError('TokenSource needs a token, a fetchToken callback or a tokenUrl.');
    }
    this.#options = options;
    if (options.token !== undefined) this.#accept({ token: options.token });
  }

  /** Claims of the current JWT (`org_id`, `sub`, `exp`, ...); undefined for opaque tokens or before the first fetch. */
  get claims(): Readonly<Record<string, unknown>> | undefined {
    return this.#claims;
  }

  /** A stable, non-secret identity for cache keys: never the token itself. */
  get identity(): string {
    const sub = this.#claims?.sub;
    return typeof sub === 'string' ? `sub:${sub}` : `source:${this.#ordinal}`;
  }

  /** Whether asking again can give a different token (not for a fixed token). */
  get refreshable(): boolean {
    return this.#options.token === undefined;
  }

  /**
   * The current token, fetched or refreshed when needed; concurrent callers share one fetch.
   * `forceRefresh` asks anew with the reason `rejected`. `staleToken` (with `forceRefresh`): the
   * token a server refused. When another caller has already replaced it, the replacement is used
   * and no second refresh starts.
   */
  async getToken(options: { signal?: AbortSignal; forceRefresh?: boolean; staleToken?: string } = {}): Promise<string> {
    const { signal, staleToken } = options;
    if (signal?.aborted) throw abortError(signal);
    const forceRefresh =
      options.forceRefresh === true && (staleToken === undefined || staleToken === this.#token || !!this.#inflight);
    if (this.#token !== undefined && (!this.refreshable || (!forceRefresh && !this.#isDue()))) return this.#token;
    if (forceRefresh && this.#inflight && this.#inflight.reason !== 'rejected') {
      // A fetch for another reason is under way; a host backend may answer it from its cache
      // with the very token that was refused, so that one counts only if it differs.
      const next = await withSignal(this.#inflight.promise, signal);
      if (next !== staleToken) return next;
    }
    const reason = forceRefresh ? 'rejected' : this.#token === undefined ? 'initial' : 'expiring';
    if (!this.#inflight) {
      const promise = this.#fetch(reason).finally(() => (this.#inflight = undefined));
      this.#inflight = { promise, reason };
    }
    return withSignal(this.#inflight.promise, signal);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #isDue(): boolean {
    if (this.#expiresAt === undefined) return false;
    const refreshAt = this.#expiresAt - (this.#options.refreshAheadMs ?? 60_000);
    return this.#now() >= refreshAt && this.#now() - this.#fetchedAt >= MIN_REFETCH_MS;
  }

  async #fetch(reason: TokenRequestReason): Promise<string> {
    let result: TokenResult;
    try {
      result = this.#options.fetchToken ? await this.#options.fetchToken({ reason }) : await this.#fromEndpoint(reason);
    } catch (error) {
      if (isPaperOSError(error)) throw error;
      throw new PaperOSError({ status: 0, code: 'token_unavailable', cause: error });
    }
    const normalized = typeof result === 'string' ? { token: result } : result;
    if (!normalized || typeof normalized.token !== 'string' || normalized.token === '') {
      throw new PaperOSError({
        status: 0,
        code: 'token_unavailable',
        message: 'The token callback returned no token.',
      });
    }
    this.#fetchedAt = this.#now();
    this.#accept(normalized);
    return normalized.token;
  }

  async #fromEndpoint(reason: TokenRequestReason): Promise<TokenResult> {
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(this.#options.tokenUrl!, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
    } catch (error) {
      throw new PaperOSError({
        status: 0,
        code: 'token_unavailable',
        message: 'The token endpoint could not be reached.',
        cause: error,
      });
    }
    if (!response.ok) {
      throw new PaperOSError({
        status: response.status,
        code: response.status === 401 || response.status === 403 ? 'unauthorized' : 'token_unavailable',
        message: `The token endpoint answered ${response.status}.`,
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const record = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
    if (typeof record.access_token !== 'string' || !record.access_token) {
      throw new PaperOSError({
        status: response.status,
        code: 'token_unavailable',
        message: 'The token endpoint answered without an access_token.',
      });
    }
    const expiresIn = typeof record.expires_in === 'number' ? record.expires_in : undefined;
    return {
      token: record.access_token,
      expiresAt: expiresIn !== undefined ? this.#now() + expiresIn * 1000 : undefined,
    };
  }

  #accept({ token, expiresAt }: { token: string; expiresAt?: number }): void {
    this.#token = token;
    let claims: Record<string, unknown> | undefined;
    try {
      claims = decodeJwt(token) as Record<string, unknown>;
    } catch {
      claims = undefined; // an opaque token: refreshed on 401 only
    }
    this.#claims = claims ? Object.freeze({ ...claims }) : undefined;
    const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
    // Both given (a JWT from an endpoint that also says expires_in): the earlier one counts.
    this.#expiresAt = exp === undefined ? expiresAt : expiresAt === undefined ? exp : Math.min(exp, expiresAt);
  }
}

function withSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

interface Registry {
  byKey: Map<string, TokenSource>;
  byCallback: WeakMap<object, TokenSource>;
}

// On globalThis so two copies of the library on one page still share tokens.
const REGISTRY_KEY = Symbol.for('paperos.elements.token-sources');
function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY_KEY] ??= { byKey: new Map(), byCallback: new WeakMap() });
}

/**
 * The page-wide TokenSource for these options: the same `tokenUrl` string, the
 * same `fetchToken` function (by identity: two different callbacks are two
 * sources, even with the same code) or the same fixed token always gives the
 * same source, so the elements using it share one token fetch.
 */
export function sharedTokenSource(options: TokenSourceOptions): TokenSource {
  const { byKey, byCallback } = registry();
  if (options.fetchToken) {
    let source = byCallback.get(options.fetchToken);
    if (!source) byCallback.set(options.fetchToken, (source = new TokenSource(options)));
    return source;
  }
  const key = options.token !== undefined ? `token:${options.token}` : `url:${options.tokenUrl}`;
  let source = byKey.get(key);
  if (!source) byKey.set(key, (source = new TokenSource(options)));
  return source;
}
