import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { faultMiddleware, type FaultRule } from './faults.js';
import { readJsonFile, writeFileAtomic } from './persistence.js';
import {
  DEMO_ORG_ID,
  DEMO_SUBJECT,
  RECORD_TYPE_IDS,
  makeId,
  rng,
  seedState,
  type SandboxDocument,
  type SandboxRecord,
  type SandboxState,
  type SandboxSubject,
} from './seed.js';

export interface SandboxOptions {
  /** Public base URL: the token issuer and the origin of document and signing links. */
  publicUrl?: string;
  /** Browser origins allowed by CORS: a list, `'*'`, or (default) any http://localhost / 127.0.0.1 origin. */
  allowedOrigins?: string[] | '*';
  /** Size of the generated large organization's document list (0: none). */
  documents?: number;
  /** Seed for generated ids and data. */
  seed?: number;
  /** Faults active from the start. */
  faults?: FaultRule[];
  /** Persist state here (atomic writes); in memory when absent. */
  dataFile?: string;
  /** Lifetime of minted tokens when the request names none, seconds (default 3600). */
  tokenTtlSec?: number;
  /** Lifetime of signed document and signing links, seconds (default 900). */
  documentUrlTtlSec?: number;
  now?: () => number;
}

interface Persisted {
  state: SandboxState;
  privateJwk: JWK;
}

export interface Sandbox {
  app: Hono;
  state: SandboxState;
  /** Signs an org-scoped access token in-process (a test and demo convenience). */
  mintAccessToken(options?: { orgId?: string; sub?: string; expiresInSec?: number }): Promise<string>;
  setFaults(faults: FaultRule[]): void;
  clearFaults(): void;
  setPublicUrl(url: string): void;
}

type TokenKind = 'id' | 'access';
interface Claims extends JWTPayload {
  token_use: TokenKind;
  org_id?: string;
  client_id: string;
}

const json = (c: Context, body: unknown, status = 200) => c.json(body as object, status as 200);
const fail = (status: number, message: string): never => {
  throw new HTTPException(status as 400, {
    res: new Response(JSON.stringify({ success: false, message }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  });
};

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const random = rng(options.seed ?? 42);
  const tokenTtl = options.tokenTtlSec ?? 3600;
  const urlTtl = options.documentUrlTtlSec ?? 900;
  let publicUrl = (options.publicUrl ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
  let faults: FaultRule[] = [...(options.faults ?? [])];

  const persisted = options.dataFile ? readJsonFile<Persisted>(options.dataFile) : undefined;
  const state: SandboxState = persisted?.state ?? seedState({ documents: options.documents, seed: options.seed, now });
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  if (persisted) {
    privateKey = (await importJWK(persisted.privateJwk, 'ES256')) as CryptoKey;
    const { d: _d, ...pub } = persisted.privateJwk;
    publicJwk = pub;
  } else {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = await exportJWK(pair.publicKey);
  }
  const kid = `sandbox-${(publicJwk.x ?? '').slice(0, 8)}`;
  publicJwk = { ...publicJwk, kid, alg: 'ES256', use: 'sig' };
  const publicKey = (await importJWK(publicJwk, 'ES256')) as CryptoKey;

  const save = async () => {
    state.version++;
    if (!options.dataFile) return;
    const privateJwk = { ...(await exportJWK(privateKey)), kid };
    writeFileAtomic(options.dataFile, JSON.stringify({ state, privateJwk } satisfies Persisted));
  };
  if (options.dataFile && !persisted) await save();

  const seconds = () => Math.floor(now() / 1000);
  const iso = () => new Date(now()).toISOString();

  async function sign(claims: Record<string, unknown>, ttl: number): Promise<string> {
    const iat = seconds();
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(publicUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .setJti(makeId(random, 'jti', 22).slice(4))
      .sign(privateKey);
  }

  async function verify(token: string): Promise<Claims> {
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: publicUrl,
        algorithms: ['ES256'],
        currentDate: new Date(now()),
      });
      return payload as Claims;
    } catch (error) {
      const code = (error as { code?: string }).code;
      return fail(401, code === 'ERR_JWT_EXPIRED' ? 'The token has expired.' : 'The token is invalid.');
    }
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

  async function mintAccessToken(opts: { orgId?: string; sub?: string; expiresInSec?: number } = {}): Promise<string> {
    const subject = state.subjects.find((s) => s.sub === (opts.sub ?? DEMO_SUBJECT)) ?? state.subjects[0];
    return sign(
      { ...subjectClaims(subject, subject.oidc_client_id), org_id: opts.orgId ?? DEMO_ORG_ID, token_use: 'access' },
      opts.expiresInSec ?? tokenTtl,
    );
  }

  async function signedUrl(path: string, claims: Record<string, unknown>): Promise<string> {
    return `${publicUrl}${path}/${await sign(claims, urlTtl)}`;
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
            r.status === 'pending' ? await signedUrl(`/sign/${r.id}`, { doc: doc.pub_id, recipient: r.id }) : null,
        })),
      ),
      url: await signedUrl(`/api/public/documents/${doc.file}`, { file: doc.file }),
      pub_id: doc.pub_id,
    };
  }

  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    return json(c, { success: false, message: 'Internal sandbox error.' }, 500);
  });
  app.notFound((c) => json(c, { success: false, message: `No route for ${c.req.method} ${c.req.path}.` }, 404));

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
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    faultMiddleware(() => faults, random),
  );

  // --- admin: fault injection at run time
  app.post('/__sandbox/faults', async (c) => {
    const body = await readJson(c);
    const list = Array.isArray(body) ? body : (body as { faults?: unknown }).faults;
    if (!Array.isArray(list)) fail(400, 'Send a list of fault rules.');
    faults = list as FaultRule[];
    return json(c, { faults });
  });
  app.delete('/__sandbox/faults', (c) => {
    faults = [];
    return c.body(null, 204);
  });

  // --- OIDC discovery
  app.get('/.well-known/openid-configuration', (c) =>
    json(c, {
      issuer: publicUrl,
      jwks_uri: `${publicUrl}/.well-known/jwks.json`,
      registration_endpoint: `${publicUrl}/api/v1/oidc/clients`,
      id_token_signing_alg_values_supported: ['ES256'],
      subject_types_supported: ['pairwise'],
      response_types_supported: ['code'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'email',
        'given_name',
        'family_name',
        'org_id',
      ],
    }),
  );
  app.get('/.well-known/jwks.json', (c) => json(c, { keys: [publicJwk] }));

  // --- client credentials (HTTP Basic, RFC 6749 2.3.1) on the integration endpoints
  const clientOf = (c: Context) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    if (!match) return fail(401, 'Client credentials are required (HTTP Basic).');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return fail(401, 'Malformed client credentials.');
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    let id: string, secret: string;
    try {
      id = formDecode(decoded.slice(0, colon));
      secret = formDecode(decoded.slice(colon + 1));
    } catch {
      return fail(401, 'Malformed client credentials.');
    }
    const client = state.clients.find((cl) => cl.client_id === id);
    if (!client || client.client_secret !== secret) return fail(401, 'Unknown client or wrong secret.');
    return client;
  };

  const bearer = async (c: Context, kinds: TokenKind[] = ['id', 'access']): Promise<Claims> => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return fail(401, 'A Bearer token is required.');
    const claims = await verify(match[1]);
    if (!kinds.includes(claims.token_use)) return fail(401, 'This token type cannot be used here.');
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
    try {
      return await c.req.json();
    } catch {
      return fail(400, 'The body must be JSON.');
    }
  }
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

  // --- OIDC clients (Bearer)
  app.post('/api/v1/oidc/clients', async (c) => {
    await bearer(c);
    const body = await readJson(c);
    if (!isObject(body) || !Array.isArray(body.redirect_uris)) fail(422, 'redirect_uris is required.');
    const input = body as Record<string, unknown>;
    const client = {
      ...input,
      client_id: makeId(random, 'oidc'),
      client_secret: crypto.randomUUID(),
      rp_id: makeId(random, 'ocrp'),
      client_name: String(input.client_name ?? ''),
      redirect_uris: input.redirect_uris as string[],
      org_id: null,
      client_id_issued_at: seconds(),
    };
    state.clients.push(client);
    await save();
    return json(c, {
      rp_id: client.rp_id,
      sector_identifier: crypto.randomUUID(),
      redirect_uris: client.redirect_uris,
      response_types: input.response_types ?? ['code'],
      grant_types: input.grant_types ?? ['authorization_code'],
      application_type: 'web',
      contacts: input.contacts ?? [],
      client_name: client.client_name,
      logo_uri: input.logo_uri ?? null,
      client_uri: input.client_uri ?? null,
      policy_uri: input.policy_uri ?? null,
      tos_uri: input.tos_uri ?? null,
      jwks_uri: null,
      subject_type: 'pairwise',
      token_endpoint_auth_method: 'client_secret_basic',
      default_max_age: 0,
      require_auth_time: true,
      initiate_login_uri: input.initiate_login_uri ?? null,
      requestable_scopes: ['profile'],
      client_secret: client.client_secret,
      client_secret_expires_at: 0,
      client_id: client.client_id,
      client_id_issued_at: client.client_id_issued_at,
    });
  });
  app.get('/api/v1/oidc/clients', async (c) => {
    await bearer(c);
    const oidc_clients = state.clients.map((cl) => ({
      client_id: cl.client_id,
      rp_id: cl.rp_id,
      org_id: cl.org_id,
      external_id: null,
      sector_identifier: crypto.randomUUID(),
      redirect_uris: cl.redirect_uris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      application_type: 'web',
      contacts: cl.contacts ?? [],
      client_name: cl.client_name,
      logo_uri: cl.logo_uri ?? null,
      client_uri: cl.client_uri ?? null,
      policy_uri: cl.policy_uri ?? null,
      tos_uri: cl.tos_uri ?? null,
      initiate_login_uri: cl.initiate_login_uri ?? null,
      jwks_uri: null,
      sector_identifier_uri: null,
      subject_type: 'pairwise',
      token_endpoint_auth_method: 'client_secret_basic',
      default_max_age: 0,
      require_auth_time: true,
      requestable_scopes: ['profile', 'impersonation'],
      client_id_issued_at: cl.client_id_issued_at,
      secrets: [
        {
          id: 'occs_sandbox',
          secret: cl.client_secret,
          comment: '',
          expires_at: null,
          created_at: '2025-04-23T18:43:54Z',
          revoked_at: null,
        },
      ],
      client_secret_expires_at: 0,
      client_secret: cl.client_secret,
    }));
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
    orgs: s.orgs,
    created_at: s.created_at,
    updated_at: s.updated_at,
  });
  app.post('/api/v1/integrations/users', async (c) => {
    const client = clientOf(c);
    const body = await readJson(c);
    if (!isObject(body)) return fail(400, 'The body must be an object.');
    if (typeof body.email !== 'string' && typeof body.external_id !== 'string')
      fail(422, 'email or external_id is required.');
    const existing = state.subjects.find(
      (s) => s.oidc_client_id === client.client_id && body.external_id && s.external_id === body.external_id,
    );
    if (existing) return json(c, { success: true, type: '<oidc_subject>', subject: presentSubject(existing) });
    const subject: SandboxSubject = {
      sub: makeId(random, 'sub'),
      oidc_client_id: client.client_id,
      external_id: typeof body.external_id === 'string' ? body.external_id : null,
      email: typeof body.email === 'string' ? body.email : null,
      given_name: typeof body.given_name === 'string' ? body.given_name : null,
      family_name: typeof body.family_name === 'string' ? body.family_name : null,
      phone: null,
      zoneinfo: typeof body.zoneinfo === 'string' ? body.zoneinfo : null,
      locale: typeof body.locale === 'string' ? body.locale : null,
      granted_scopes: ['profile', 'impersonation'],
      orgs: [],
      created_at: iso(),
      updated_at: iso(),
    };
    state.subjects.push(subject);
    await save();
    return json(c, { success: true, type: '<oidc_subject>', subject: presentSubject(subject) });
  });
  app.patch('/api/v1/integrations/users/:sub', async (c) => {
    const client = clientOf(c);
    const subject = state.subjects.find((s) => s.sub === c.req.param('sub') && s.oidc_client_id === client.client_id);
    if (!subject) return fail(404, 'Subject not found.');
    const body = await readJson(c);
    if (!isObject(body)) return fail(400, 'The body must be an object.');
    for (const key of ['external_id', 'locale', 'zoneinfo', 'email', 'given_name', 'family_name'] as const) {
      if (typeof body[key] === 'string') subject[key] = body[key] as string;
    }
    subject.updated_at = iso();
    await save();
    return c.body(null, 204);
  });
  app.get('/api/v1/integrations/users', (c) => {
    const client = clientOf(c);
    const subjects = state.subjects
      .filter((s) => s.oidc_client_id === client.client_id)
      .map((s) => ({
        given_name: s.given_name,
        family_name: s.family_name,
        locale: s.locale,
        zoneinfo: s.zoneinfo,
        external_id: s.external_id,
        sub: s.sub,
        granted_scopes: s.granted_scopes,
        orgs: s.orgs.map((id) => ({ id, name: state.orgs.find((o) => o.id === id)?.name ?? id })),
      }));
    return json(c, { success: true, type: '<[]oidc_subject>', subjects });
  });

  const claimValue = (claims: Record<string, unknown>, key: string): unknown => {
    const entry = claims[key];
    return isObject(entry) ? (entry.value ?? entry.values) : undefined;
  };
  async function tokenRequest(c: Context, kind: TokenKind) {
    const client = clientOf(c);
    const body = await readJson(c);
    if (!isObject(body) || !isObject(body.claims)) return fail(400, 'claims is required.');
    const externalId = claimValue(body.claims, 'external_id');
    const sub = claimValue(body.claims, 'sub');
    const subject = state.subjects.find(
      (s) =>
        s.oidc_client_id === client.client_id &&
        ((externalId && s.external_id === externalId) || (sub && s.sub === sub)),
    );
    if (!subject) return fail(404, 'No subject with that external_id for this client.');
    const exp = claimValue(body.claims, 'exp');
    const ttl = typeof exp === 'number' && exp > seconds() ? Math.min(exp - seconds(), 86_400) : tokenTtl;
    const claims: Record<string, unknown> = { ...subjectClaims(subject, client.client_id), token_use: kind };
    const authTime = claimValue(body.claims, 'auth_time');
    if (typeof authTime === 'number') claims.auth_time = authTime;
    if (kind === 'access') {
      const orgId = claimValue(body.claims, 'org_id');
      if (typeof orgId !== 'string') return fail(422, 'claims.org_id.value is required.');
      if (!state.orgs.some((o) => o.id === orgId)) return fail(404, `Organization ${orgId} was not found.`);
      if (!subject.orgs.includes(orgId)) return fail(403, 'This subject has no access to that organization.');
      claims.org_id = orgId;
    }
    return sign(claims, ttl);
  }
  app.post('/api/v1/integrations/id-token', async (c) => json(c, { id_token: await tokenRequest(c, 'id') }));
  app.post('/api/v1/integrations/access-token', async (c) =>
    json(c, { access_token: await tokenRequest(c, 'access') }),
  );

  // --- token debug
  const debug = (claims: Claims, accountId: number | null, url: string) => ({
    user: {
      account_id: accountId,
      partner_id: null,
      auth_time: typeof claims.auth_time === 'number' ? new Date(claims.auth_time * 1000).toISOString() : null,
      iat: claims.iat ? new Date(claims.iat * 1000).toISOString() : null,
      exp: claims.exp ? new Date(claims.exp * 1000).toISOString() : null,
      api_token: true,
      email: (claims.email as string | undefined) ?? null,
    },
    method: 'GET',
    originalUrl: url,
  });
  const originalUrl = (c: Context) => new URL(c.req.url).pathname + new URL(c.req.url).search;
  app.get('/api/user/debug', async (c) => json(c, debug(await bearer(c), null, originalUrl(c))));
  app.get('/api/v1/org/debug', async (c) => {
    const claims = await bearer(c);
    const account = c.req.query('account_id');
    const org = state.orgs.find((o) => o.id === (account ?? claims.org_id) || String(o.account_id) === account);
    if (account && !org) return fail(404, 'Account not found.');
    if (org && claims.org_id && org.id !== claims.org_id) return fail(403, 'This token is for another organization.');
    return json(c, debug(claims, org?.account_id ?? null, originalUrl(c)));
  });

  // --- organizations
  app.get('/api/v1/orgs', etag(), async (c) => {
    const claims = await bearer(c);
    if (c.req.query('updated_since') === undefined) fail(400, 'updated_since is required (pass 0).');
    const since = Number(c.req.query('updated_since')) || 0;
    const subject = state.subjects.find((s) => s.sub === claims.sub);
    const orgs = state.orgs
      .filter((o) => subject?.orgs.includes(o.id))
      .filter((o) => Date.parse(o.updated_at) / 1000 >= since)
      .map(({ account_id: _a, ...o }) => o);
    return json(c, { updated_at: seconds(), orgs });
  });
  app.post('/api/v1/orgs', async (c) => {
    const claims = await bearer(c);
    const body = await readJson(c);
    if (!isObject(body) || typeof body.name !== 'string' || !body.name.trim()) return fail(422, 'name is required.');
    const businessType = isObject(body.fields) ? body.fields.business_type : undefined;
    if (
      businessType !== undefined &&
      !['for_profit', 'investment_vehicle', 'professional_services', 'other'].includes(String(businessType))
    ) {
      fail(422, 'business_type must be for_profit, investment_vehicle, professional_services or other.');
    }
    const org = {
      id: makeId(random, 'org', 26),
      name: body.name,
      brand_id: makeId(random, 'brand', 26),
      account_id: 1000 + state.orgs.length,
      created_at: iso(),
      updated_at: iso(),
    };
    state.orgs.push(org);
    state.subjects.find((s) => s.sub === claims.sub)?.orgs.push(org.id);
    state.records[org.id] = [];
    state.documents[org.id] = [];
    state.workflows[org.id] = [];
    await save();
    const { account_id: _a, ...shown } = org;
    return json(c, shown);
  });

  // --- records
  const presentRecord = ({ type: _t, ...record }: SandboxRecord) => record;
  app.get('/api/v1/orgs/:org/records', etag(), async (c) => {
    const { orgId } = await orgScope(c);
    let records = state.records[orgId] ?? [];
    const type = c.req.query('type');
    if (type && type !== '*') records = records.filter((r) => r.type === type);
    const recId = c.req.query('rec_id');
    const recIds = c.req.query('rec_ids')?.split(',').filter(Boolean);
    if (recId) records = records.filter((r) => String(r.id) === recId);
    if (recIds) records = records.filter((r) => recIds.includes(String(r.id)));
    const since = c.req.query('since');
    if (since) {
      const t = Date.parse(since);
      if (Number.isNaN(t)) fail(400, 'since must be an ISO timestamp.');
      records = records.filter((r) => Date.parse(r.updated_at) >= t);
    }
    const limit = c.req.query('limit');
    if (limit !== undefined) {
      const n = Number(limit);
      if (!Number.isInteger(n) || n < 0) fail(400, 'limit must be a whole number.');
      records = records.slice(0, n);
    }
    return json(c, records.map(presentRecord));
  });
  app.post('/api/v1/orgs/:org/records', async (c) => {
    const { orgId } = await orgScope(c);
    const body = await readJson(c);
    if (!isObject(body) || typeof body.type !== 'string') return fail(400, 'type is required.');
    const fields = isObject(body.fields) ? body.fields : {};
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name && Object.values(fields).every((v) => v === '' || v === null || v === undefined)) {
      fail(422, 'A record needs a name or at least one field.');
    }
    const record: SandboxRecord = {
      id: makeId(random, 'rec', 26),
      type: body.type,
      name,
      resource_type_id: RECORD_TYPE_IDS[body.type] ?? 3,
      account_id: state.orgs.find((o) => o.id === orgId)!.account_id,
      created_at: iso(),
      updated_at: iso(),
      finalized: 0,
      archived: 0,
      is_draft: 0,
      features: { name, ...fields },
    };
    (state.records[orgId] ??= []).push(record);
    await save();
    return json(c, { success: true, type: 'string', rec_id: record.id });
  });
  const findRecord = (orgId: string, id: string) => {
    const record = (state.records[orgId] ?? []).find((r) => String(r.id) === id);
    return record ?? fail(404, `Record ${id} was not found.`);
  };
  app.get('/api/v1/orgs/:org/records/:rec', async (c) => {
    const { orgId } = await orgScope(c);
    return json(c, presentRecord(findRecord(orgId, c.req.param('rec'))));
  });
  app.patch('/api/v1/orgs/:org/records/:rec', async (c) => {
    const { orgId } = await orgScope(c);
    const record = findRecord(orgId, c.req.param('rec'));
    const body = await readJson(c);
    if (!isObject(body) || !isObject(body.fields)) return fail(400, 'fields is required.');
    const changes: string[] = [];
    for (const [key, value] of Object.entries(body.fields)) {
      if (record.features[key] !== value) changes.push(key);
      record.features[key] = value;
      if (key === 'name' && typeof value === 'string') record.name = value;
    }
    record.updated_at = iso();
    await save();
    return json(c, { success: true, type: '[]<string>', total: changes.length, changes, count: changes.length });
  });

  // --- workflows
  app.get('/api/v1/orgs/:org/workflow-templates', etag(), async (c) => {
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
  app.get('/api/v1/orgs/:org/workflows', etag(), async (c) => {
    const { orgId } = await orgScope(c);
    const workflows = (state.workflows[orgId] ?? []).map(({ records: _r, auto_submit: _a, ...w }) => w);
    return json(c, { success: true, total: workflows.length, count: workflows.length, workflows });
  });
  app.post('/api/v1/orgs/:org/workflows', async (c) => {
    const { orgId } = await orgScope(c);
    const body = await readJson(c);
    if (!isObject(body) || typeof body.flow_id !== 'string') return fail(400, 'flow_id is required.');
    const template = state.templates.find((t) => t.id === body.flow_id);
    if (!template) return fail(404, `Workflow template ${body.flow_id} was not found.`);
    const records = body.records ?? [];
    if (
      !Array.isArray(records) ||
      !records.every((r) => isObject(r) && typeof r.role === 'string' && typeof r.id === 'string')
    ) {
      return fail(422, 'records must be a list of {role, id}.');
    }
    for (const r of records as Array<{ id: string }>) findRecord(orgId, r.id);
    const workflow = {
      id: makeId(random, 'wrk', 26),
      label: template.label,
      template_id: template.id,
      status: 'open',
      records: records as Array<{ role: string; id: string }>,
      auto_submit: body.auto_submit ? 1 : 0,
      created_at: iso(),
      updated_at: iso(),
    };
    (state.workflows[orgId] ??= []).unshift(workflow);
    await save();
    return json(c, { status: 'success', workflow_id: workflow.id });
  });

  // --- documents
  async function documentsFor(c: Context, orgId: string) {
    const email = c.req.query('email');
    let docs = state.documents[orgId] ?? [];
    if (email) docs = docs.filter((d) => d.recipients.some((r) => r.email.toLowerCase() === email.toLowerCase()));
    const documents = await Promise.all(docs.map(presentDocument));
    return json(c, {
      success: true,
      total: documents.length,
      count: documents.length,
      type: '[]<document>',
      documents,
    });
  }
  app.get('/api/v1/orgs/:org/documents', async (c) => documentsFor(c, (await orgScope(c)).orgId));
  app.get('/api/v1/org/documents', async (c) => {
    const claims = await bearer(c, ['access']);
    const account = c.req.query('account_id');
    const org = state.orgs.find((o) => String(o.account_id) === account || o.id === account);
    if (!account) return fail(400, 'account_id is required.');
    if (!org) return fail(404, 'Account not found.');
    if (claims.org_id !== org.id) return fail(403, 'This token is for another organization.');
    return documentsFor(c, org.id);
  });
  app.get('/api/public/documents/:file/:token', async (c) => {
    const claims = await verify(c.req.param('token'));
    if (claims.file !== c.req.param('file')) return fail(403, 'This link is for another file.');
    const doc = Object.values(state.documents)
      .flat()
      .find((d) => d.file === claims.file);
    if (!doc) return fail(404, 'Document not found.');
    return c.body(`PaperOS sandbox document\n${doc.path}/${doc.filename}\n`, 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${doc.filename.replace(/[^\w .-]/g, '_')}.txt"`,
      'cache-control': 'private, no-store',
    });
  });
  const signing = async (c: Context) => {
    const claims = await verify(c.req.param('token')!);
    const doc = Object.values(state.documents)
      .flat()
      .find((d) => d.pub_id === claims.doc);
    const recipient = doc?.recipients.find((r) => r.id === c.req.param('recipient') && r.id === claims.recipient);
    if (!doc || !recipient) return fail(404, 'Signing request not found.');
    return { doc, recipient };
  };
  app.get('/sign/:recipient/:token', async (c) => {
    const { doc, recipient } = await signing(c);
    return c.json({
      document: doc.filename,
      recipient: recipient.name,
      status: recipient.status,
      sign: 'POST this URL to sign.',
    });
  });
  app.post('/sign/:recipient/:token', async (c) => {
    const { recipient } = await signing(c);
    recipient.status = 'signed';
    await save();
    return c.json({ success: true, status: recipient.status });
  });

  return {
    app,
    state,
    mintAccessToken,
    setFaults: (list) => void (faults = [...list]),
    clearFaults: () => void (faults = []),
    setPublicUrl: (url) => void (publicUrl = url.replace(/\/+$/, '')),
  };
}
