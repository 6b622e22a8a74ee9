/** The test-runner functions a suite needs: node:test's in Node, mocha's globals in the browser. */
export interface Harness {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void> | void) => void;
  beforeEach: (fn: () => Promise<void> | void) => void;
  afterEach: (fn: () => Promise<void> | void) => void;
}

export interface FakeRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  signal?: AbortSignal | null;
}

export type FakeReply = Response | Error | (() => Response | Promise<Response>) | 'hang';

/** A fetch that records each request and answers from a queue (then from a fallback). */
export class FakeFetch {
  readonly requests: FakeRequest[] = [];
  private queue: FakeReply[] = [];
  fallback: FakeReply = () => new Response('{}', { status: 404 });

  reply(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const text = typeof init.body === 'string' ? init.body : undefined;
    this.requests.push({
      method: init.method ?? 'GET',
      url,
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : JSON.parse(text),
      signal: init.signal,
    });
    const next = this.queue.length > 0 ? this.queue.shift()! : this.fallback;
    if (next === 'hang') {
      return new Promise((_, reject) => {
        const signal = init.signal;
        if (!signal) return;
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      });
    }
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next.clone();
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A sleep that records the waits asked for and returns at once (fake timers for retry tests). */
export function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

export function collectingLogger(): { warnings: string[]; warn: (message: string) => void } {
  const warnings: string[] = [];
  return { warnings, warn: (message: string) => void warnings.push(message) };
}
