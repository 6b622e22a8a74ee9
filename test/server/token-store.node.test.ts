// The token stores: the bounded in-memory default, and the Redis store shared by
// two integration instances against a real redis-server and a real sandbox.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import {
  MemoryTokenStore,
  PaperOSIntegration,
  RedisTokenStore,
  createProxyHandler,
  createTokenHandler,
} from '../../src/server/index.js';
import { DEMO_ORG_ID, DEMO_SUBJECT, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { startRedis, type RunningRedis } from '../helpers/redis-server.js';

const john = { externalId: 'john_doe-101' };

/** A JWT-shaped token (PaperOS's are ES256; the store only reads `exp`). */
function fakeJwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256', typ: 'JWT' })}.${part(payload)}.c2ln`;
}

describe('MemoryTokenStore', () => {
  it('holds at most its limit: 100,000 users minted with a limit of 10,000 leave 10,000 tokens', async () => {
    let mints = 0;
    const store = new MemoryTokenStore({ max: 10_000 });
    // PaperOS's access-token endpoint, answering at once (the sandbox signs far slower than this loop needs)
    const paperos = new PaperOSIntegration({
      baseUrl: 'https://paperos.test',
      clientId: 'id',
      clientSecret: 'secret',
      store,
      fetch: async (_url, init) => {
        mints++;
        const claims = JSON.parse(String(init?.body)).claims;
        const token = fakeJwt({ sub: claims.external_id.value, org_id: claims.org_id.value, exp: claims.exp.value });
        return new Response(JSON.stringify({ access_token: token }), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    for (let user = 0; user < 100_000; user++) await paperos.accessToken({ externalId: `user-${user}` }, 'org_1');
    assert.equal(mints, 100_000);
    assert.equal(store.size, 10_000);
    // the most recent users are still held; the first ones were evicted
    await paperos.accessToken({ externalId: 'user-99999' }, 'org_1');
    assert.equal(mints, 100_000);
    await paperos.accessToken({ externalId: 'user-0' }, 'org_1');
    assert.equal(mints, 100_001);
    assert.equal(store.size, 10_000);
  });

  it('drops a token at its expiry, deletes only the token it is told, and forgets by subject', async () => {
    let now = 1_000_000;
    const store = new MemoryTokenStore({ now: () => now });
    await store.set('a', { token: 't1', expiresAt: now + 1000 });
    await store.set('gone', { token: 'old', expiresAt: now - 1 });
    assert.equal(await store.get('gone'), undefined, 'an expired token is never kept');
    assert.equal((await store.get('a'))?.token, 't1');
    await store.delete('a', 'another');
    assert.equal((await store.get('a'))?.token, 't1', 'a newer token is not dropped for an older one');
    now += 1000;
    assert.equal(await store.get('a'), undefined);
    assert.equal(store.size, 0);
    assert.throws(() => new MemoryTokenStore({ max: 0 }), TypeError);
  });
});

describe('RedisTokenStore with a real redis-server', { timeout: 60_000 }, () => {
  let redis: RunningRedis;
  let sandbox: RunningSandbox;
  const connections: Array<ReturnType<typeof createClient>> = [];
  let mints = 0;
  const counting: typeof fetch = (input, init) => {
    if (String(input).endsWith('/api/v1/integrations/access-token')) mints++;
    return fetch(input, init);
  };

  /** One backend instance: its own Redis connection, its own integration. */
  async function instance(namespace: string): Promise<PaperOSIntegration> {
    const client = createClient({ url: redis.url });
    await client.connect();
    connections.push(client);
    return new PaperOSIntegration({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      fetch: counting,
      store: new RedisTokenStore({ client, namespace }),
    });
  }

  before(async () => {
    redis = await startRedis();
    sandbox = await startSandbox({ port: 0 });
  });
  after(async () => {
    for (const client of connections) await client.quit().catch(() => undefined);
    await sandbox?.close();
    await redis?.stop();
  });

  it('two instances: 50 concurrent token requests for one subject and org cause one mint', async () => {
    const [a, b] = [await instance('t1:'), await instance('t1:')];
    mints = 0;
    const tokens = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).accessToken(john, DEMO_ORG_ID)),
    );
    assert.equal(mints, 1);
    assert.equal(new Set(tokens.map((t) => t.token)).size, 1);
    // later requests on either side come from Redis
    assert.equal((await b.accessToken(john, DEMO_ORG_ID)).token, tokens[0].token);
    assert.equal(mints, 1);
    // another subject or org is another key, minted once as well
    await Promise.all([a, b, a, b].map((i) => i.accessToken({ sub: DEMO_SUBJECT }, DEMO_ORG_ID)));
    assert.equal(mints, 2);
  });

  it('a token renewed after PaperOS refused it in one instance is the token the other uses', async () => {
    const [a, b] = [await instance('t2:'), await instance('t2:')];
    const refused = (await a.accessToken(john, DEMO_ORG_ID)).token;
    assert.equal((await b.accessToken(john, DEMO_ORG_ID)).token, refused);
    mints = 0;
    // PaperOS refuses the token once, in front of instance a's proxy
    sandbox.setFaults([{ kind: 'status', status: 401, path: 'documents$', times: 1 }]);
    const proxy = createProxyHandler({
      integration: a,
      authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }),
      prefix: '/paperos',
    });
    const response = await proxy(new Request(`http://host.test/paperos/api/v1/orgs/${DEMO_ORG_ID}/documents`));
    assert.equal(response.status, 200);
    assert.equal(mints, 1);
    const renewed = (await b.accessToken(john, DEMO_ORG_ID)).token;
    assert.notEqual(renewed, refused, 'instance b dropped the refused token');
    assert.equal(renewed, (await a.accessToken(john, DEMO_ORG_ID)).token);
    // both instances hearing of the same refusal at once still mint once
    const again = await Promise.all([a, b, a, b].map((i) => i.renewToken(john, DEMO_ORG_ID, renewed)));
    assert.equal(mints, 2);
    assert.equal(new Set(again.map((t) => t.token)).size, 1);
    assert.notEqual(again[0].token, renewed);
    // a late report of the first refusal mints nothing
    assert.equal((await b.renewToken(john, DEMO_ORG_ID, refused)).token, again[0].token);
    assert.equal(mints, 2);
  });

  it('token requests with reason "rejected" on two instances: one forced mint, one window, one new token', async () => {
    const [a, b] = [await instance('t5:'), await instance('t5:')];
    const handlers = [a, b].map((integration) =>
      createTokenHandler({ integration, authorize: async () => ({ ...john, orgId: DEMO_ORG_ID }) }),
    );
    const ask = async (i: number, reason: string) => {
      const response = await handlers[i % 2]!(
        new Request('http://host.test/api/paperos-token', {
          method: 'POST',
          headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
          body: JSON.stringify({ reason }),
        }),
      );
      assert.equal(response.status, 200);
      return (await response.json()).access_token as string;
    };
    const refused = await ask(0, 'initial');
    mints = 0;
    const renewed = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(i, 'rejected')));
    assert.equal(mints, 1, 'one forced mint across both instances');
    assert.equal(new Set(renewed).size, 1);
    assert.notEqual(renewed[0], refused);
    // inside the shared window, either instance answers the newest token without minting
    assert.equal(await ask(1, 'rejected'), renewed[0]);
    assert.equal(await ask(0, 'initial'), renewed[0]);
    assert.equal(mints, 1);
  });

  it('forgets by subject for every instance, claims a window once, and takes over a stale lock', async () => {
    const [a, b] = [await instance('t3:'), await instance('t3:')];
    await a.accessToken(john, DEMO_ORG_ID);
    await a.accessToken({ sub: DEMO_SUBJECT }, DEMO_ORG_ID);
    mints = 0;
    await b.forget(john);
    await a.accessToken(john, DEMO_ORG_ID);
    await a.accessToken({ sub: DEMO_SUBJECT }, DEMO_ORG_ID);
    assert.equal(mints, 1, 'only john’s token was forgotten');
    const windows = await Promise.all(['1', '2', '3'].map((v, i) => [a, b, a][i]!.store.claim('renew:john', 500, v)));
    assert.equal(windows.filter((w) => w === undefined).length, 1, 'one caller takes the window');
    const taker = String(windows.indexOf(undefined) + 1);
    assert.deepEqual(
      windows.filter((w) => w !== undefined),
      [taker, taker],
      'the others see what it left',
    );
    // an instance that died while minting: its lock lapses and another mints
    const client = createClient({ url: redis.url });
    await client.connect();
    connections.push(client);
    const store = new RedisTokenStore({ client, namespace: 't4:', lockMs: 200, pollMs: 10 });
    await client.set('t4:lock:k', 'dead-instance', { PX: 200 });
    const started = Date.now();
    const token = await store.mintOnce(
      'k',
      async () => ({ token: 'x', expiresAt: Date.now() + 60_000 }),
      () => true,
    );
    assert.equal(token.token, 'x');
    assert.ok(Date.now() - started >= 150, 'waited for the lock to lapse');
    assert.equal((await store.get('k'))?.token, 'x');
  });
});
