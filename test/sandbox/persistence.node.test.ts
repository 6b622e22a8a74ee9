// `--data FILE`: state and signing key survive a restart; runtime ids stay
// unique across restarts; a process killed with SIGKILL while writing leaves
// the old or the new state (and every acknowledged change), never a broken file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DEMO_ORG_ID, startSandbox } from '../../src/sandbox/index.js';
import { call } from './helpers.js';

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `paperos-${name}-`));
const cli = fileURLToPath(new URL('../../src/sandbox/cli.ts', import.meta.url));

/** Starts the CLI in a child process and resolves with its URL once it listens. */
async function spawnSandbox(
  args: string[],
): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code}): ${output}`));
    });
  });
  return { child, url };
}

describe('sandbox persistence', () => {
  it('keeps state and the signing key across a restart', async () => {
    const dataFile = join(tempDir('restart'), 'state.json');
    const first = await startSandbox({ port: 0, dataFile });
    const token = await first.mintAccessToken();
    const created = await call(first.url, 'POST', `/api/v1/orgs/${DEMO_ORG_ID}/records`, {
      token,
      body: { type: 'indv', name: 'Persisted Person' },
    });
    const signed = await call(first.url, 'PATCH', `/api/v1/orgs/${DEMO_ORG_ID}/records/17413`, {
      token,
      body: { fields: { title: 'chief builder' } },
    });
    assert.equal(signed.status, 200);
    await first.close();
    const second = await startSandbox({ port: 0, dataFile, issuer: first.url });
    try {
      const again = await call(second.url, 'GET', `/api/v1/orgs/${DEMO_ORG_ID}/records/${created.body.rec_id}`, {
        token,
      });
      assert.equal(again.status, 200, 'the old token still verifies, the record is there');
      assert.equal(again.body.name, 'Persisted Person');
      const bob = await call(second.url, 'GET', `/api/v1/orgs/${DEMO_ORG_ID}/records/17413`, { token });
      assert.equal(bob.body.features.title, 'chief builder');
    } finally {
      await second.close();
    }
    assert.deepEqual(readdirSync(join(dataFile, '..')), ['state.json'], 'no temporary files left behind');
  });

  it('without --data, a restart starts from the seed again', async () => {
    const first = await startSandbox({ port: 0 });
    const token = await first.mintAccessToken();
    const created = await call(first.url, 'POST', `/api/v1/orgs/${DEMO_ORG_ID}/records`, {
      token,
      body: { type: 'org', name: 'Fleeting Co' },
    });
    await first.close();
    const second = await startSandbox({ port: 0 });
    try {
      const t = await second.mintAccessToken();
      const res = await call(second.url, 'GET', `/api/v1/orgs/${DEMO_ORG_ID}/records/${created.body.rec_id}`, {
        token: t,
      });
      assert.equal(res.status, 404);
    } finally {
      await second.close();
    }
  });

  it('ids made after a restart never repeat ids made before it', async () => {
    const dataFile = join(tempDir('ids'), 'state.json');
    const ids: string[] = [];
    for (let run = 0; run < 2; run++) {
      const sandbox = await startSandbox({ port: 0, dataFile, seed: 1 });
      try {
        const token = await sandbox.mintAccessToken();
        for (let i = 0; i < 3; i++) {
          const res = await call(sandbox.url, 'POST', `/api/v1/orgs/${DEMO_ORG_ID}/workflows`, {
            token,
            body: { flow_id: 'flow_extg0vcffk3h9085' },
          });
          ids.push(res.body.workflow_id);
        }
      } finally {
        await sandbox.close();
      }
    }
    assert.equal(new Set(ids).size, 6);
  });

  it('refuses a data file that is not JSON, or not sandbox state, with a message naming it', async () => {
    const dir = tempDir('broken');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"state": {"orgs": [');
    await assert.rejects(startSandbox({ port: 0, dataFile: broken }), (error: Error) => {
      assert.match(error.message, /broken\.json/);
      return true;
    });
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
    await assert.rejects(startSandbox({ port: 0, dataFile: foreign }), /not a PaperOS sandbox data file/);
    assert.equal(readFileSync(foreign, 'utf8'), '{"hello":"world"}', 'and leaves it alone');
  });

  it('the sandbox killed with SIGKILL during writes keeps a whole state with every acknowledged change', async () => {
    const dataFile = join(tempDir('kill'), 'state.json');
    // a large state makes each write take long enough to be interrupted
    const args = ['--data', dataFile, '--documents', '3000'];
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { child, url } = await spawnSandbox(args);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const token = await (
        await fetch(`${url}/api/v1/integrations/access-token`, {
          method: 'POST',
          headers: {
            Authorization: `Basic ${Buffer.from('oidc_zdcw93k7h4w4zb2m:9ba82b72-38eb-4a6d-bc57-bace7a0d5bd1').toString('base64')}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({
            claims: { external_id: { value: 'john_doe-101' }, org_id: { value: DEMO_ORG_ID } },
          }),
        })
      ).json();
      let stop = false;
      // four writers, so a write is almost always under way when the kill comes
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 500 && !stop; i++) {
          try {
            const res = await fetch(`${url}/api/v1/orgs/${DEMO_ORG_ID}/records`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ type: 'org', name: `Round ${round} writer ${w} #${i}` }),
            });
            if (res.status === 200) acknowledged.push((await res.json()).rec_id);
          } catch {
            return; // the server is gone
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 400 + round * 150));
      child.kill('SIGKILL');
      stop = true;
      await Promise.all([exited, ...writers]);

      const saved = JSON.parse(readFileSync(dataFile, 'utf8'));
      const ids = new Set(saved.state.records[DEMO_ORG_ID].map((r: { id: string }) => r.id));
      for (const id of acknowledged) assert.ok(ids.has(id), `round ${round}: acknowledged ${id} was kept`);
    }
    assert.ok(acknowledged.length > 3, `writes happened (${acknowledged.length})`);
    // and the sandbox starts from that file
    const { child, url } = await spawnSandbox(args);
    try {
      const discovery = await fetch(`${url}/.well-known/openid-configuration`);
      assert.equal(discovery.status, 200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });

  it('a writer killed mid-write leaves the old or the new file, never a partial one', async () => {
    const dir = tempDir('writer');
    const dataFile = join(dir, 'state.json');
    writeFileSync(dataFile, JSON.stringify({ generation: 0, pad: '' }));
    const writer = fileURLToPath(new URL('./fixtures/atomic-writer.ts', import.meta.url));
    let sawNew = false;
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', writer, dataFile], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 20 + round * 15));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const parsed = JSON.parse(readFileSync(dataFile, 'utf8'));
      assert.equal(typeof parsed.generation, 'number', `round ${round}: a whole state`);
      assert.equal(parsed.pad.length, parsed.generation === 0 ? 0 : 200_000, `round ${round}: not a partial write`);
      if (parsed.generation > 0) sawNew = true;
    }
    assert.ok(sawNew, 'writes did land');
  });
});
