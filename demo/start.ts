/**
 * `npm run demo`: the PaperOS sandbox, the demo host backend and the demo pages,
 * with no configuration and no network.
 *
 *   /                 every element wired together (Vite, ES modules from src/)
 *   /script-tag.html  the same with only dist-style script-tag bundle and plain HTML (BFF proxy mode)
 *   /react.html       the React wrappers
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { DEMO_ORG_ID, startSandbox, type RunningSandbox } from '../src/sandbox/index.js';
import { buildBundles } from '../scripts/bundle.js';
import { createHostBackend } from './host-backend.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningDemo {
  url: string;
  sandbox: RunningSandbox;
  vite: ViteDevServer;
  close(): Promise<void>;
}

export async function startDemo(
  options: { port?: number; sandboxPort?: number; quiet?: boolean } = {},
): Promise<RunningDemo> {
  const sandbox = await startSandbox({ port: options.sandboxPort ?? 4010, documents: 2000 });
  const backend = await createHostBackend({
    paperosUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    exampleOrgId: DEMO_ORG_ID,
  });
  // The script-tag page loads the self-registering bundle, built fresh.
  await buildBundles({ root, outdir: join(root, 'demo/public/bundle') });
  const vite = await createServer({
    configFile: join(root, 'vite.config.ts'),
    logLevel: options.quiet ? 'silent' : 'info',
    server: { port: options.port ?? 5173, strictPort: false, host: '127.0.0.1' },
    plugins: [
      {
        name: 'paperos-demo-host-backend',
        configureServer(server) {
          server.middlewares.use(backend.middleware);
        },
      },
    ],
  });
  await vite.listen();
  const address = vite.httpServer!.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5173);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    sandbox,
    vite,
    close: async () => {
      await vite.close();
      await sandbox.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = await startDemo({
    port: Number(process.env.PORT) || 5173,
    sandboxPort: Number(process.env.SANDBOX_PORT) || 4010,
    quiet: true,
  });
  console.log(`PaperOS Elements demo

  Demo page         ${demo.url}/
  Script-tag page   ${demo.url}/script-tag.html
  React page        ${demo.url}/react.html
  Sandbox API       ${demo.sandbox.url}  (client_id ${demo.sandbox.clientId})

Press Ctrl+C to stop.`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
