import { expect } from 'chai';
import { PaperOSClient, PaperOSError, parseRetryAfter } from '../../../src/client/index.js';
import * as examples from '../../fixtures/api-examples.js';
import { FakeFetch, json, recordingSleep, type Harness } from './harness.js';

const BASE = 'https://paperos.test';
const ORG = examples.EXAMPLE_ORG_ID;

export function transportSuite({ describe, it, beforeEach }: Harness): void {
  describe('errors: every status in the documentation maps to a stable code', () => {
    const table: Array<[number, string]> = [
      [400, 'bad_request'],
      [401, 'unauthorized'],
      [402, 'payment_required'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [405, 'method_not_allowed'],
      [406, 'not_acceptable'],
      [420, 'rate_limited'],
      [422, 'unprocessable'],
      [429, 'rate_limited'],
      [500, 'server_error'],
      [501, 'not_implemented'],
      [502, 'bad_gateway'],
      [503, 'service_unavailable'],
      [418, 'http_error'],
    ];
    for (const [status, code] of table) {
      it(`${status} -> ${code}, with the server's message`, async () => {
        const fake = new FakeFetch().reply(json({ success: false, message: `server says ${status}` }, status));
        const client = new PaperOSClient({
          baseUrl: BASE,
          fetch: fake.fetch,
          cache: false,
          retry: { attempts: 1 },
        });
        const error = (await client.startWorkflow(ORG, { flowId: 'flow_a' }).catch((e: unknown) => e)) as PaperOSError;
        expect(error).to.be.instanceOf(PaperOSError);
        expect(error.status).to.equal(status);
        expect(error.code).to.equal(code);
        expect(error.message).to.equal(`server says ${status}`);
      });
    }

    it('uses a plain-words default when the server gives no message', async () => {
      const fake = new FakeFetch().reply(new Response('', { status: 402 }));
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, cache: false });
      const error = (await client.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.message).to.equal('The account must be upgraded to use this feature.');
    });
  });

  describe('transport: retries, timeout, abort', () => {
    let fake: FakeFetch;
    let timers: ReturnType<typeof recordingSleep>;
    let client: PaperOSClient;

    beforeEach(() => {
      fake = new FakeFetch();
      timers = recordingSleep();
      client = new PaperOSClient({
        baseUrl: BASE,
        token: 'opaque',
        fetch: fake.fetch,
        cache: false,
        sleep: timers.sleep,
        random: () => 0.5,
        now: () => Date.parse('2026-01-01T00:00:00Z'),
        retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 30_000 },
      });
    });

    it('retries a GET on 5xx with exponential backoff and full jitter, then succeeds', async () => {
      fake.reply(json({}, 500), json({}, 503), json(examples.workflowsResponse));
      const workflows = await client.listWorkflows(ORG);
      expect(workflows).to.have.length(1);
      expect(fake.requests).to.have.length(3);
      // random() = 0.5 of min(max, base * 2^(n-1)): 50 then 100
      expect(timers.waits).to.deep.equal([50, 100]);
    });

    it('gives up after the bounded number of attempts', async () => {
      fake.fallback = () => json({ message: 'down' }, 502);
      const error = (await client.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('bad_gateway');
      expect(fake.requests).to.have.length(3);
    });

    it('honours Retry-After in seconds on 429', async () => {
      fake.reply(json({}, 429, { 'retry-after': '7' }), json(examples.workflowsResponse));
      await client.listWorkflows(ORG);
      expect(timers.waits).to.deep.equal([7000]);
    });

    it('honours Retry-After as an HTTP date on 420', async () => {
      fake.reply(json({}, 420, { 'retry-after': 'Thu, 01 Jan 2026 00:00:12 GMT' }), json(examples.workflowsResponse));
      await client.listWorkflows(ORG);
      expect(timers.waits).to.deep.equal([12000]);
    });

    it('fails at once, with retryAfter, when Retry-After exceeds the cap', async () => {
      fake.reply(json({}, 429, { 'retry-after': '3600' }));
      const error = (await client.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(3600);
      expect(fake.requests).to.have.length(1);
      expect(timers.waits).to.deep.equal([]);
    });

    it('retries network errors on GET', async () => {
      fake.reply(new TypeError('Failed to fetch'), json(examples.workflowsResponse));
      await client.listWorkflows(ORG);
      expect(fake.requests).to.have.length(2);
    });

    it('never repeats a POST: not on 5xx, not on 429, not on a network error', async () => {
      for (const reply of [json({}, 500), json({}, 429, { 'retry-after': '1' }), new TypeError('Failed to fetch')]) {
        fake.requests.length = 0;
        fake.reply(reply);
        const error = (await client.startWorkflow(ORG, { flowId: 'flow_a' }).catch((e: unknown) => e)) as PaperOSError;
        expect(error).to.be.instanceOf(PaperOSError);
        expect(fake.requests).to.have.length(1);
      }
      expect(timers.waits).to.deep.equal([]);
    });

    it('never repeats a PATCH', async () => {
      fake.reply(json({}, 503));
      await client.updateRecord(ORG, 1, { fields: { a: 1 } }).catch(() => undefined);
      expect(fake.requests).to.have.length(1);
    });

    it('does not retry 4xx other than 420/429', async () => {
      fake.reply(json({}, 404));
      await client.listWorkflows(ORG).catch(() => undefined);
      expect(fake.requests).to.have.length(1);
    });

    it('times out a hung request with code timeout', async () => {
      fake.fallback = 'hang';
      const quick = new PaperOSClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        cache: false,
        timeoutMs: 20,
        retry: { attempts: 1 },
      });
      const error = (await quick.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('timeout');
      expect(fake.requests[0].signal?.aborted).to.equal(true);
    });

    it('aborts with the caller signal, code aborted, and does not retry', async () => {
      fake.fallback = 'hang';
      const controller = new AbortController();
      const pending = client.listWorkflows(ORG, { signal: controller.signal }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 0));
      controller.abort();
      const error = (await pending) as PaperOSError;
      expect(error.code).to.equal('aborted');
      expect(fake.requests).to.have.length(1);
      expect(fake.requests[0].signal?.aborted).to.equal(true);
    });

    it('rejects at once for an already aborted signal, sending nothing', async () => {
      const error = (await client
        .listWorkflows(ORG, { signal: AbortSignal.abort() })
        .catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('aborted');
      expect(fake.requests).to.have.length(0);
    });

    it('treats a connection dropped mid-body as a network error', async () => {
      const broken = () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"workflows": ['));
              controller.error(new TypeError('connection reset'));
            },
          }),
          { status: 200 },
        );
      const once = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, cache: false, retry: { attempts: 1 } });
      fake.reply(broken);
      const error = (await once.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('network');
    });

    it('parseRetryAfter reads both forms and ignores junk', () => {
      const now = Date.parse('2026-01-01T00:00:00Z');
      expect(parseRetryAfter('5', now)).to.equal(5);
      expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).to.equal(60);
      expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });

    it('sends If-None-Match after an ETag and reuses the body on 304', async () => {
      fake.reply(json(examples.workflowsResponse, 200, { etag: '"v1"' }), new Response(null, { status: 304 }));
      const first = await client.listWorkflows(ORG);
      const second = await client.listWorkflows(ORG);
      expect(fake.requests[1].headers.get('if-none-match')).to.equal('"v1"');
      expect(second).to.deep.equal(first);
    });
  });
}
