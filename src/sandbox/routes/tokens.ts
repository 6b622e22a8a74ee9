/**
 * Tokens: OIDC discovery and the signing key (JWKS), and the integration
 * endpoints that mint a user's ID and access tokens with client credentials.
 */
import { Hono, type Context } from 'hono';
import { clientAuth, subjectClaims, type SandboxParts } from '../auth.js';
import { fail, json, readBody, type SandboxEnv } from '../http.js';
import { TokenRequest } from '../schemas.js';
import { DEMO_CLIENT_ID, DEMO_ORG_ID, DEMO_SUBJECT } from '../seed.js';
import type { TokenKind } from '../tokens.js';

const CLAIMS_SUPPORTED = [
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
];

export function tokenRoutes(parts: SandboxParts) {
  const { store, tokens, tokenTtl } = parts;
  const app = new Hono<SandboxEnv>();

  app.get('/', (c) =>
    json(c, {
      service: 'PaperOS sandbox',
      issuer: tokens.issuer,
      discovery: `${tokens.issuer}/.well-known/openid-configuration`,
      demo: { client_id: DEMO_CLIENT_ID, org_id: DEMO_ORG_ID, sub: DEMO_SUBJECT },
    }),
  );
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
      claims_supported: CLAIMS_SUPPORTED,
    }),
  );
  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return json(c, { keys: [tokens.publicJwk] });
  });

  async function tokenRequest(c: Context<SandboxEnv>, kind: TokenKind): Promise<string> {
    const client = c.var.client;
    const { claims: asked } = await readBody(c, TokenRequest);
    const externalId = asked.external_id?.value;
    const sub = asked.sub?.value;
    if (externalId === undefined && sub === undefined)
      fail(400, 'claims.external_id.value (or claims.sub.value) is required.');
    const { state } = store;
    const subject = state.subjects.find(
      (s) =>
        s.oidc_client_id === client.client_id &&
        ((externalId !== undefined && s.external_id === externalId) || (sub !== undefined && s.sub === sub)),
    );
    if (!subject) return fail(404, 'No subject with that external_id for this client.');
    // an `exp` in the future sets the lifetime (at most a day); one already past (like the doc's
    // fixed example timestamps) falls back to the default, so the doc's requests can be replayed
    const now = tokens.seconds();
    const exp = asked.exp?.value;
    const ttl = exp !== undefined && exp > now ? Math.min(exp - now, 86_400) : tokenTtl;
    const claims: Record<string, unknown> = { ...subjectClaims(subject, client.client_id, now), token_use: kind };
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
  const client = clientAuth(parts);
  app.post('/api/v1/integrations/id-token', client, async (c) => json(c, { id_token: await tokenRequest(c, 'id') }));
  app.post('/api/v1/integrations/access-token', client, async (c) =>
    json(c, { access_token: await tokenRequest(c, 'access') }),
  );
  return app;
}

/** Signs tokens in-process (a test and demo convenience; the real path is the integration endpoints). */
export function inProcessTokens({ store, tokens, tokenTtl }: SandboxParts) {
  const subjectOf = (sub?: string) =>
    store.state.subjects.find((s) => s.sub === (sub ?? DEMO_SUBJECT)) ??
    (sub ? fail(404, `Subject ${sub} was not found.`) : store.state.subjects[0]);
  const sign = (kind: TokenKind, extra: Record<string, unknown>, sub?: string, expiresInSec = tokenTtl) => {
    const subject = subjectOf(sub);
    const claims = subjectClaims(subject, subject.oidc_client_id, tokens.seconds());
    return tokens.sign({ ...claims, ...extra, token_use: kind }, expiresInSec);
  };
  return {
    mintAccessToken: (opts: { orgId?: string; sub?: string; expiresInSec?: number } = {}) =>
      sign('access', { org_id: opts.orgId ?? DEMO_ORG_ID }, opts.sub, opts.expiresInSec),
    mintIdToken: (opts: { sub?: string; expiresInSec?: number } = {}) => sign('id', {}, opts.sub, opts.expiresInSec),
  };
}
