import { expect } from 'chai';
import type { PaperOSError } from '../../../src/client/index.js';
import { PaperOSClient, RequestCache, TokenSource, pageCache, sharedTokenSource } from '../../../src/client/index.js';
import * as examples from '../../fixtures/api-examples.js';
import { FakeFetch, json, type Harness } from './harness.js';

const BASE = 'https://paperos.test';
const ORG = examples.EXAMPLE_ORG_ID;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

export function tokenCacheSuite({ describe, it, beforeEach }: Harness): void {
  describe('token source', () => {
    it('uses a fixed token as given and reads its claims', async () => {
      const token = examples.makeJwt({ sub: 'sub_a', org_id: ORG, exp: examples.epochIn(60) });
      const source = new TokenSource({ token });
      expect(await source.getToken()).to.equal(token);
      expect(source.claims?.org_id).to.equal(ORG);
      expect(source.identity).to.equal('sub:sub_a');
    });

    it('treats a non-JWT token as opaque', async () => {
      const source = new TokenSource({ fetchToken: async () => 'opaque-123' });
      expect(await source.getToken()).to.equal('opaque-123');
      expect(source.claims).to.equal(undefined);
      expect(source.identity).to.match(/^source:\d+$/);
    });

    it('refreshes ahead of a JWT exp', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      let calls = 0;
      const source = new TokenSource({
        now: () => now,
        refreshAheadMs: 60_000,
        fetchToken: async () => examples.makeJwt({ n: ++calls, exp: now / 1000 + 600 }),
      });
      const first = await source.getToken();
      now += 500_000; // 100 s before exp: still outside the 60 s window
      expect(await source.getToken()).to.equal(first);
      now += 50_000; // 50 s before exp: inside the window
      const second = await source.getToken();
      expect(second).to.not.equal(first);
      expect(calls).to.equal(2);
    });

    it('honours expiresAt from fetchToken for opaque tokens', async () => {
      let now = 1_000_000;
      let calls = 0;
      const source = new TokenSource({
        now: () => now,
        fetchToken: async () => ({ token: `t${++calls}`, expiresAt: now + 120_000 }),
      });
      expect(await source.getToken()).to.equal('t1');
      now += 70_000;
      expect(await source.getToken()).to.equal('t2');
    });

    it('shares one refresh among 10 concurrent callers', async () => {
      let calls = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const source = new TokenSource({
        fetchToken: async () => {
          calls++;
          await gate;
          return 'shared';
        },
      });
      const all = Promise.all(Array.from({ length: 10 }, () => source.getToken()));
      release();
      expect(await all).to.deep.equal(Array(10).fill('shared'));
      expect(calls).to.equal(1);
    });

    it('shares one token fetch for 10 concurrent API requests', async () => {
      const fake = new FakeFetch();
      let tokenCalls = 0;
      fake.fallback = () => json(examples.workflowsResponse);
      const client = new PaperOSClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        cache: false,
        fetchToken: async () => {
          tokenCalls++;
          return 'tok';
        },
      });
      await Promise.all(Array.from({ length: 10 }, () => client.listWorkflows(ORG)));
      expect(tokenCalls).to.equal(1);
      expect(fake.requests).to.have.length(10);
    });

    it('fetches from tokenUrl with POST and same-origin credentials', async () => {
      const fake = new FakeFetch().reply(json({ access_token: 'from-endpoint', expires_in: 300 }));
      const source = new TokenSource({ tokenUrl: 'https://host.test/paperos-token', fetch: fake.fetch });
      expect(await source.getToken()).to.equal('from-endpoint');
      expect(fake.requests[0].method).to.equal('POST');
      expect(fake.requests[0].url.href).to.equal('https://host.test/paperos-token');
    });

    it('says why it asks: fetchToken gets {reason}, tokenUrl is POSTed the same as JSON', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      const reasons: unknown[] = [];
      const viaCallback = new TokenSource({
        now: () => now,
        fetchToken: async (context) => {
          reasons.push(context);
          return examples.makeJwt({ n: reasons.length, exp: now / 1000 + 600 });
        },
      });
      const first = await viaCallback.getToken();
      now += 550_000; // inside the refresh-ahead window
      const second = await viaCallback.getToken();
      await viaCallback.getToken({ forceRefresh: true, staleToken: second });
      expect(first).to.not.equal(second);
      expect(reasons).to.deep.equal([{ reason: 'initial' }, { reason: 'expiring' }, { reason: 'rejected' }]);

      const fake = new FakeFetch();
      fake.fallback = () => json({ access_token: 'same', expires_in: 300 });
      const viaUrl = new TokenSource({ tokenUrl: 'https://host.test/paperos-token', fetch: fake.fetch });
      await viaUrl.getToken();
      await viaUrl.getToken({ forceRefresh: true, staleToken: 'same' });
      expect(fake.requests.map((r) => r.body)).to.deep.equal([{ reason: 'initial' }, { reason: 'rejected' }]);
      expect(fake.requests.map((r) => r.headers.get('content-type'))).to.deep.equal([
        'application/json',
        'application/json',
      ]);
    });

    it('still takes a fetchToken callback without parameters', async () => {
      const legacy: () => Promise<string> = async () => 'legacy-token';
      const client = new PaperOSClient({
        baseUrl: BASE,
        fetch: new FakeFetch().fetch,
        cache: false,
        fetchToken: legacy,
      });
      expect(await client.tokenSource!.getToken()).to.equal('legacy-token');
    });

    it('a refusal while an initial fetch is under way asks again, as rejected, only if that fetch brings the refused token', async () => {
      const reasons: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const source = new TokenSource({
        fetchToken: async ({ reason }) => {
          reasons.push(reason);
          if (reasons.length === 1) await gate;
          return reasons.length === 1 ? 'refused' : 'renewed';
        },
      });
      const initial = source.getToken();
      const forced = source.getToken({ forceRefresh: true, staleToken: 'refused' });
      release();
      expect(await initial).to.equal('refused');
      expect(await forced).to.equal('renewed');
      expect(reasons).to.deep.equal(['initial', 'rejected']);
    });

    it('reports a token endpoint without access_token as token_unavailable', async () => {
      const fake = new FakeFetch().reply(json({ nope: true }));
      const source = new TokenSource({ tokenUrl: 'https://host.test/t', fetch: fake.fetch });
      const error = (await source.getToken().catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('token_unavailable');
    });

    it('reports a refused token endpoint as unauthorized', async () => {
      const fake = new FakeFetch().reply(json({}, 401));
      const source = new TokenSource({ tokenUrl: 'https://host.test/t', fetch: fake.fetch });
      const error = (await source.getToken().catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('unauthorized');
    });

    it('refreshes at the earlier of a JWT exp and the endpoint expires_in', async () => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      for (const [jwtSeconds, expiresIn] of [
        [3600, 300],
        [300, 3600],
      ]) {
        let issued = 0;
        const fake = new FakeFetch();
        fake.fallback = () =>
          json({
            access_token: examples.makeJwt({ n: ++issued, exp: now / 1000 + jwtSeconds }),
            expires_in: expiresIn,
          });
        const source = new TokenSource({ tokenUrl: 'https://host.test/t', fetch: fake.fetch, now: () => now });
        const first = await source.getToken();
        now += 200_000; // 100 s before the earlier expiry: kept
        expect(await source.getToken()).to.equal(first);
        now += 50_000; // 50 s before it: refreshed
        expect(await source.getToken()).to.not.equal(first);
        expect(issued).to.equal(2);
      }
    });

    it('a forced refresh for a token already replaced reuses the new one', async () => {
      let n = 0;
      const source = new TokenSource({ fetchToken: async () => `tok-${++n}` });
      const stale = await source.getToken();
      expect(await source.getToken({ forceRefresh: true, staleToken: stale })).to.equal('tok-2');
      expect(await source.getToken({ forceRefresh: true, staleToken: stale })).to.equal('tok-2');
      expect(n).to.equal(2);
    });

    it('sharedTokenSource gives one source per tokenUrl, callback or token', () => {
      const callback = async () => 'x';
      expect(sharedTokenSource({ tokenUrl: '/t1' })).to.equal(sharedTokenSource({ tokenUrl: '/t1' }));
      expect(sharedTokenSource({ tokenUrl: '/t1' })).to.not.equal(sharedTokenSource({ tokenUrl: '/t2' }));
      expect(sharedTokenSource({ fetchToken: callback })).to.equal(sharedTokenSource({ fetchToken: callback }));
      expect(sharedTokenSource({ token: 'a' })).to.equal(sharedTokenSource({ token: 'a' }));
    });
  });

  describe('401 handling', () => {
    it('refreshes once and retries once after a 401, then succeeds', async () => {
      const fake = new FakeFetch().reply(json({ message: 'expired' }, 401), json(examples.workflowsResponse));
      let n = 0;
      const client = new PaperOSClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        cache: false,
        fetchToken: async () => `tok-${++n}`,
      });
      const workflows = await client.listWorkflows(ORG);
      expect(workflows).to.have.length(1);
      expect(fake.requests.map((r) => r.headers.get('authorization'))).to.deep.equal(['Bearer tok-1', 'Bearer tok-2']);
    });

    it('retries a POST once after a 401 (the first was refused, not processed)', async () => {
      const fake = new FakeFetch().reply(json({}, 401), json(examples.startWorkflowResponse));
      let n = 0;
      const client = new PaperOSClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        cache: false,
        fetchToken: async () => `tok-${++n}`,
      });
      await client.startWorkflow(ORG, { flowId: 'flow_a' });
      expect(fake.requests).to.have.length(2);
    });

    it('10 concurrent requests refused with 401 at different moments share one refresh', async () => {
      const fake = new FakeFetch();
      const held: Array<() => void> = [];
      fake.fallback = () => new Promise<Response>((resolve) => held.push(() => resolve(json({}, 401))));
      let tokenCalls = 0;
      const client = new PaperOSClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        cache: false,
        fetchToken: async () => `tok-${++tokenCalls}`,
      });
      const all = Promise.all(Array.from({ length: 10 }, () => client.listWorkflows(ORG)));
      for (let i = 0; i < 5; i++) await tick();
      expect(held).to.have.length(10);
      // the refusals arrive one by one, each after the previous refresh settled
      fake.fallback = () => json(examples.workflowsResponse);
      for (const refuse of held.splice(0)) {
        refuse();
        for (let i = 0; i < 5; i++) await tick();
      }
      const results = await all;
      expect(results.every((list) => list.length === 1)).to.equal(true);
      expect(tokenCalls).to.equal(2);
      const retried = fake.requests.slice(10).map((r) => r.headers.get('authorization'));
      expect(retried).to.deep.equal(Array(10).fill('Bearer tok-2'));
    });

    it('sends once more after a 401 even when the refreshed token is the same one', async () => {
      const fake = new FakeFetch().reply(json({ message: 'invalid' }, 401), json(examples.workflowsResponse));
      const reasons: string[] = [];
      const client = new PaperOSClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        cache: false,
        fetchToken: async ({ reason }) => {
          reasons.push(reason);
          return 'the-same-token';
        },
      });
      expect(await client.listWorkflows(ORG)).to.have.length(1);
      expect(reasons).to.deep.equal(['initial', 'rejected']);
      expect(fake.requests.map((r) => r.headers.get('authorization'))).to.deep.equal([
        'Bearer the-same-token',
        'Bearer the-same-token',
      ]);
    });

    it('a second 401 is the error: two sends, never a third, with a new token or the same one', async () => {
      for (const tokenFor of [(n: number) => `tok-${n}`, () => 'the-same-token']) {
        const fake = new FakeFetch();
        fake.fallback = () => json({}, 401);
        let tokenCalls = 0;
        const client = new PaperOSClient({
          baseUrl: BASE,
          fetch: fake.fetch,
          cache: false,
          fetchToken: async () => tokenFor(++tokenCalls),
        });
        const error = (await client.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
        expect(error.code).to.equal('unauthorized');
        expect(fake.requests).to.have.length(2);
        expect(tokenCalls).to.equal(2);
      }
    });

    it('does not retry a fixed token after a 401', async () => {
      const fake = new FakeFetch();
      fake.fallback = () => json({}, 401);
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, cache: false, token: 'fixed' });
      const error = (await client.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('unauthorized');
      expect(fake.requests).to.have.length(1);
    });

    it('an expired-on-arrival token causes no refresh loop', async () => {
      const fake = new FakeFetch();
      fake.fallback = () => json({}, 401);
      let tokenCalls = 0;
      const client = new PaperOSClient({
        baseUrl: BASE,
        fetch: fake.fetch,
        cache: false,
        fetchToken: async () => {
          tokenCalls++;
          return examples.makeJwt({ exp: examples.epochIn(-60), n: tokenCalls });
        },
      });
      const error = (await client.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('unauthorized');
      // one fetch for the request, one forced refresh after the 401, nothing more
      expect(tokenCalls).to.equal(2);
      expect(fake.requests).to.have.length(2);
      // and further calls do not refetch a just-fetched stale token on every request
      await Promise.all([
        client.listWorkflows(ORG).catch(() => undefined),
        client.listWorkflows(ORG).catch(() => undefined),
      ]);
      // (at most one forced refresh per request)
      expect(tokenCalls).to.be.at.most(4);
    });
  });

  describe('page-wide cache', () => {
    let fake: FakeFetch;
    beforeEach(() => {
      fake = new FakeFetch();
      pageCache.clear();
    });

    it('makes identical GETs in flight one request, across client instances', async () => {
      let release!: (r: Response) => void;
      fake.reply(() => new Promise<Response>((resolve) => (release = resolve)));
      const token = examples.makeJwt({ sub: 'sub_same', exp: examples.epochIn(600) });
      const a = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token });
      const b = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token });
      const both = Promise.all([a.listWorkflowTemplates(ORG), b.listWorkflowTemplates(ORG)]);
      await tick();
      await tick();
      release(json(examples.workflowTemplatesResponse));
      const [x, y] = await both;
      expect(fake.requests).to.have.length(1);
      expect(x).to.deep.equal(y);
    });

    it('keeps two subjects apart', async () => {
      fake.fallback = () => json(examples.workflowsResponse);
      const a = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      const b = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_b' }) });
      await Promise.all([a.listWorkflows(ORG), b.listWorkflows(ORG)]);
      expect(fake.requests).to.have.length(2);
    });

    it('keeps two tokens of one subject for different orgs apart', async () => {
      fake.fallback = () => json(examples.orgsResponse);
      const tokenFor = (org: string) => examples.makeJwt({ sub: 'sub_a', org_id: org, exp: examples.epochIn(600) });
      const a = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: tokenFor('org_one') });
      const b = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: tokenFor('org_two') });
      await Promise.all([a.listOrgs(), b.listOrgs(), a.debugOrg(), b.debugOrg()].map((p) => p.catch(() => 0)));
      expect(fake.requests).to.have.length(4);
    });

    it("a mutation clears that org's cached lists for every subject", async () => {
      fake.fallback = () => json(examples.workflowsResponse);
      const a = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      const b = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_b' }) });
      await b.listWorkflows(ORG);
      fake.reply(json(examples.startWorkflowResponse));
      await a.startWorkflow(ORG, { flowId: 'flow_a' });
      await b.listWorkflows(ORG);
      expect(fake.requests.map((r) => r.method)).to.deep.equal(['GET', 'POST', 'GET']);
    });

    it('keeps two orgs apart', async () => {
      fake.fallback = () => json(examples.workflowsResponse);
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      await Promise.all([client.listWorkflows('org_one'), client.listWorkflows('org_two')]);
      expect(fake.requests.map((r) => r.url.pathname).sort()).to.deep.equal([
        '/api/v1/orgs/org_one/workflows',
        '/api/v1/orgs/org_two/workflows',
      ]);
    });

    it('starting a workflow invalidates the workflow list', async () => {
      fake.reply(json(examples.workflowsResponse), json(examples.startWorkflowResponse), json({ workflows: [] }));
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      expect(await client.listWorkflows(ORG)).to.have.length(1);
      await client.startWorkflow(ORG, { flowId: 'flow_a' });
      expect(await client.listWorkflows(ORG)).to.have.length(0);
      expect(fake.requests).to.have.length(3);
    });

    it("updating a record invalidates that org's record lists", async () => {
      fake.reply(json(examples.recordsResponse), json(examples.recordUpdateResponse), json([]));
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      await client.listRecords(ORG, { type: 'org' });
      await client.updateRecord(ORG, 5617, { fields: { title: 'x' } });
      expect(await client.listRecords(ORG, { type: 'org' })).to.deep.equal([]);
    });

    it("one caller's abort leaves the shared request to the others", async () => {
      let release!: (r: Response) => void;
      fake.reply(() => new Promise<Response>((resolve) => (release = resolve)));
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      const leaving = new AbortController();
      const first = client.listWorkflows(ORG, { signal: leaving.signal }).catch((e: unknown) => e);
      const second = client.listWorkflows(ORG);
      await tick();
      await tick();
      leaving.abort();
      expect(((await first) as PaperOSError).code).to.equal('aborted');
      expect(fake.requests[0].signal?.aborted).to.equal(false);
      release(json(examples.workflowsResponse));
      expect(await second).to.have.length(1);
    });

    it('aborts the shared request when every caller has gone', async () => {
      fake.fallback = 'hang';
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      const controller = new AbortController();
      const pending = client.listWorkflows(ORG, { signal: controller.signal }).catch((e: unknown) => e);
      await tick();
      await tick();
      controller.abort();
      await pending;
      await tick();
      expect(fake.requests[0].signal?.aborted).to.equal(true);
    });

    it('reuses a settled value within its ttl, and reload bypasses it', async () => {
      let now = 0;
      const cache = new RequestCache({ ttlMs: 1000, now: () => now });
      let loads = 0;
      const loader = async () => ++loads;
      expect(await cache.get('k', loader)).to.equal(1);
      expect(await cache.get('k', loader)).to.equal(1);
      expect(await cache.get('k', loader, { reload: true })).to.equal(2);
      now = 5000;
      expect(await cache.get('k', loader)).to.equal(3);
    });

    it('never keeps an unreadable response: the next call asks again', async () => {
      fake.reply(json({ unexpected: true }), json(examples.workflowsResponse));
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      const error = (await client.listWorkflows(ORG).catch((e: unknown) => e)) as PaperOSError;
      expect(error.code).to.equal('invalid_response');
      expect(await client.listWorkflows(ORG)).to.have.length(1);
      expect(fake.requests).to.have.length(2);
    });

    it('shares one parsed value between callers', async () => {
      fake.reply(json(examples.workflowsResponse));
      const client = new PaperOSClient({ baseUrl: BASE, fetch: fake.fetch, token: examples.makeJwt({ sub: 'sub_a' }) });
      const [a, b] = await Promise.all([client.listWorkflows(ORG), client.listWorkflows(ORG)]);
      expect(a).to.equal(b);
    });

    it('never keeps a failure', async () => {
      const cache = new RequestCache();
      let calls = 0;
      await cache
        .get('k', async () => {
          calls++;
          throw new Error('x');
        })
        .catch(() => undefined);
      expect(await cache.get('k', async () => ++calls)).to.equal(2);
    });
  });
}
