/**
 * A scriptable stand-in for the PaperOS API inside the browser under test.
 * It replaces `globalThis.fetch` (the client looks fetch up at call time), records every
 * request that goes out, and answers from route handlers, so tests assert the exact
 * requests and control each response: status, body, delay, or a response held until
 * the test releases it.
 */

export interface RecordedRequest {
  method: string;
  url: URL;
  path: string;
  headers: Headers;
  body: unknown;
}

export type MockReply =
  { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | Response | Error;

export type MockHandler = (request: RecordedRequest) => MockReply | Promise<MockReply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: MockHandler;
  times?: number;
}

export class MockApi {
  readonly requests: RecordedRequest[] = [];
  private routes: Route[] = [];
  private originalFetch?: typeof fetch;

  /** Installs the mock as `globalThis.fetch`. */
  install(): this {
    if (this.originalFetch) return this;
    this.originalFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => this.handle(input, init);
    return this;
  }

  /** Restores the real fetch and forgets routes and requests. */
  restore(): void {
    if (this.originalFetch) globalThis.fetch = this.originalFetch;
    this.originalFetch = undefined;
    this.routes = [];
    this.requests.length = 0;
  }

  /**
   * Answers `method path` (path as a string matched exactly, ignoring the query, or a RegExp
   * tested against path+query). Later routes win over earlier ones; `times` limits how often
   * a route answers before falling through to older routes.
   */
  on(method: string, path: string | RegExp, reply: MockHandler | MockReply, options: { times?: number } = {}): this {
    const pattern = typeof path === 'string' ? new RegExp(`^${escapeRegExp(path)}(\\?.*)?$`) : path;
    const handler: MockHandler = typeof reply === 'function' ? reply : () => reply;
    this.routes.unshift({ method: method.toUpperCase(), pattern, handler, times: options.times });
    return this;
  }

  /** A reply the test resolves later, to hold a request in flight. */
  deferred(): { handler: MockHandler; release: (reply: MockReply) => void; pending: Promise<RecordedRequest> } {
    let release!: (reply: MockReply) => void;
    let seen!: (request: RecordedRequest) => void;
    const replied = new Promise<MockReply>((resolve) => (release = resolve));
    const pending = new Promise<RecordedRequest>((resolve) => (seen = resolve));
    return {
      handler: (request) => {
        seen(request);
        return replied;
      },
      release,
      pending,
    };
  }

  /** Requests matching a method and a path prefix (query ignored). */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  private async handle(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request =
      input instanceof Request
        ? input
        : new Request(String(input instanceof URL ? input.href : new URL(input, location.href)), init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const recorded: RecordedRequest = {
      method: request.method,
      url,
      path: url.pathname,
      headers: request.headers,
      body,
    };
    this.requests.push(recorded);
    const target = `${url.pathname}${url.search}`;
    const route = this.routes.find(
      (r) => r.method === recorded.method && r.pattern.test(target) && (r.times === undefined || r.times > 0),
    );
    if (!route) return json({ success: false, message: `No mock for ${recorded.method} ${url.pathname}` }, 404);
    if (route.times !== undefined) route.times -= 1;

    const abort = new Promise<never>((_, reject) => {
      if (!signal) return;
      const fail = () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
    const reply = await Promise.race([route.handler(recorded), abort]);
    if (reply instanceof Error) throw reply;
    if (reply instanceof Response) return reply;
    const headers = new Headers(reply.headers);
    if (reply.text !== undefined) return new Response(reply.text, { status: reply.status ?? 200, headers });
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    const status = reply.status ?? 200;
    return new Response(status === 204 || status === 304 ? null : JSON.stringify(reply.json ?? {}), {
      status,
      headers,
    });
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Resolves after `ms` real milliseconds. */
export function delay<T>(ms: number, value?: T): Promise<T | undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
