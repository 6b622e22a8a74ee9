// Rotating the sandbox's signing key at run time (`POST /__sandbox/rotate-keys`,
// `rotateKeysEverySec`, `--rotate-keys-every`): what the old key signed is refused
// with 401, the JWKS lists only the new key, and the data file keeps the new one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ORG_ID, startSandbox } from '../../src/sandbox/index.js';
import { call, headerOf } from './helpers.js';

const docs = `/api/v1/orgs/${DEMO_ORG_ID}/documents`;
const kids = async (url: string) =>
  ((await call(url, 'GET', '/.well-known/jwks.json')).body as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);

describe('sandbox key rotation', () => {
  it('POST /__sandbox/rotate-keys: old tokens and links get 401, the JWKS serves only the new key', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const old = await sandbox.mintAccessToken();
      const listed = await call(sandbox.url, 'GET', docs, { token: old });
      assert.equal(listed.status, 200);
      const link = new URL(listed.body.documents[0].url as string);
      assert.equal((await fetch(link)).status, 200);
      const oldKid = headerOf(old).kid as string;
      assert.deepEqual(await kids(sandbox.url), [oldKid]);

      const rotated = await call(sandbox.url, 'POST', '/__sandbox/rotate-keys');
      assert.equal(rotated.status, 200);
      const newKid = rotated.body.kid as string;
      assert.notEqual(newKid, oldKid);
      assert.deepEqual(await kids(sandbox.url), [newKid], 'only the new key');

      const refused = await call(sandbox.url, 'GET', docs, { token: old });
      assert.equal(refused.status, 401);
      assert.equal(refused.body.success, false);
      assert.equal((await fetch(link)).status, 401, 'a link signed with the old key');

      const fresh = await sandbox.mintAccessToken();
      assert.equal(headerOf(fresh).kid, newKid);
      const again = await call(sandbox.url, 'GET', docs, { token: fresh });
      assert.equal(again.status, 200);
      assert.equal((await fetch(again.body.documents[0].url as string)).status, 200, 'new links are signed anew');
    } finally {
      await sandbox.close();
    }
  });

  it('rotateKeysEverySec rotates on its own; a bad value is refused', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({ port: 0, rotateKeysEverySec: 0.3, log: (line) => lines.push(line) });
    try {
      const old = await sandbox.mintAccessToken();
      const first = await kids(sandbox.url);
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.notDeepEqual(await kids(sandbox.url), first);
      assert.equal((await call(sandbox.url, 'GET', docs, { token: old })).status, 401);
      assert.ok(lines.some((line) => /^signing key rotated: /.test(line)));
    } finally {
      await sandbox.close();
    }
    for (const bad of [0, -1, Number.NaN]) {
      await assert.rejects(startSandbox({ port: 0, rotateKeysEverySec: bad }), /rotateKeysEverySec/);
    }
  });

  it('a data file keeps the rotated key: after a restart new tokens verify, old ones do not', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'paperos-rotate-')), 'state.json');
    const first = await startSandbox({ port: 0, dataFile });
    const old = await first.mintAccessToken();
    await first.rotateKeys();
    const fresh = await first.mintAccessToken();
    await first.close();
    const second = await startSandbox({ port: 0, dataFile, issuer: first.url });
    try {
      assert.equal((await call(second.url, 'GET', docs, { token: fresh })).status, 200);
      assert.equal((await call(second.url, 'GET', docs, { token: old })).status, 401);
    } finally {
      await second.close();
    }
  });
});
