import { PaperOSError, codeForStatus } from './errors.js';
import type { FetchLike, RetryOptions } from './types.js';

export interface TransportOptions {
  fetch?: FetchLike;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  /** Injected for tests; defaults to setTimeout-based sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Strings that must never appear in an error message (the token). */
  secrets?: string[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON; undefined for 204/304 or an empty body. */
  body: unknown;
}

/** Where PaperOS lives unless told otherwise (the client, the elements and the server toolkit alike). */
export const DEFAULT_BASE_URL = 'https://app.paperos.com';

export const DEFAULT_RETRY: Required<RetryOptions> = {
  attempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5000,
  maxRetryAfterMs: 30000,
};

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}

/** Resolves after `ms`, or rejects with an `aborted` error when the signal fires first. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortError(signal?: AbortSignal, cause?: unknown): PaperOSError {
  const reason = signal?.reason ?? cause;
  if (reason instanceof PaperOSError) return reason;
  return new PaperOSError({ status: 0, code: 'aborted' });
}

/** Removes every secret from a text that may be shown or logged. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]');
}

/** The error itself when no secret shows in it or its cause; else a copy with a scrubbed message and no cause. */
export function scrubbed(error: PaperOSError, secrets: readonly string[]): PaperOSError {
  const cause =
    error.cause instanceof Error ? `${error.cause.message} ${error.cause.stack}` : String(error.cause ?? '');
  const message = redact(error.message, secrets);
  if (message === error.message && !secrets.some((secret) => secret && cause.includes(secret))) return error;
  const { status, code, retryAfter } = error;
  return new PaperOSError({ status, code, message, retryAfter });
}

function serverMessage(body: unknown, text: string): string | undefined {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error_description', 'error']) {
      if (typeof record[key] === 'string' && record[key]) return record[key] as string;
    }
  }
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith('<')) return undefined;
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
}

/**
 * One HTTP exchange with timeouts and, for GET only, bounded retries:
 * 420/429 wait for `Retry-After` (capped), 5xx and network errors back off
 * exponentially with full jitter. A POST or PATCH is sent exactly once.
 */
export async function send(request: HttpRequest, options: TransportOptions): Promise<HttpResponse> {
  const { retry } = options;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const attempts = request.method === 'GET' ? Math.max(1, retry.attempts) : 1;

  for (let attempt = 1; ; attempt++) {
    let failure: PaperOSError;
    try {
      const response = await sendOnce(request, options);
      if (response.status < 400 || response.status === 304) return response;
      failure = await toError(response, request.secrets, now);
    } catch (error) {
      failure = error as PaperOSError;
    }
    if (failure.code === 'aborted' || attempt >= attempts || !failure.retryable) throw failure;

    let waitMs: number;
    if (failure.code === 'rate_limited' && failure.retryAfter !== undefined) {
      waitMs = failure.retryAfter * 1000;
      // A server asking for a longer pause than we may wait: fail now, with retryAfter set.
      if (waitMs > retry.maxRetryAfterMs) throw failure;
    } else {
      waitMs = random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    }
    await sleep(waitMs, request.signal);
  }
}

async function toError(response: HttpResponse & { text?: string }, secrets: string[] | undefined, now: () => number) {
  const message = serverMessage(response.body, response.text ?? '');
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
  return new PaperOSError({
    status: response.status,
    code: codeForStatus(response.status),
    message: message ? redact(message, secrets) : undefined,
    retryAfter,
  });
}

async function sendOnce(request: HttpRequest, options: TransportOptions): Promise<HttpResponse & { text: string }> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (request.signal?.aborted) throw abortError(request.signal);

  const attempt = new AbortController();
  const timeoutMs = request.timeoutMs ?? options.timeoutMs;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, timeoutMs);
  const onCallerAbort = () => attempt.abort();
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });

  try {
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: attempt.signal,
        credentials: 'omit',
      });
    } catch (error) {
      throw transportError(error, request, timedOut);
    }
    let text: string;
    try {
      text = response.status === 204 || response.status === 304 ? '' : await response.text();
    } catch (error) {
      // The connection dropped mid-body: a network failure, not a parse failure.
      throw transportError(error, request, timedOut);
    }
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) {
          throw new PaperOSError({
            status: response.status,
            code: 'invalid_response',
            message: 'PaperOS sent a response that is not JSON.',
          });
        }
      }
    }
    return { status: response.status, headers: response.headers, body, text };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function transportError(error: unknown, request: HttpRequest, timedOut: boolean): PaperOSError {
  if (error instanceof PaperOSError) return error;
  if (request.signal?.aborted) return abortError(request.signal, error);
  if (timedOut) return new PaperOSError({ status: 0, code: 'timeout', cause: error });
  return new PaperOSError({ status: 0, code: 'network', cause: error });
}
