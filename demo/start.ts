/**
 * `npm run demo`: the PaperOS sandbox, the demo host backend and the demo pages,
 * with no configuration and no network.
 *
 *   /                 every element wired together (Vite, ES modules from src/)
 *   /script-tag.html  the same with only dist-style script-tag bundle and plain HTML (BFF proxy mode)
 *   /react.html       the React wrappers
 *
 * The demo's origin is also the sandbox's public URL: the dev server forwards the
 * sandbox's paths (the API, document files, signing pages), so its tokens name
 * this origin and its document and signing links are same-origin for every page,
 * which is what the URL policy asks of an http link (see the README).
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { DEMO_ORG_ID, LARGE_ORG_ID, startSandbox, type RunningSandbox } from '../src/sandbox/index.js';
import { buildBundles } from '../scripts/bundle.js';
import { createHostBackend, type HostBackend } from './host-backend.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Documents in the large organization, for the virtualized list and its filter. */
export const LARGE_ORG_DOCUMENTS = 2000;

/** The sandbox paths the demo's origin forwards (everything a browser may be sent to). */
const SANDBOX_PATHS = ['^/api/(v1|public|user)/', '^/sign/', '^/\\.well-known/(openid-configuration|jwks\\.json)$'];

export interface RunningDemo {
  url: string;
  sandbox: RunningSandbox;
  vite: ViteDevServer;
  close(): Promise<void>;
}

/** A port that another process holds; `server` says which of the demo's two servers wanted it. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly server: 'demo' | 'sandbox',
  ) {
    super(`Port ${port} is already in use.`);
    this.name = 'PortInUseError';
  }
}

const inUse = (error: unknown) =>
  (error as { code?: string })?.code === 'EADDRINUSE' || /already in use/i.test(String((error as Error)?.message));

export async function startDemo(
  options: { port?: number; sandboxPort?: number; quiet?: boolean } = {},
): Promise<RunningDemo> {
  const sandboxPort = options.sandboxPort ?? 4010;
  const port = options.port ?? 5173;
  const sandbox = await startSandbox({ port: sandboxPort, documents: LARGE_ORG_DOCUMENTS }).catch((error) => {
    throw inUse(error) ? new PortInUseError(sandboxPort, 'sandbox') : error;
  });
  // The host backend is made once the sandbox knows the demo's URL and the
  // script-tag bundle is built, a few seconds after the dev server listens. A
  // page opened in that window (a tab reloaded from an earlier run) waits for
  // it: its token and config requests would otherwise fall through to the dev
  // server's 404 page.
  let backendMade!: (backend: HostBackend) => void;
  const backend = new Promise<HostBackend>((resolve) => (backendMade = resolve));
  const proxy = Object.fromEntries(SANDBOX_PATHS.map((path) => [path, { target: sandbox.url }]));
  let vite: ViteDevServer | undefined;
  try {
    vite = await createServer({
      configFile: join(root, 'vite.config.ts'),
      logLevel: options.quiet ? 'silent' : 'info',
      server: { port, strictPort: true, host: '127.0.0.1', proxy },
      plugins: [
        {
          name: 'paperos-demo-host-backend',
          configureServer(server) {
            server.middlewares.use((req, res, next) => {
              // Pages without an icon link (the sandbox's signing page) ask for /favicon.ico.
              if (req.url === '/favicon.ico') req.url = '/favicon.svg';
              void backend.then((made) => made.middleware(req, res, next));
            });
          },
        },
      ],
    });
    await vite.listen().catch((error) => {
      throw inUse(error) ? new PortInUseError(port, 'demo') : error;
    });
    const address = vite.httpServer!.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
    sandbox.setPublicUrl(url);
    // The script-tag page loads the self-registering bundle, built fresh.
    await buildBundles({ root, outdir: join(root, 'demo/public/bundle') });
    const hostBackend = await createHostBackend({
      paperosUrl: sandbox.url,
      publicUrl: url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      exampleOrgId: DEMO_ORG_ID,
      orgNotes: { [LARGE_ORG_ID]: `${LARGE_ORG_DOCUMENTS.toLocaleString('en-US')} documents` },
    });
    backendMade(hostBackend);
    const running = vite;
    return {
      url,
      sandbox,
      vite: running,
      close: async () => {
        await running.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await vite?.close();
    await sandbox.close();
    throw error;
  }
}

/** A port from the environment: unset is the default, anything but 0..65535 is an error naming the variable. */
function portFrom(variable: 'PORT' | 'SANDBOX_PORT', fallback: number): number {
  const raw = process.env[variable]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`${variable}=${raw} is not a port: use a number from 0 to 65535 (0 picks a free one).`);
    process.exit(1);
  }
  return port;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = portFrom('PORT', 5173);
  const sandboxPort = portFrom('SANDBOX_PORT', 4010);
  const demo = await startDemo({ port, sandboxPort, quiet: true }).catch((error: unknown) => {
    if (!(error instanceof PortInUseError)) throw error;
    const variable = error.server === 'demo' ? 'PORT' : 'SANDBOX_PORT';
    const what = error.server === 'demo' ? 'the demo pages' : 'the sandbox';
    console.error(
      `Port ${error.port} (${what}) is already in use: set ${variable} to a free port, ` +
        `e.g. ${variable}=${error.port + 1} npm run demo (${variable}=0 picks one).`,
    );
    process.exit(1);
  });
  console.log(`PaperOS Elements demo

  Demo page         ${demo.url}/
  Script-tag page   ${demo.url}/script-tag.html
  React page        ${demo.url}/react.html
  Sandbox API       ${demo.sandbox.url}, and under ${demo.url}  (client_id ${demo.sandbox.clientId})

Press Ctrl+C to stop.`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
