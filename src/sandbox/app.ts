import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { RETAINED_304_HEADERS, etag } from 'hono/etag';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { JWK } from 'jose';
import * as v from 'valibot';
import { documentFile } from './files.js';
import { FaultSwitch, faultMiddleware, parseFaults, type FaultRule } from './faults.js';
import { readJsonFile, writeFileAtomic } from './persistence.js';
import {
  DEMO_CLIENT_ID,
  DEMO_ORG_ID,
  DEMO_SUBJECT,
  recordTypeSlug,
  resourceTypeId,
  rng,
  seedState,
  type SandboxClient,
  type SandboxDocument,
  type SandboxRecord,
  type SandboxState,
  type SandboxSubject,
} from './seed.js';
import { TokenError, TokenIssuer, type TokenClaims, type TokenKind } from './tokens.js';

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

/** @deprecated the earlier name of `SandboxApp`. */
export type Sandbox = SandboxApp;

/** What `--data FILE` holds. */
interface Persisted {
  format: 'paperos-sandbox/1';
  state: SandboxState;
  privateJwk: JWK;
}

const MAX_BODY_BYTES = 1_000_000;
const BUSINESS_TYPES = ['for_profit', 'investment_vehicle', 'professional_services', 'other'];
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

const fail = (status: number, message: string): never => {
  throw new HTTPException(status as 400, {
    res: new Response(JSON.stringify({ success: false, message }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  });
};
const json = (c: Context, body: unknown, status = 200) => c.json(body as object, status as 200);

// --- request bodies (unknown keys are tolerated, as a real API would)
const text = (max = 1000) => v.pipe(v.string(), v.maxLength(max));
const SubjectCreate = v.looseObject({
  external_id: v.optional(text(200)),
  email: v.optional(v.pipe(text(320), v.email('email must be an email address'))),
  email_verified: v.optional(v.boolean()),
  given_name: v.optional(text(200)),
  family_name: v.optional(text(200)),
  phone: v.optional(text(50)),
  zoneinfo: v.optional(text(100)),
  locale: v.optional(text(50)),
});
const SubjectUpdate = v.looseObject({
  external_id: v.optional(text(200)),
  email: v.optional(v.pipe(text(320), v.email('email must be an email address'))),
  given_name: v.optional(text(200)),
  family_name: v.optional(text(200)),
  zoneinfo: v.optional(text(100)),
  locale: v.optional(text(50)),
});
const claim = <T extends v.GenericSchema>(schema: T) => v.optional(v.looseObject({ value: schema }));
const TokenRequest = v.looseObject({
  claims: v.looseObject({
    external_id: claim(text(200)),
    sub: claim(text(200)),
    org_id: claim(text(200)),
    auth_time: claim(v.pipe(v.number(), v.integer())),
    exp: claim(v.pipe(v.number(), v.integer())),
    amr: v.optional(v.looseObject({ values: v.array(v.string()) })),
  }),
});
const OidcClientCreate = v.looseObject({
  redirect_uris: v.pipe(v.array(v.pipe(v.string(), v.url('redirect_uris must be URLs'))), v.minLength(1)),
  client_name: v.optional(text(200)),
  response_types: v.optional(v.array(v.string())),
  grant_types: v.optional(v.array(v.string())),
  contacts: v.optional(v.array(v.string())),
});
const OrgCreate = v.looseObject({
  name: v.pipe(text(200), v.trim(), v.minLength(1, 'name must not be empty')),
  fields: v.optional(v.record(v.string(), v.unknown())),
});
const RecordCreate = v.looseObject({
  type: text(50),
  name: v.optional(text(500)),
  fields: v.optional(v.record(v.string(), v.unknown())),
});
const RecordUpdate = v.looseObject({
  fields: v.record(v.string(), v.unknown()),
});
const WorkflowStart = v.looseObject({
  flow_id: text(100),
  records: v.optional(
    v.pipe(v.array(v.looseObject({ role: text(100), id: v.union([text(100), v.number()]) })), v.maxLength(100)),
  ),
  auto_submit: v.optional(v.union([v.number(), v.boolean()])),
});

/** Persisted state must at least have the collections the routes read. */
function checkPersisted(file: string, data: unknown): Persisted {
  const p = data as Partial<Persisted> | null;
  const s = p?.state as Partial<SandboxState> | undefined;
  const ok =
    !!s &&
    typeof p?.privateJwk === 'object' &&
    ['clients', 'subjects', 'orgs', 'templates'].every((k) => Array.isArray(s[k as keyof SandboxState])) &&
    ['workflows', 'records', 'documents'].every((k) => typeof s[k as keyof SandboxState] === 'object');
  if (!ok) throw new Error(`${file} is not a PaperOS sandbox data file (move it away, or pass another --data).`);
  return { ...(p as Persisted), format: 'paperos-sandbox/1' };
}

/** Builds the sandbox (no listening): the Hono app and its state. */
export async function createSandboxApp(options: SandboxOptions = {}): Promise<SandboxApp> {
  const now = options.now ?? Date.now;
  const faultRandom = rng(options.seed ?? 42);
  const tokenTtl = options.tokenTtlSec ?? 3600;
  const urlTtl = options.documentUrlTtlSec ?? 900;
  for (const [name, value] of [
    ['tokenTtlSec', tokenTtl],
    ['documentUrlTtlSec', urlTtl],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number of seconds.`);
  }
  const faults = new FaultSwitch(options.faults ?? []);
  const seedOptions = { documents: options.documents, seed: options.seed, now };

  let persisted: Persisted | undefined;
  if (options.dataFile) {
    let data: unknown;
    try {
      data = readJsonFile(options.dataFile);
    } catch (error) {
      throw new Error(`Cannot read ${options.dataFile}: ${(error as Error).message}`);
    }
    if (data !== undefined) persisted = checkPersisted(options.dataFile, data);
  }
  const state: SandboxState = persisted?.state ?? seedState(seedOptions);
  const tokens = await TokenIssuer.create({
    issuer: (options.issuer ?? options.publicUrl ?? 'http://127.0.0.1:4010').replace(/\/+$/, ''),
    privateJwk: persisted?.privateJwk,
    now,
  });

  // Every change is written before the response goes out, so an acknowledged change survives a crash.
  const save = () => {
    state.version++;
    if (!options.dataFile) return;
    const data: Persisted = { format: 'paperos-sandbox/1', state, privateJwk: tokens.exportPrivateJwk() };
    writeFileAtomic(options.dataFile, JSON.stringify(data));
  };
  if (options.dataFile && !persisted) save();

  const iso = () => new Date(now()).toISOString();
  const seconds = () => tokens.seconds();

  /** A random id that no existing id repeats (runtime ids are random, so a restart never reissues one). */
  function newId(prefix: string, length: number, taken: (id: string) => boolean): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const id = `${prefix}_${Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;
      if (!taken(id)) return id;
    }
    return fail(500, 'Could not allocate an id.');
  }

  function subjectClaims(subject: SandboxSubject, clientId: string): Record<string, unknown> {
    return {
      sub: subject.sub,
      client_id: clientId,
      auth_time: seconds(),
      email: subject.email,
      given_name: subject.given_name,
      family_name: subject.family_name,
    };
  }

  const demoSubject = (sub?: string) =>
    state.subjects.find((s) => s.sub === (sub ?? DEMO_SUBJECT)) ??
    (sub ? fail(404, `Subject ${sub} was not found.`) : state.subjects[0]);

  async function mintAccessToken(opts: { orgId?: string; sub?: string; expiresInSec?: number } = {}) {
    const subject = demoSubject(opts.sub);
    const claims = { ...subjectClaims(subject, subject.oidc_client_id), org_id: opts.orgId ?? DEMO_ORG_ID };
    return tokens.sign({ ...claims, token_use: 'access' }, opts.expiresInSec ?? tokenTtl);
  }
  async function mintIdToken(opts: { sub?: string; expiresInSec?: number } = {}) {
    const subject = demoSubject(opts.sub);
    return tokens.sign(
      { ...subjectClaims(subject, subject.oidc_client_id), token_use: 'id' },
      opts.expiresInSec ?? tokenTtl,
    );
  }

  async function presentDocument(doc: SandboxDocument) {
    return {
      path: doc.path,
      filename: doc.filename,
      recipients: await Promise.all(
        doc.recipients.map(async (r) => ({
          name: r.name,
          email: r.email,
          status: r.status,
          sign_url:
            r.status === 'pending'
              ? await tokens.link(`sign:${r.id}`, `/sign/${r.id}`, { doc: doc.pub_id, recipient: r.id }, urlTtl)
              : null,
        })),
      ),
      url: await tokens.link(`file:${doc.file}`, `/api/public/documents/${doc.file}`, { file: doc.file }, urlTtl),
      pub_id: doc.pub_id,
    };
  }

  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    return json(c, { success: false, message: 'Internal sandbox error.' }, 500);
  });
  app.notFound((c) => json(c, { success: false, message: `No route for ${c.req.method} ${c.req.path}.` }, 404));

  if (options.log) app.use('*', requestLog(options.log));
  const allowed = options.allowedOrigins;
  app.use(
    '*',
    cors({
      origin: (origin) => {
        if (!origin) return null;
        if (allowed === '*') return origin;
        if (Array.isArray(allowed)) return allowed.includes(origin) ? origin : null;
        return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin) ? origin : null;
      },
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        c.json({ success: false, message: `${c.req.method} is not allowed here; use ${methods.join(', ')}.` }, 405, {
          Allow: methods.join(', '),
        }),
    }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // the rest of the body is never read, so the connection cannot carry another request
      onError: (c) =>
        c.json({ success: false, message: 'The body is larger than 1 MB.' }, 413, { Connection: 'close' }),
    }),
  );
  app.use('*', faultMiddleware(faults, faultRandom));

  /** GET lists: revalidate every time (`no-cache`), answer 304 to a matching If-None-Match. */
  // A 304 keeps the CORS headers: without them a browser treats the revalidation as a network error.
  const etagged = etag({
    retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers', 'vary'],
  });
  const conditional: MiddlewareHandler = async (c, next) => {
    await etagged(c, next);
    if (c.res.status === 200 || c.res.status === 304) c.res.headers.set('Cache-Control', 'private, no-cache');
  };

  // --- admin: faults and state at run time (for browser tests and demos)
  app.get('/__sandbox/faults', (c) => json(c, { faults: faults.list() }));
  app.post('/__sandbox/faults', async (c) => {
    const body = await readJson(c);
    try {
      faults.set(parseFaults(body));
    } catch (error) {
      return fail(400, (error as Error).message);
    }
    return json(c, { faults: faults.list() });
  });
  app.delete('/__sandbox/faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });
  app.post('/__sandbox/reset', (c) => {
    reset();
    return c.body(null, 204);
  });
  app.post('/__sandbox/rotate-keys', async (c) => json(c, await rotateKeys()));

  app.get('/', (c) =>
    json(c, {
      service: 'PaperOS sandbox',
      issuer: tokens.issuer,
      discovery: `${tokens.issuer}/.well-known/openid-configuration`,
      demo: { client_id: DEMO_CLIENT_ID, org_id: DEMO_ORG_ID, sub: DEMO_SUBJECT },
    }),
  );

  // --- OIDC discovery
  app.get('/.well-known/openid-configuration', (c) =>
    json(c, {
      issuer: tokens.issuer,
      jwks_uri: `${tokens.issuer}/.well-known/jwks.json`,
      registration_endpoint: `${tokens.issuer}/api/v1/oidc/clients`,
      id_token_signing_alg_values_supported: ['ES256'],
      subject_types_supported: ['pairwise'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      claims_supported: [
        'sub',
        'iss',
        'exp',
        'iat',
        'jti',
        'auth_time',
        'client_id',
        'org_id',
        'email',
        'given_name',
        'family_name',
      ],
    }),
  );
  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return json(c, { keys: [tokens.publicJwk] });
  });

  // --- client credentials (HTTP Basic, RFC 6749 2.3.1) on the integration endpoints
  const sameSecret = (a: string, b: string) =>
    timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
  const clientOf = (c: Context): SandboxClient => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    if (!match) return fail(401, 'Client credentials are required (HTTP Basic).');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return fail(401, 'Malformed client credentials.');
    const raw = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    // RFC 6749 form-encodes both parts; clients that send them raw (the doc's btoa example) work too
    let formDecoded = raw;
    try {
      formDecoded = raw.map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    } catch {
      // not form-encoded: compare the raw parts only
    }
    const client = state.clients.find((cl) => cl.client_id === formDecoded[0] || cl.client_id === raw[0]);
    if (!client || !(sameSecret(client.client_secret, formDecoded[1]) || sameSecret(client.client_secret, raw[1])))
      return fail(401, 'Unknown client or wrong secret.');
    return client;
  };

  const bearer = async (c: Context, kinds: TokenKind[] = ['id', 'access']): Promise<TokenClaims> => {
    const header = c.req.header('authorization');
    if (!header) return fail(401, 'A Bearer token is required.');
    const match = /^Bearer\s+([A-Za-z0-9_.-]+)$/i.exec(header);
    if (!match) return fail(401, 'The Authorization header must be "Bearer <token>".');
    let claims: TokenClaims;
    try {
      claims = await tokens.verify(match[1]);
    } catch (error) {
      return fail(401, error instanceof TokenError ? error.message : 'The token is invalid.');
    }
    if (!kinds.includes(claims.token_use))
      return fail(401, `This endpoint needs ${kinds.includes('access') ? 'an access' : 'an ID'} token.`);
    return claims;
  };

  const orgScope = async (c: Context) => {
    const claims = await bearer(c, ['access']);
    const orgId = c.req.param('org')!;
    if (!state.orgs.some((o) => o.id === orgId)) return fail(404, `Organization ${orgId} was not found.`);
    if (claims.org_id !== orgId) return fail(403, 'This token is for another organization.');
    return { claims, orgId };
  };

  async function readJson(c: Context): Promise<unknown> {
    const type = c.req.header('content-type');
    if (type && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type))
      return fail(406, 'Send the body as JSON (Content-Type: application/json).');
    try {
      return await c.req.json();
    } catch {
      return fail(400, 'The body must be JSON.');
    }
  }
  async function readBody<T extends v.GenericSchema>(c: Context, schema: T): Promise<v.InferOutput<T>> {
    const body = await readJson(c);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'The body must be a JSON object.');
    const result = v.safeParse(schema, body);
    if (!result.success) {
      const issue = result.issues[0];
      const where = v.getDotPath(issue);
      return fail(400, `${where ? `${where}: ` : ''}${issue.message}`);
    }
    return result.output;
  }

  // --- OIDC clients (Bearer: a user's token, as the doc describes)
  const presentClient = (cl: SandboxClient) => ({
    client_id: cl.client_id,
    rp_id: cl.rp_id,
    org_id: cl.org_id,
    external_id: null,
    sector_identifier: uuidFrom(cl.client_id),
    redirect_uris: cl.redirect_uris,
    response_types: (cl.response_types as string[] | undefined) ?? ['code'],
    grant_types: (cl.grant_types as string[] | undefined) ?? ['authorization_code'],
    application_type: 'web',
    contacts: (cl.contacts as string[] | undefined) ?? [],
    client_name: cl.client_name,
    logo_uri: cl.logo_uri ?? null,
    client_uri: cl.client_uri ?? null,
    policy_uri: cl.policy_uri ?? null,
    tos_uri: cl.tos_uri ?? null,
    jwks_uri: null,
    sector_identifier_uri: cl.sector_identifier_uri ?? null,
    subject_type: 'pairwise',
    token_endpoint_auth_method: 'client_secret_basic',
    default_max_age: 0,
    require_auth_time: true,
    initiate_login_uri: cl.initiate_login_uri ?? null,
    requestable_scopes: ['profile', 'impersonation'],
    client_id_issued_at: cl.client_id_issued_at,
    secrets: [
      {
        id: `occs_${cl.client_id.slice(5)}`,
        secret: cl.client_secret,
        comment: '',
        expires_at: null,
        created_at: new Date(cl.client_id_issued_at * 1000).toISOString().replace('.000', ''),
        revoked_at: null,
      },
    ],
    client_secret_expires_at: 0,
    client_secret: cl.client_secret,
  });
  app.post('/api/v1/oidc/clients', async (c) => {
    const claims = await bearer(c);
    const input = await readBody(c, OidcClientCreate);
    const client: SandboxClient = {
      ...input,
      client_id: newId('oidc', 16, (id) => state.clients.some((cl) => cl.client_id === id)),
      client_secret: crypto.randomUUID(),
      rp_id: newId('ocrp', 16, (id) => state.clients.some((cl) => cl.rp_id === id)),
      client_name: input.client_name ?? '',
      redirect_uris: input.redirect_uris,
      // the org it was registered for: the token's, else the user's first
      org_id: claims.org_id ?? state.subjects.find((s) => s.sub === claims.sub)?.orgs[0] ?? null,
      client_id_issued_at: seconds(),
    };
    state.clients.push(client);
    save();
    // the registration answer (RFC 7591 style): the listing's fields minus org, secrets list and external id
    const { org_id: _org, external_id: _external, secrets: _secrets, ...registered } = presentClient(client);
    return json(c, { ...registered, requestable_scopes: ['profile'] });
  });
  app.get('/api/v1/oidc/clients', async (c) => {
    await bearer(c);
    const oidc_clients = state.clients.map(presentClient);
    return json(c, {
      success: true,
      total: oidc_clients.length,
      type: '[]<oidc_client>',
      oidc_clients,
      count: oidc_clients.length,
    });
  });

  // --- subjects (client credentials)
  const presentSubject = (s: SandboxSubject) => ({
    oidc_client_id: s.oidc_client_id,
    sub: s.sub,
    external_id: s.external_id,
    first_name: s.given_name,
    last_name: s.family_name,
    email: s.email,
    phone: s.phone,
    zoneinfo: s.zoneinfo,
    locale: s.locale,
    picture: null,
    granted_scopes: s.granted_scopes,
    orgs: s.orgs.map((id) => ({ id, name: state.orgs.find((o) => o.id === id)?.name ?? id })),
    created_at: s.created_at,
    updated_at: s.updated_at,
  });
  app.post('/api/v1/integrations/users', async (c) => {
    const client = clientOf(c);
    const body = await readBody(c, SubjectCreate);
    if (body.email === undefined && body.external_id === undefined) fail(400, 'external_id or email is required.');
    // creating a subject that exists (same client, same external_id) answers the existing one
    const existing =
      body.external_id !== undefined &&
      state.subjects.find((s) => s.oidc_client_id === client.client_id && s.external_id === body.external_id);
    if (existing) return json(c, { success: true, type: '<oidc_subject>', subject: presentSubject(existing) });
    const subject: SandboxSubject = {
      sub: newId('sub', 16, (id) => state.subjects.some((s) => s.sub === id)),
      oidc_client_id: client.client_id,
      external_id: body.external_id ?? null,
      email: body.email ?? null,
      given_name: body.given_name ?? null,
      family_name: body.family_name ?? null,
      phone: body.phone ?? null,
      zoneinfo: body.zoneinfo ?? 'UTC',
      locale: body.locale ?? 'en-US',
      granted_scopes: ['profile', 'impersonation'],
      orgs: [],
      created_at: iso(),
      updated_at: iso(),
    };
    state.subjects.push(subject);
    save();
    return json(c, { success: true, type: '<oidc_subject>', subject: presentSubject(subject) });
  });
  app.patch('/api/v1/integrations/users/:sub', async (c) => {
    const client = clientOf(c);
    const subject = state.subjects.find((s) => s.sub === c.req.param('sub') && s.oidc_client_id === client.client_id);
    if (!subject) return fail(404, `Subject ${c.req.param('sub')} was not found.`);
    const body = await readBody(c, SubjectUpdate);
    for (const key of ['external_id', 'locale', 'zoneinfo', 'email', 'given_name', 'family_name'] as const) {
      if (body[key] !== undefined) subject[key] = body[key];
    }
    subject.updated_at = iso();
    save();
    return c.body(null, 204);
  });
  app.get('/api/v1/integrations/users', (c) => {
    const client = clientOf(c);
    const subjects = state.subjects
      .filter((s) => s.oidc_client_id === client.client_id)
      .map((s) => ({
        given_name: s.given_name,
        family_name: s.family_name,
        email: s.email,
        locale: s.locale,
        zoneinfo: s.zoneinfo,
        external_id: s.external_id,
        sub: s.sub,
        granted_scopes: s.granted_scopes,
        orgs: presentSubject(s).orgs,
      }));
    return json(c, { success: true, type: '<[]oidc_subject>', subjects });
  });

  async function tokenRequest(c: Context, kind: TokenKind): Promise<string> {
    const client = clientOf(c);
    const { claims: asked } = await readBody(c, TokenRequest);
    const externalId = asked.external_id?.value;
    const sub = asked.sub?.value;
    if (externalId === undefined && sub === undefined)
      fail(400, 'claims.external_id.value (or claims.sub.value) is required.');
    const subject = state.subjects.find(
      (s) =>
        s.oidc_client_id === client.client_id &&
        ((externalId !== undefined && s.external_id === externalId) || (sub !== undefined && s.sub === sub)),
    );
    if (!subject) return fail(404, 'No subject with that external_id for this client.');
    // an `exp` in the future sets the lifetime (at most a day); one already past (like the doc's
    // fixed example timestamps) falls back to the default, so the doc's requests can be replayed
    const exp = asked.exp?.value;
    const ttl = exp !== undefined && exp > seconds() ? Math.min(exp - seconds(), 86_400) : tokenTtl;
    const claims: Record<string, unknown> = { ...subjectClaims(subject, client.client_id), token_use: kind };
    if (asked.auth_time?.value !== undefined) claims.auth_time = asked.auth_time.value;
    if (asked.amr?.values) claims.amr = asked.amr.values;
    if (kind === 'access') {
      const orgId = asked.org_id?.value;
      if (orgId === undefined) return fail(400, 'claims.org_id.value is required.');
      if (!state.orgs.some((o) => o.id === orgId)) return fail(404, `Organization ${orgId} was not found.`);
      if (!subject.orgs.includes(orgId)) return fail(403, 'This subject has no access to that organization.');
      claims.org_id = orgId;
    }
    return tokens.sign(claims, ttl);
  }
  app.post('/api/v1/integrations/id-token', async (c) => json(c, { id_token: await tokenRequest(c, 'id') }));
  app.post('/api/v1/integrations/access-token', async (c) =>
    json(c, { access_token: await tokenRequest(c, 'access') }),
  );

  // --- token debug
  const isoSeconds = (value: unknown) => (typeof value === 'number' ? new Date(value * 1000).toISOString() : null);
  const debug = (c: Context, claims: TokenClaims, accountId: number | null) => {
    const url = new URL(c.req.url);
    return {
      user: {
        account_id: accountId,
        partner_id: null,
        auth_time: isoSeconds(claims.auth_time),
        iat: isoSeconds(claims.iat),
        exp: isoSeconds(claims.exp),
        api_token: true,
        email: claims.email ?? null,
      },
      method: c.req.method,
      originalUrl: url.pathname + url.search,
    };
  };
  app.get('/api/user/debug', async (c) => json(c, debug(c, await bearer(c), null)));
  /** The org named by `account_id` (an org id or its numeric account id), checked against the token. */
  const accountOrg = (claims: TokenClaims, account: string | undefined) => {
    if (account === undefined || account === '') {
      if (claims.token_use === 'id') return fail(400, 'account_id is required with an ID token.');
      return state.orgs.find((o) => o.id === claims.org_id) ?? fail(404, 'Organization not found.');
    }
    const org = state.orgs.find((o) => o.id === account || String(o.account_id) === account);
    if (!org) return fail(404, `Account ${account} was not found.`);
    const allowedOrg =
      claims.token_use === 'access'
        ? claims.org_id === org.id
        : !!state.subjects.find((s) => s.sub === claims.sub)?.orgs.includes(org.id);
    if (!allowedOrg) return fail(403, 'This token has no access to that organization.');
    return org;
  };
  app.get('/api/v1/org/debug', async (c) => {
    const claims = await bearer(c);
    const org = accountOrg(claims, c.req.query('account_id'));
    return json(c, debug(c, claims, org.account_id));
  });

  // --- organizations
  app.get('/api/v1/orgs', conditional, async (c) => {
    const claims = await bearer(c);
    const raw = c.req.query('updated_since');
    if (raw === undefined || raw === '')
      return fail(400, 'updated_since is required (pass 0, or the previous updated_at).');
    const since = Number(raw);
    if (!Number.isFinite(since) || since < 0) return fail(400, 'updated_since must be epoch seconds.');
    const subject = state.subjects.find((s) => s.sub === claims.sub);
    const orgs = state.orgs
      .filter((o) => subject?.orgs.includes(o.id))
      .filter((o) => Date.parse(o.updated_at) / 1000 >= since)
      .map(({ account_id: _a, ...o }) => o);
    return json(c, { updated_at: seconds(), orgs });
  });
  app.post('/api/v1/orgs', async (c) => {
    const claims = await bearer(c);
    const body = await readBody(c, OrgCreate);
    const businessType = body.fields?.business_type;
    if (businessType !== undefined && !BUSINESS_TYPES.includes(String(businessType))) {
      fail(422, `business_type must be one of ${BUSINESS_TYPES.join(', ')}.`);
    }
    const subject = state.subjects.find((s) => s.sub === claims.sub);
    if (!subject) return fail(401, 'The token names no known subject.');
    const org = {
      id: newId('org', 26, (id) => state.orgs.some((o) => o.id === id)),
      name: body.name,
      brand_id: newId('brand', 26, () => false),
      account_id: Math.max(0, ...state.orgs.map((o) => o.account_id)) + 1,
      created_at: iso(),
      updated_at: iso(),
    };
    state.orgs.push(org);
    subject.orgs.push(org.id);
    state.records[org.id] = [];
    state.documents[org.id] = [];
    state.workflows[org.id] = [];
    save();
    const { account_id: _a, ...shown } = org;
    return json(c, shown);
  });

  // --- records
  const presentRecord = ({ type: _t, ...record }: SandboxRecord) => record;
  app.get('/api/v1/orgs/:org/records', conditional, async (c) => {
    const { orgId } = await orgScope(c);
    let records = state.records[orgId] ?? [];
    const type = c.req.query('type');
    if (type && type !== '*') {
      const slug = recordTypeSlug(type);
      if (!slug) return fail(400, `Unknown record type ${type}.`);
      records = records.filter((r) => r.type === slug);
    }
    const recId = c.req.query('rec_id');
    const recIds = c.req.query('rec_ids')?.split(',').filter(Boolean);
    if (recId) records = records.filter((r) => String(r.id) === recId);
    if (recIds) records = records.filter((r) => recIds.includes(String(r.id)));
    const since = c.req.query('since');
    if (since) {
      const t = Date.parse(since);
      if (Number.isNaN(t)) return fail(400, 'since must be an ISO timestamp.');
      records = records.filter((r) => Date.parse(r.updated_at) >= t);
    }
    const limit = c.req.query('limit');
    if (limit !== undefined) {
      const n = Number(limit);
      if (!Number.isInteger(n) || n < 0) return fail(400, 'limit must be a whole number.');
      records = records.slice(0, n);
    }
    return json(c, records.map(presentRecord));
  });
  app.post('/api/v1/orgs/:org/records', async (c) => {
    const { orgId } = await orgScope(c);
    const body = await readBody(c, RecordCreate);
    const slug = recordTypeSlug(body.type);
    if (!slug) return fail(422, `Unknown record type ${body.type}.`);
    const fields = body.fields ?? {};
    const name = body.name?.trim() ?? '';
    if (!name && Object.values(fields).every((value) => value === '' || value === null || value === undefined)) {
      fail(422, 'A record needs a name or at least one field.');
    }
    const record: SandboxRecord = {
      id: newId('rec', 26, (id) => Object.values(state.records).some((list) => list.some((r) => r.id === id))),
      type: slug,
      name,
      resource_type_id: resourceTypeId(slug),
      account_id: state.orgs.find((o) => o.id === orgId)!.account_id,
      created_at: iso(),
      updated_at: iso(),
      finalized: 0,
      archived: 0,
      is_draft: 0,
      features: { name, ...fields },
    };
    (state.records[orgId] ??= []).push(record);
    save();
    return json(c, { success: true, type: 'string', rec_id: record.id });
  });
  const findRecord = (orgId: string, id: string) =>
    (state.records[orgId] ?? []).find((r) => String(r.id) === id) ?? fail(404, `Record ${id} was not found.`);
  app.get('/api/v1/orgs/:org/records/:rec', async (c) => {
    const { orgId } = await orgScope(c);
    return json(c, presentRecord(findRecord(orgId, c.req.param('rec'))));
  });
  app.patch('/api/v1/orgs/:org/records/:rec', async (c) => {
    const { orgId } = await orgScope(c);
    const record = findRecord(orgId, c.req.param('rec'));
    const body = await readBody(c, RecordUpdate);
    const changes: string[] = [];
    for (const [key, value] of Object.entries(body.fields)) {
      if (JSON.stringify(record.features[key]) !== JSON.stringify(value)) changes.push(key);
      record.features[key] = value;
      if (key === 'name' && typeof value === 'string') record.name = value;
    }
    if (changes.length) {
      record.updated_at = iso();
      save();
    }
    return json(c, { success: true, type: '[]<string>', total: changes.length, changes, count: changes.length });
  });

  // --- workflows
  app.get('/api/v1/orgs/:org/workflow-templates', conditional, async (c) => {
    await orgScope(c);
    const list = state.templates;
    return json(c, {
      success: true,
      count: list.length,
      total: list.length,
      type: '[]<workflow_template>',
      workflow_templates: list,
    });
  });
  app.get('/api/v1/orgs/:org/workflows', conditional, async (c) => {
    const { orgId } = await orgScope(c);
    const workflows = (state.workflows[orgId] ?? []).map(({ records: _r, auto_submit: _a, ...w }) => w);
    return json(c, { success: true, total: workflows.length, count: workflows.length, workflows });
  });
  app.post('/api/v1/orgs/:org/workflows', async (c) => {
    const { orgId } = await orgScope(c);
    const body = await readBody(c, WorkflowStart);
    const template = state.templates.find((t) => t.id === body.flow_id);
    if (!template) return fail(404, `Workflow template ${body.flow_id} was not found.`);
    const records = (body.records ?? []).map((r) => ({ role: r.role, id: String(r.id) }));
    for (const r of records) findRecord(orgId, r.id);
    const workflow = {
      id: newId('wrk', 26, (id) => Object.values(state.workflows).some((list) => list.some((w) => w.id === id))),
      label: template.label,
      template_id: template.id,
      status: 'open',
      records,
      auto_submit: body.auto_submit ? 1 : 0,
      created_at: iso(),
      updated_at: iso(),
    };
    (state.workflows[orgId] ??= []).unshift(workflow);
    save();
    return json(c, { status: 'success', workflow_id: workflow.id });
  });

  // --- documents
  async function documentsFor(c: Context, orgId: string) {
    const email = c.req.query('email')?.trim().toLowerCase();
    let docs = state.documents[orgId] ?? [];
    if (email) docs = docs.filter((d) => d.recipients.some((r) => r.email.toLowerCase() === email));
    // one at a time: thousands of concurrent signatures are slower than a plain loop
    const documents = [];
    for (const doc of docs) documents.push(await presentDocument(doc));
    return json(c, {
      success: true,
      total: documents.length,
      count: documents.length,
      type: '[]<document>',
      documents,
    });
  }
  app.get('/api/v1/orgs/:org/documents', conditional, async (c) => documentsFor(c, (await orgScope(c)).orgId));
  app.get('/api/v1/org/documents', conditional, async (c) => {
    const claims = await bearer(c, ['access']);
    return documentsFor(c, accountOrg(claims, c.req.query('account_id')).id);
  });

  /** The claims of a signed link, or 401 (expired, forged) with the reason. */
  const linkClaims = async (token: string) => {
    try {
      return await tokens.verify(token);
    } catch (error) {
      const expired = error instanceof TokenError && error.reason === 'expired';
      return fail(
        401,
        expired ? 'This link has expired; list the documents again for a fresh one.' : 'This link is invalid.',
      );
    }
  };
  const allDocuments = () => Object.values(state.documents).flat();
  app.get('/api/public/documents/:file/:token', async (c) => {
    const claims = await linkClaims(c.req.param('token'));
    if (claims.file !== c.req.param('file')) return fail(403, 'This link is for another file.');
    const doc = allDocuments().find((d) => d.file === claims.file);
    if (!doc) return fail(404, 'Document not found.');
    const file = documentFile(doc.path, doc.filename);
    return c.body(file.body, 200, { ...file.headers, 'cache-control': 'private, no-store' });
  });
  const signing = async (c: Context) => {
    const claims = await linkClaims(c.req.param('token')!);
    const doc = allDocuments().find((d) => d.pub_id === claims.doc);
    const recipient = doc?.recipients.find((r) => r.id === c.req.param('recipient') && r.id === claims.recipient);
    if (!doc || !recipient) return fail(404, 'Signing request not found.');
    return { doc, recipient };
  };
  const wantsHtml = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');
  const signingPage = (filename: string, name: string, status: string) =>
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>Sign ${filename}</title>
        </head>
        <body>
          <h1>${filename}</h1>
          <p>Signer: ${name}. Status: <strong>${status}</strong>.</p>
          ${
            status === 'pending'
              ? html`<form method="post"><button type="submit">Sign (sandbox)</button></form>`
              : html`<p>Nothing left to sign.</p>`
          }
        </body>
      </html>`;
  app.get('/sign/:recipient/:token', async (c) => {
    const { doc, recipient } = await signing(c);
    c.header('Cache-Control', 'no-store');
    if (wantsHtml(c)) return c.html(signingPage(doc.filename, recipient.name, recipient.status));
    return json(c, { document: doc.filename, recipient: recipient.name, status: recipient.status });
  });
  app.post('/sign/:recipient/:token', async (c) => {
    const { doc, recipient } = await signing(c);
    if (recipient.status !== 'pending') return fail(409, `This signature is already ${recipient.status}.`);
    recipient.status = 'signed';
    save();
    c.header('Cache-Control', 'no-store');
    if (wantsHtml(c)) return c.html(signingPage(doc.filename, recipient.name, recipient.status));
    return json(c, { success: true, status: recipient.status });
  });

  async function rotateKeys() {
    const kid = await tokens.rotate();
    save();
    return { kid };
  }

  function reset() {
    const fresh = seedState(seedOptions);
    const version = state.version;
    Object.assign(state, fresh, { version });
    save();
  }

  return {
    app,
    state,
    get issuer() {
      return tokens.issuer;
    },
    mintAccessToken,
    mintIdToken,
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    reset,
    rotateKeys,
    setPublicUrl: (url) => void (tokens.issuer = url.replace(/\/+$/, '')),
  };
}

/** @deprecated the earlier name of `createSandboxApp`. */
export const createSandbox = createSandboxApp;

/** A stable UUID-shaped value derived from a string (the doc's `sector_identifier`). */
function uuidFrom(value: string): string {
  const hex = createHash('sha256').update(value).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One line per request; the token segment of signed links is never written. */
function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const path = c.req.path
      .replace(/^(\/api\/public\/documents\/[^/]+\/)[^/]+/, '$1[link]')
      .replace(/^(\/sign\/[^/]+\/)[^/]+/, '$1[link]');
    log(`${c.req.method} ${path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
}
