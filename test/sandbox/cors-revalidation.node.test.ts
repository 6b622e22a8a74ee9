// A browser revalidating with If-None-Match must get its CORS headers on the 304 too,
// or it reports the answer as a network error (found by the browser fault tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ORG_ID, startSandbox } from '../../src/sandbox/index.js';

test('a 304 to a cross-origin conditional GET keeps the CORS headers', async () => {
  const sandbox = await startSandbox({ port: 0 });
  try {
    const token = await sandbox.mintAccessToken();
    const url = `${sandbox.url}/api/v1/orgs/${DEMO_ORG_ID}/workflows`;
    const headers = { Origin: 'http://localhost:5173', Authorization: `Bearer ${token}` };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(url, { headers: { ...headers, 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(again.headers.get('access-control-expose-headers') ?? '', /etag/i);
  } finally {
    await sandbox.close();
  }
});
