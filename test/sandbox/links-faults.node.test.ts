// Signed document and signing links (served, expiring, tamper-proof), fault
// injection (in code and through the admin endpoint) and the reset endpoint.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ORG_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { call, headerOf, payloadOf } from './helpers.js';

interface Doc {
  pub_id: string;
  filename: string;
  url: string;
  recipients: Array<{ name: string; email: string; status: string; sign_url: string | null }>;
}

describe('signed links', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const listDocuments = async (s: RunningSandbox, t: string): Promise<Doc[]> =>
    (await call(s.url, 'GET', `/api/v1/orgs/${DEMO_ORG_ID}/documents`, { token: t })).body.documents;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    token = await sandbox.mintAccessToken();
  });
  after(async () => sandbox?.close());

  it('document URLs have the doc’s form and claims, live 15 minutes, and serve the file', async () => {
    const docs = await listDocuments(sandbox, token);
    const doc = docs.find((d) => d.filename === '2017 - 2020 Balance Sheet.xlsx')!;
    const match = new RegExp(`^${sandbox.url}/api/public/documents/(\\d+)/([\\w-]+\\.[\\w-]+\\.[\\w-]+)$`).exec(
      doc.url,
    );
    assert.ok(match, doc.url);
    const claims = payloadOf(match[2]);
    assert.deepEqual(Object.keys(claims).sort(), ['exp', 'file', 'iat', 'iss']);
    assert.equal(claims.file, match[1]);
    assert.equal(claims.iss, sandbox.url);
    assert.equal(claims.exp - claims.iat, 900);
    assert.equal(headerOf(match[2]).alg, 'ES256');
    const file = await fetch(doc.url);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('cache-control'), 'private, no-store');
    assert.match(file.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(file.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(file.headers.get('content-disposition') ?? '', /filename="2017 - 2020 Balance Sheet\.xlsx"/);
  });

  it('a link is refused when tampered with or moved to another file', async () => {
    const [first, second] = await listDocuments(sandbox, token);
    const jwt = first.url.slice(first.url.lastIndexOf('/') + 1);
    const [h, p, s] = jwt.split('.');
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
    assert.equal((await fetch(first.url.replace(s, flipped))).status, 401);
    const otherFile = Buffer.from(JSON.stringify({ ...payloadOf(jwt), file: '1' })).toString('base64url');
    assert.equal((await fetch(first.url.replace(p, otherFile))).status, 401);
    const secondFileId = /documents\/(\d+)\//.exec(second.url)![1];
    const moved = first.url.replace(/documents\/\d+\//, `documents/${secondFileId}/`);
    assert.equal((await fetch(moved)).status, 403, 'a valid link for another file');
    assert.equal((await fetch(`${sandbox.url}/api/public/documents/1/${h}`)).status, 401);
  });

  it('repeated lists reuse a link for the first third of its life', async () => {
    const a = await listDocuments(sandbox, token);
    const b = await listDocuments(sandbox, token);
    assert.deepEqual(
      a.map((d) => d.url),
      b.map((d) => d.url),
    );
  });

  it('a link expires, and a fresh list hands out a working one', async () => {
    let now = Date.now();
    const short = await startSandbox({ port: 0, documentUrlTtlSec: 60, now: () => now });
    try {
      const t = await short.mintAccessToken({ expiresInSec: 3600 });
      const [doc] = await listDocuments(short, t);
      assert.equal((await fetch(doc.url)).status, 200);
      now += 61_000;
      const expired = await fetch(doc.url);
      assert.equal(expired.status, 401);
      assert.match((await expired.json()).message, /expired/);
      const [fresh] = await listDocuments(short, t);
      assert.notEqual(fresh.url, doc.url);
      assert.equal((await fetch(fresh.url)).status, 200);
    } finally {
      await short.close();
    }
  });

  it('recipients carry signing links for pending signatures; signing works once', async () => {
    const docs = await listDocuments(sandbox, token);
    const recipients = docs.flatMap((d) => d.recipients);
    assert.ok(recipients.length > 0);
    for (const r of recipients) {
      assert.deepEqual(Object.keys(r).sort(), ['email', 'name', 'sign_url', 'status']);
      assert.equal(r.sign_url === null, r.status !== 'pending', `${r.name}: a link exactly while pending`);
    }
    const statuses = new Set(recipients.map((r) => r.status));
    assert.deepEqual([...statuses].sort(), ['declined', 'pending', 'signed']);
    const pending = recipients.find((r) => r.sign_url)!;
    assert.ok(pending.sign_url!.startsWith(`${sandbox.url}/sign/`));
    const page = await fetch(pending.sign_url!, { headers: { Accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /<form method="post">/);
    const signed = await fetch(pending.sign_url!, { method: 'POST' });
    assert.equal(signed.status, 200);
    assert.equal((await signed.json()).status, 'signed');
    assert.equal((await fetch(pending.sign_url!, { method: 'POST' })).status, 409, 'not twice');
    const after = (await listDocuments(sandbox, token)).flatMap((d) => d.recipients);
    const same = after.find((r) => r.name === pending.name && r.email === pending.email && r.status === 'signed');
    assert.ok(same);
    assert.equal(same.sign_url, null);
  });

  it('the signing page escapes names', async () => {
    const doc = sandbox.state.documents[DEMO_ORG_ID].find((d) => d.recipients.some((r) => r.status === 'pending'))!;
    const recipient = doc.recipients.find((r) => r.status === 'pending')!;
    recipient.name = '<img src=x onerror=alert(1)>';
    const listed = (await listDocuments(sandbox, token)).find((d) => d.pub_id === doc.pub_id)!;
    const link = listed.recipients.find((r) => r.name === recipient.name)!.sign_url!;
    const html = await (await fetch(link, { headers: { Accept: 'text/html' } })).text();
    assert.ok(!html.includes('<img'));
    assert.match(html, /&lt;img/);
  });
});

describe('a sandbox behind a proxy', () => {
  it('setPublicUrl, once the proxy listens, moves the issuer and every link to its origin', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      sandbox.setPublicUrl('http://127.0.0.1:5999/');
      assert.equal(sandbox.issuer, 'http://127.0.0.1:5999');
      const token = await sandbox.mintAccessToken();
      assert.equal(payloadOf(token).iss, 'http://127.0.0.1:5999');
      const docs = (await call(sandbox.url, 'GET', `/api/v1/orgs/${DEMO_ORG_ID}/documents`, { token })).body
        .documents as Doc[];
      for (const doc of docs) {
        assert.ok(doc.url.startsWith('http://127.0.0.1:5999/api/public/documents/'), doc.url);
        for (const r of doc.recipients) if (r.sign_url) assert.ok(r.sign_url.startsWith('http://127.0.0.1:5999/sign/'));
        // the path still answers where the sandbox itself listens
        const path = new URL(doc.url).pathname;
        assert.equal((await fetch(`${sandbox.url}${path}`)).status, 200);
      }
    } finally {
      await sandbox.close();
    }
  });
});

describe('fault injection', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const path = `/api/v1/orgs/${DEMO_ORG_ID}/workflows`;
  const get = (p = path) => call(sandbox.url, 'GET', p, { token });
  const admin = (method: string, body?: unknown) =>
    call(sandbox.url, method, '/__sandbox/faults', body === undefined ? {} : { body });

  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 7 });
    token = await sandbox.mintAccessToken();
  });
  after(async () => sandbox?.close());

  it('status faults: 5xx, 420 and 429 with Retry-After, for the next N requests only', async () => {
    for (const [status, retryAfter] of [
      [503, undefined],
      [420, 2],
      [429, 3],
    ] as const) {
      sandbox.setFaults([{ kind: 'status', status, retryAfter, times: 2 }]);
      for (let i = 0; i < 2; i++) {
        const res = await get();
        assert.equal(res.status, status);
        assert.equal(res.headers.get('retry-after'), retryAfter === undefined ? null : String(retryAfter));
        assert.equal(res.body.success, false);
      }
      assert.equal((await get()).status, 200, `only ${status} twice`);
    }
    assert.deepEqual(sandbox.faults(), [{ kind: 'status', status: 429, retryAfter: 3, times: 0 }]);
  });

  it('scoped to a path pattern and a method', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, path: 'documents$', method: 'GET' }]);
    assert.equal((await get(`/api/v1/orgs/${DEMO_ORG_ID}/documents`)).status, 500);
    assert.equal((await get()).status, 200, 'workflows are not affected');
    sandbox.clearFaults();
  });

  it('a share of requests: rate 0.5 over 200 requests fails about half', async () => {
    sandbox.setFaults([{ kind: 'status', status: 502, rate: 0.5 }]);
    let failed = 0;
    for (let i = 0; i < 200; i++) if ((await get('/api/user/debug')).status === 502) failed++;
    sandbox.clearFaults();
    assert.ok(failed > 60 && failed < 140, `${failed} of 200`);
  });

  it('latency', async () => {
    sandbox.setFaults([{ kind: 'latency', ms: 300 }]);
    const started = performance.now();
    const res = await get();
    const took = performance.now() - started;
    sandbox.clearFaults();
    assert.equal(res.status, 200);
    assert.ok(took >= 290, `${took} ms`);
  });

  it('malformed JSON, a connection dropped mid-response, missing fields', async () => {
    sandbox.setFaults([{ kind: 'malformed', times: 1 }]);
    const malformed = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(malformed.status, 200);
    await assert.rejects(malformed.json(), SyntaxError);

    sandbox.setFaults([{ kind: 'drop', times: 1 }]);
    const dropped = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(dropped.status, 200, 'headers arrived');
    await assert.rejects(dropped.text(), 'the body never completes');

    sandbox.setFaults([{ kind: 'missing-fields', times: 1 }]);
    const missing = await get();
    assert.equal(missing.status, 200);
    assert.equal(missing.body.workflows[0].label, undefined);
    assert.ok(missing.body.workflows[0].id, 'only the first required field of each item goes');
    assert.equal((await get()).body.workflows[0].label !== undefined, true, 'and only once');
  });

  it('never faults preflights, discovery, the admin endpoints or (by default) signed links', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500 }]);
    try {
      const preflight = await fetch(`${sandbox.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      assert.equal((await call(sandbox.url, 'GET', '/.well-known/jwks.json')).status, 200);
      assert.equal((await admin('GET')).status, 200);
      sandbox.clearFaults();
      const docs = (await get(`/api/v1/orgs/${DEMO_ORG_ID}/documents`)).body.documents;
      sandbox.setFaults([{ kind: 'status', status: 500 }]);
      assert.equal((await fetch(docs[0].url)).status, 200);
    } finally {
      sandbox.clearFaults();
    }
  });

  it('the admin endpoint sets, shows and clears faults at run time', async () => {
    const set = await admin('POST', [{ kind: 'status', status: 429, retryAfter: 1, path: 'workflows$', times: 1 }]);
    assert.equal(set.status, 200);
    assert.equal(set.body.faults.length, 1);
    assert.equal((await get()).status, 429);
    assert.equal((await get()).status, 200);
    assert.equal((await admin('GET')).body.faults[0].times, 0);
    assert.equal((await admin('POST', { faults: [{ kind: 'latency', ms: 1 }] })).status, 200, 'an envelope works too');
    assert.equal((await admin('DELETE')).status, 204);
    assert.deepEqual((await admin('GET')).body.faults, []);
  });

  it('the admin endpoint refuses bad rules with 400 naming the field, and keeps the old ones', async () => {
    sandbox.setFaults([{ kind: 'latency', ms: 1 }]);
    for (const [rules, field] of [
      [[{ kind: 'explode' }], /kind/],
      [[{ kind: 'status', path: '(' }], /path/],
      [[{ kind: 'status', rate: 2 }], /rate/],
      [[{ kind: 'status', status: 200 }], /status/],
      [[{ kind: 'latency', ms: 10_000_000 }], /ms/],
      [[{ kind: 'drop', extra: true }], /extra/],
      [{ nothing: 1 }, /array|Invalid/],
    ] as const) {
      const res = await admin('POST', rules);
      assert.equal(res.status, 400, JSON.stringify(rules));
      assert.match(res.body.message, field);
    }
    assert.equal((await call(sandbox.url, 'POST', '/__sandbox/faults', { body: '{oops' })).status, 400);
    assert.deepEqual(sandbox.faults(), [{ kind: 'latency', ms: 1 }]);
    assert.throws(() => sandbox.setFaults([{ kind: 'status', path: '[' }]), TypeError);
    sandbox.clearFaults();
  });

  it('POST /__sandbox/reset puts the data back to the seed', async () => {
    const created = await call(sandbox.url, 'POST', `/api/v1/orgs/${DEMO_ORG_ID}/records`, {
      token,
      body: { type: 'org', name: 'Temporary Co' },
    });
    assert.equal((await get(`/api/v1/orgs/${DEMO_ORG_ID}/records/${created.body.rec_id}`)).status, 200);
    assert.equal((await call(sandbox.url, 'POST', '/__sandbox/reset')).status, 204);
    assert.equal((await get(`/api/v1/orgs/${DEMO_ORG_ID}/records/${created.body.rec_id}`)).status, 404);
    assert.equal((await get(`/api/v1/orgs/${DEMO_ORG_ID}/records/17413`)).status, 200, 'tokens still work');
  });
});
