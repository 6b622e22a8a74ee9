import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createSandboxApp, type SandboxApp, type SandboxOptions } from './app.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './seed.js';

export interface StartSandboxOptions extends SandboxOptions {
  /** Port to listen on; 0 picks a free one (default 4010). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** No request log (the default for `startSandbox`; the CLI logs unless `--quiet`). */
  quiet?: boolean;
  /** Rotate the signing key every this many seconds (default never; see `rotateKeys`). */
  rotateKeysEverySec?: number;
}

export interface RunningSandbox extends Omit<SandboxApp, 'app'> {
  /** Where it listens. Tokens and links use `issuer`, which is this URL unless `issuer`/`publicUrl` was given. */
  url: string;
  port: number;
  /** The demo OIDC client's credentials (`DEMO_CLIENT_ID`, `DEMO_CLIENT_SECRET`). */
  clientId: string;
  clientSecret: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts the sandbox as a real HTTP server. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError('port must be 0..65535.');
  const log = options.quiet === false ? (options.log ?? ((line: string) => console.log(line))) : options.log;
  const every = options.rotateKeysEverySec;
  if (every !== undefined && !(Number.isFinite(every) && every > 0))
    throw new TypeError('rotateKeysEverySec must be a positive number of seconds.');
  const sandbox = await createSandboxApp({ ...options, log });
  const server = serve({ fetch: sandbox.app.fetch, port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  sandbox.setPublicUrl(options.issuer ?? options.publicUrl ?? url);
  const { app: _app, ...rest } = sandbox;
  const rotation =
    every === undefined
      ? undefined
      : setInterval(() => {
          void sandbox.rotateKeys().then(
            ({ kid }) => log?.(`signing key rotated: ${kid}`),
            (error: Error) => (log ?? console.error)(`signing key rotation failed: ${error.message}`),
          );
        }, every * 1000).unref();
  return Object.defineProperties(
    {
      ...rest,
      url,
      port: actualPort,
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      close: () =>
        new Promise<void>((resolve, reject) => {
          clearInterval(rotation);
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    },
    // a getter, so it follows setPublicUrl
    { issuer: { get: () => sandbox.issuer, enumerable: true } },
  ) as RunningSandbox;
}
