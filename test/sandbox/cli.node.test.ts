// The `paperos-sandbox` command (bin/paperos-sandbox.js) and the large generated organization.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  LARGE_ORG_ID,
  createSandboxApp,
  generateDocuments,
} from '../../src/sandbox/index.js';

const bin = fileURLToPath(new URL('../../bin/paperos-sandbox.js', import.meta.url));

/** Runs the command; resolves when it exits, or once `until` matches its output (then stops it with SIGTERM). */
function run(
  args: string[],
  until?: RegExp,
): Promise<{ code: number | null; stdout: string; stderr: string; match?: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let match: RegExpExecArray | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out: ${stdout}${stderr}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until && !match) {
        match = until.exec(stdout) ?? undefined;
        if (match) child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, match });
    });
  });
}

describe('paperos-sandbox command', () => {
  it('prints its base URL and the demo credentials, serves, and stops on SIGTERM', async () => {
    let served: number | undefined;
    const child = spawn(process.execPath, [bin, '--port', '0', '--documents', '20'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\n[\s\S]*client_secret/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    try {
      assert.ok(stdout.includes(`client_id:     ${DEMO_CLIENT_ID}`));
      assert.ok(stdout.includes(`client_secret: ${DEMO_CLIENT_SECRET}`));
      assert.ok(stdout.includes(LARGE_ORG_ID));
      served = (await fetch(`${url}/.well-known/openid-configuration`)).status;
      // the request log names the request
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.match(stdout, /GET \/\.well-known\/openid-configuration 200/);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(served, 200);
    assert.equal(code, 0);
  });

  it('--help lists the flags', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    for (const flag of [
      '--port',
      '--documents',
      '--data',
      '--faults',
      '--allowed-origin',
      '--issuer',
      '--rotate-keys-every',
      '--quiet',
    ]) {
      assert.ok(stdout.includes(flag), flag);
    }
  });

  it('bad flags exit 2 with a message, not a stack trace', async () => {
    for (const [args, message] of [
      [['--port', 'abc'], /--port must be a port/],
      [['--port', '70000'], /--port/],
      [['--error-rate', '2'], /--error-rate/],
      [['--documents', '-5'], /--documents/],
      [['--faults', '[{"kind":"nope"}]'], /--faults: Invalid fault rules at 0\.kind/],
      [['--faults', 'not json'], /--faults/],
      [['--issuer', 'ftp://x'], /--issuer/],
      [['--rotate-keys-every', '0'], /--rotate-keys-every must be a positive number of seconds/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
    ] as const) {
      const { code, stderr } = await run([...args]);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.ok(!/\n\s+at /.test(stderr), 'no stack trace');
    }
  });

  it('a port in use exits 1 saying so', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await run(['--port', String(port)]);
      assert.equal(code, 1);
      assert.match(stderr, /in use/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('the large organization', () => {
  it('generates the asked number of documents, deterministic per seed, in nested folders, some to sign', () => {
    const docs = generateDocuments(10_000, 3);
    assert.equal(docs.length, 10_000);
    assert.equal(new Set(docs.map((d) => d.pub_id)).size, 10_000);
    assert.equal(new Set(docs.map((d) => d.file)).size, 10_000);
    for (const d of docs.slice(0, 50)) {
      assert.match(d.pub_id, /^doc_/);
      assert.match(d.path, /^\/[A-Za-z]+\/\d{4}$/);
    }
    assert.ok(new Set(docs.map((d) => d.path)).size > 20);
    const pending = docs.filter((d) => d.recipients.some((r) => r.status === 'pending')).length;
    assert.ok(pending > 100 && pending < 5000, `${pending} awaiting signatures`);
    assert.deepEqual(generateDocuments(100, 3), docs.slice(0, 100));
    assert.notDeepEqual(generateDocuments(100, 4), docs.slice(0, 100));
  });

  it('is served to a token for it (in-process, through app.fetch)', async () => {
    const sandbox = await createSandboxApp({ documents: 500, issuer: 'http://sandbox.test' });
    const token = await sandbox.mintAccessToken({ orgId: LARGE_ORG_ID });
    const response = await sandbox.app.fetch(
      new Request(`http://sandbox.test/api/v1/orgs/${LARGE_ORG_ID}/documents`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.total, 500);
    assert.equal(body.documents.length, 500);
    assert.ok(body.documents[0].url.startsWith('http://sandbox.test/api/public/documents/'));
    const without = await createSandboxApp({});
    assert.ok(!without.state.orgs.some((o) => o.id === LARGE_ORG_ID), 'only when asked for');
  });
});
