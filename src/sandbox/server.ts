import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from './app.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './seed.js';

export interface StartSandboxOptions extends SandboxOptions {
  /** Port to listen on; 0 picks a free one (default 4010). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
}

export interface RunningSandbox extends Omit<Sandbox, 'app' | 'setPublicUrl'> {
  /** Where it listens (tokens and links use `publicUrl` when one was given). */
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** Starts the sandbox as a real HTTP server. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const sandbox = await createSandbox(options);
  const server = serve({ fetch: sandbox.app.fetch, port: options.port ?? 4010, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  sandbox.setPublicUrl(options.publicUrl ?? url);
  return {
    url,
    port,
    state: sandbox.state,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    mintAccessToken: sandbox.mintAccessToken,
    setFaults: sandbox.setFaults,
    clearFaults: sandbox.clearFaults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
