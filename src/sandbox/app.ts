import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { SandboxParts } from './auth.js';
import { FaultSwitch, faultMiddleware, type FaultRule } from './faults.js';
import { json, protocol, requestLog, type SandboxEnv } from './http.js';
import { adminRoutes, rotateKeys } from './routes/admin.js';
import { clientRoutes } from './routes/clients.js';
import { debugRoutes } from './routes/debug.js';
import { documentRoutes } from './routes/documents.js';
import { linkRoutes } from './routes/links.js';
import { orgRoutes } from './routes/orgs.js';
import { recordRoutes } from './routes/records.js';
import { inProcessTokens, tokenRoutes } from './routes/tokens.js';
import { workflowRoutes } from './routes/workflows.js';
import { rng, type SandboxState } from './seed.js';
import { Store, readDataFile } from './store.js';
import { TokenIssuer } from './tokens.js';

export interface SandboxOptions {
  /** Public base URL: the token issuer and the origin of document and signing links (default http://127.0.0.1:4010). */
  issuer?: string;
  /** Same as `issuer`. */
  publicUrl?: string;
  /** Browser origins allowed by CORS: a list, `'*'`, or (default) any http(s) localhost / 127.0.0.1 / [::1] origin. */
  allowedOrigins?: string[] | '*';
  /** Add a large organization (`LARGE_ORG_ID`) with this many generated documents (default none). */
  documents?: number;
  /** Seed for generated data and for fault `rate` draws (default 42). */
  seed?: number;
  /** Faults active from the start. */
  faults?: FaultRule[];
  /** Persist state here (atomic writes); in memory when absent. An existing file wins over the seed. */
  dataFile?: string;
  /** Lifetime of minted tokens when the request names none, seconds (default 3600). */
  tokenTtlSec?: number;
  /** Lifetime of signed document and signing links, seconds (default 900, like the doc's examples). */
  documentUrlTtlSec?: number;
  /** Called with one line per request (`GET /path 200 3ms`); link tokens in paths are redacted. */
  log?: (line: string) => void;
  /** Clock, epoch milliseconds (tests). */
  now?: () => number;
}

export interface SandboxApp {
  /** The Hono app: serve it, or call `app.fetch(request)` in-process. */
  app: Hono;
  /** The live data (mutated in place by requests and `reset`). */
  state: SandboxState;
  /** The issuer and base of signed links. */
  readonly issuer: string;
  /** Signs an org-scoped access token in-process (a test and demo convenience; the real path is the integration endpoints). */
  mintAccessToken(options?: { orgId?: string; sub?: string; expiresInSec?: number }): Promise<string>;
  /** Signs an ID token (no org) in-process. */
  mintIdToken(options?: { sub?: string; expiresInSec?: number }): Promise<string>;
  /** Replaces the active faults (validated; throws a TypeError naming the bad field). */
  setFaults(faults: FaultRule[]): void;
  clearFaults(): void;
  /** The active faults, with `times` counted down. */
  faults(): FaultRule[];
  /** Puts the data back to the seed (the signing key stays). */
  reset(): void;
  /** A new signing key: tokens and links signed with the old one get 401 from now on; the JWKS lists only the new key. */
  rotateKeys(): Promise<{ kid: string }>;
  /** Moves the issuer and link base (e.g. behind a proxy known only after start); earlier tokens and links stop working. */
  setPublicUrl(url: string): void;
}

/** Each resource's routes, in routes/: a new one is a file there returning a Hono app, mounted here. */
const RESOURCES = [
  adminRoutes,
  tokenRoutes,
  clientRoutes,
  debugRoutes,
  orgRoutes,
  recordRoutes,
  workflowRoutes,
  documentRoutes,
  linkRoutes,
];

/** Builds the sandbox (no listening): the Hono app and its state. */
export async function createSandboxApp(options: SandboxOptions = {}): Promise<SandboxApp> {
  const now = options.now ?? Date.now;
  const tokenTtl = options.tokenTtlSec ?? 3600;
  const urlTtl = options.documentUrlTtlSec ?? 900;
  for (const [name, value] of Object.entries({ tokenTtlSec: tokenTtl, documentUrlTtlSec: urlTtl })) {
    if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number of seconds.`);
  }
  const faults = new FaultSwitch(options.faults ?? []);
  const persisted = options.dataFile ? readDataFile(options.dataFile) : undefined;
  const tokens = await TokenIssuer.create({
    issuer: (options.issuer ?? options.publicUrl ?? 'http://127.0.0.1:4010').replace(/\/+$/, ''),
    privateJwk: persisted?.privateJwk,
    now,
  });
  const store = new Store({
    state: persisted?.state,
    seed: { documents: options.documents, seed: options.seed, now },
    dataFile: options.dataFile,
    signingKey: () => tokens.exportPrivateJwk(),
    now,
  });
  if (options.dataFile && !persisted) store.save();
  const parts: SandboxParts = { store, tokens, faults, tokenTtl, urlTtl };

  const app = new Hono<SandboxEnv>();
  app.onError((error, c) =>
    error instanceof HTTPException
      ? error.getResponse()
      : json(c, { success: false, message: 'Internal sandbox error.' }, 500),
  );
  app.notFound((c) => json(c, { success: false, message: `No route for ${c.req.method} ${c.req.path}.` }, 404));
  if (options.log) app.use(requestLog(options.log));
  app.use(...protocol(app, options.allowedOrigins), faultMiddleware(faults, rng(options.seed ?? 42)));
  for (const routes of RESOURCES) app.route('/', routes(parts));

  return {
    app: app as unknown as Hono,
    state: store.state,
    get issuer() {
      return tokens.issuer;
    },
    ...inProcessTokens(parts),
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    reset: () => store.reset(),
    rotateKeys: () => rotateKeys(parts),
    setPublicUrl: (url) => void (tokens.issuer = url.replace(/\/+$/, '')),
  };
}
