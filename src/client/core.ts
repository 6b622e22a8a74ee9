import type * as v from 'valibot';
import { pageCache, type RequestCache } from './cache.js';
import { PaperOSError, isPaperOSError } from './errors.js';
import { DEFAULT_BASE_URL, DEFAULT_RETRY, scrubbed, send, type HttpResponse, type TransportOptions } from './http.js';
import { parseOne } from './schemas.js';
import { TokenSource } from './token.js';
import type { CallOptions, FetchLike, FetchToken, Logger, RetryOptions } from './types.js';

export { DEFAULT_BASE_URL };

export interface PaperOSClientOptions {
  /** PaperOS base URL (default `https://app.paperos.com`). */
  baseUrl?: string;
  token?: string;
  /** Called with `{reason: 'initial' | 'expiring' | 'rejected'}`; a zero-argument callback works as well. */
  fetchToken?: FetchToken;
  /** The host backend's token endpoint; POSTed `{"reason": ...}` as JSON. */
  tokenUrl?: string;
  /** Wins over token / fetchToken / tokenUrl. Without any, requests carry no Authorization (BFF proxy mode). */
  tokenSource?: TokenSource;
  /** Default: `globalThis.fetch`, looked up at call time. */
  fetch?: FetchLike;
  /** Per-attempt timeout, ms (default 15000). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Page-wide sharing of GETs (default `pageCache`); `false` turns it off. */
  cache?: RequestCache | false;
  /** Where warnings about skipped malformed items go (default `console`). */
  logger?: Logger;
  /** Test seams. */
  sleep?: TransportOptions['sleep'];
  random?: () => number;
  now?: () => number;
}

export type Query = Record<string, string | number | undefined>;

export interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  query?: Query;
  body?: unknown;
  options?: CallOptions;
}

/** Remembered validators for conditional GETs: the last ETag and body per request. */
const MAX_VALIDATORS = 64;

/**
 * What every call to the PaperOS API goes through: the token, the page cache,
 * conditional GETs, the 401 renewal, retries and the parsing of responses.
 * `PaperOSClient` adds one method per endpoint; the endpoints themselves are
 * functions over this core, one module per resource (documents.ts,
 * workflows.ts, records.ts, orgs.ts), so a bundle of one element carries only
 * the endpoints and response shapes that element calls.
 */
export class ClientCore {
  readonly baseUrl: string;
  readonly tokenSource: TokenSource | undefined;
  readonly #options: PaperOSClientOptions;
  readonly #cache: RequestCache | undefined;
  readonly #logger: Logger;
  readonly #validators = new Map<string, { etag: string; body: unknown }>();
  /** Each GET body's parsed value, by the body object (see #parseOnce). */
  readonly #parsed = new WeakMap<object, { url: string; value: unknown }>();

  constructor(options: PaperOSClientOptions = {}) {
    this.#options = options;
    this.baseUrl = (options.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.tokenSource =
      options.tokenSource ??
      (options.token !== undefined || options.fetchToken || options.tokenUrl
        ? new TokenSource({
            token: options.token,
            fetchToken: options.fetchToken,
            tokenUrl: options.tokenUrl,
            fetch: options.fetch,
            now: options.now,
          })
        : undefined);
    this.#cache = options.cache === false ? undefined : (options.cache ?? pageCache);
    this.#logger = options.logger ?? console;
  }

  /** The `org_id` claim of the current token (fetching it if needed); undefined for opaque tokens or none. */
  async defaultOrgId(options: CallOptions = {}): Promise<string | undefined> {
    if (!this.tokenSource) return undefined;
    await this.#token(options.signal, false);
    const orgId = this.tokenSource.claims?.org_id;
    return typeof orgId === 'string' && orgId ? orgId : undefined;
  }

  /** Where warnings about skipped malformed items go. */
  get logger(): Logger {
    return this.#logger;
  }

  /** The array under `key` of a response body; an unreadable response without one. */
  list(body: unknown, key: string): unknown[] {
    const items = (body as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(items)) throw invalid(key.replace(/_/g, ' '));
    return items;
  }

  /** A response body parsed with `schema`, or an `invalid_response` error naming `what`. */
  parse<T extends v.GenericSchema>(schema: T, body: unknown, what: string): v.InferOutput<T> {
    try {
      return parseOne(schema, body, what);
    } catch (error) {
      throw new PaperOSError({
        status: 200,
        code: 'invalid_response',
        message: `PaperOS sent an unreadable ${what}.`,
        cause: error,
      });
    }
  }

  /**
   * Cache keys are `<base>|GET|<path>|<query>|<scope>`: a mutation clears a path (and what is
   * below it) for every subject, while each subject and org claim keeps its own entries.
   */
  #cachePrefix(path: string): string {
    return `${this.baseUrl}|GET|${path}`;
  }

  /**
   * Drops the page cache's entries for a path, for every subject (after a
   * mutation), and those for the paths below it unless `exact`.
   */
  invalidate(path: string, exact = false): void {
    this.#cache?.invalidate(`${this.#cachePrefix(path)}${exact ? '|' : ''}`);
  }

  /** Whose view a response is: the token's subject (never the token) and the org it is scoped to. */
  #scope(): string {
    const orgId = this.tokenSource?.claims?.org_id;
    return `${this.tokenSource?.identity ?? 'anonymous'}${typeof orgId === 'string' ? `@${orgId}` : ''}`;
  }

  async #token(signal: AbortSignal | undefined, forceRefresh: boolean, staleToken?: string) {
    if (!this.tokenSource) return undefined;
    try {
      return await this.tokenSource.getToken({ signal, forceRefresh, staleToken });
    } catch (error) {
      if (isPaperOSError(error)) throw error;
      throw new PaperOSError({ status: 0, code: 'token_unavailable', cause: error });
    }
  }

  /**
   * Sends a call and parses its body (the endpoint functions' one way out).
   * For GETs the parsing happens inside the
   * shared cache entry, so callers share one parsed value and an unreadable
   * response is never kept.
   */
  async request<T = unknown>(call: Call, parse: (body: unknown) => T = (body) => body as T): Promise<T> {
    const options = call.options ?? {};
    const url = this.#url(call.path, call.query);
    if (call.method !== 'GET') return parse(await this.#authorized(call, url, options.signal));
    if (!this.#cache || options.cache === false) {
      return this.#parseOnce(url, await this.#authorized(call, url, options.signal), parse);
    }
    // Resolve the token first so the cache key carries the subject's identity.
    await this.#token(options.signal, false);
    const key = `${this.#cachePrefix(call.path)}|${url.slice(this.baseUrl.length + call.path.length)}|${this.#scope()}`;
    const load = async (signal: AbortSignal) => this.#parseOnce(url, await this.#authorized(call, url, signal), parse);
    return this.#cache.get(key, load, {
      signal: options.signal,
      reload: options.cache === 'reload',
    });
  }

  /**
   * Parses a GET's body, or hands back what the same body parsed to before:
   * a 304 answers with the body remembered from the 200, and its caller gets
   * the very value it had, so an element can tell that nothing changed.
   */
  #parseOnce<T>(url: string, body: unknown, parse: (body: unknown) => T): T {
    if (typeof body !== 'object' || body === null) return parse(body);
    const known = this.#parsed.get(body);
    if (known?.url === url) return known.value as T;
    const value = parse(body);
    this.#parsed.set(body, { url, value });
    return value;
  }

  /**
   * Sends with the current token; on a 401, one forced refresh (reason `rejected`) and one more
   * send, even when the token came back unchanged: a 401 may pass a moment later (one server's
   * hiccup, a key rotation still spreading). A second 401 is the error; never a third send.
   */
  async #authorized(call: Call, url: string, signal: AbortSignal | undefined): Promise<unknown> {
    const token = await this.#token(signal, false);
    try {
      return await this.#exchange(call, url, token, signal);
    } catch (error) {
      if (!isPaperOSError(error) || error.status !== 401 || !this.tokenSource?.refreshable) throw error;
      const fresh = await this.#token(signal, true, token);
      return this.#exchange(call, url, fresh, signal);
    }
  }

  async #exchange(
    call: Call,
    url: string,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const validatorKey = `${this.#scope()}|${url}`;
    const validator = call.method === 'GET' ? this.#validators.get(validatorKey) : undefined;
    if (validator) headers['if-none-match'] = validator.etag;
    const secrets = token ? [token] : [];
    let response: HttpResponse;
    try {
      response = await send(
        {
          method: call.method,
          url,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          signal,
          timeoutMs: call.options?.timeoutMs,
          secrets,
        },
        {
          fetch: this.#options.fetch,
          timeoutMs: this.#options.timeoutMs ?? 15_000,
          retry: { ...DEFAULT_RETRY, ...this.#options.retry },
          sleep: this.#options.sleep,
          random: this.#options.random,
          now: this.#options.now,
        },
      );
    } catch (error) {
      throw isPaperOSError(error) ? scrubbed(error, secrets) : error;
    }
    if (response.status === 304 && validator) return validator.body;
    const etag = response.headers.get('etag');
    if (call.method === 'GET' && etag) {
      this.#validators.delete(validatorKey);
      this.#validators.set(validatorKey, { etag, body: response.body });
      if (this.#validators.size > MAX_VALIDATORS) this.#validators.delete(this.#validators.keys().next().value!);
    }
    return response.body;
  }

  #url(path: string, query?: Query): string {
    let url = `${this.baseUrl}${path}`;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    if (search) url += `?${search}`;
    return url;
  }
}

export function segment(value: string | number): string {
  return encodeURIComponent(String(value));
}

export function orgPath(orgId: string): string {
  if (!orgId) throw new PaperOSError({ status: 0, code: 'bad_request', message: 'An organization id is required.' });
  return `/api/v1/orgs/${segment(orgId)}`;
}

export function invalid(what: string): PaperOSError {
  return new PaperOSError({ status: 200, code: 'invalid_response', message: `PaperOS sent an unreadable ${what}.` });
}
