/**
 * Who is asking: the parts every route is built from, and the middleware that
 * authenticates a request and scopes it to an organization, handing the result
 * to the route through `c.var` (`client`, `claims`, `orgId`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { FaultSwitch } from './faults.js';
import { fail, type SandboxEnv } from './http.js';
import type { SandboxOrg, SandboxState, SandboxSubject } from './seed.js';
import type { Store } from './store.js';
import { TokenError, type TokenClaims, type TokenIssuer, type TokenKind } from './tokens.js';

/** What the routes are built from (see createSandboxApp). */
export interface SandboxParts {
  store: Store;
  tokens: TokenIssuer;
  faults: FaultSwitch;
  /** Lifetime of minted tokens when the request names none, seconds. */
  tokenTtl: number;
  /** Lifetime of signed document and signing links, seconds. */
  urlTtl: number;
}

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** Client credentials (HTTP Basic, RFC 6749 2.3.1) on the integration endpoints: sets `c.var.client`. */
export const clientAuth = ({ store }: SandboxParts) =>
  createMiddleware<SandboxEnv>(async (c, next) => {
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
    const client = store.state.clients.find((cl) => cl.client_id === formDecoded[0] || cl.client_id === raw[0]);
    if (!client || !(sameSecret(client.client_secret, formDecoded[1]) || sameSecret(client.client_secret, raw[1])))
      return fail(401, 'Unknown client or wrong secret.');
    c.set('client', client);
    await next();
  });

async function verifyBearer(tokens: TokenIssuer, header: string | undefined, kinds: TokenKind[]) {
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
}

/** A Bearer token of one of `kinds`, signed by this sandbox and current: sets `c.var.claims`. */
export const bearerAuth = ({ tokens }: SandboxParts, kinds: TokenKind[] = ['id', 'access']) =>
  createMiddleware<SandboxEnv>(async (c, next) => {
    c.set('claims', await verifyBearer(tokens, c.req.header('authorization'), kinds));
    await next();
  });

/**
 * The routes under `/api/v1/orgs/:org`: an access token for that organization,
 * which must exist (404) and be the token's (403). Sets `c.var.claims` and `c.var.orgId`.
 */
export const orgScope = ({ store, tokens }: SandboxParts) =>
  createMiddleware<SandboxEnv>(async (c, next) => {
    const claims = await verifyBearer(tokens, c.req.header('authorization'), ['access']);
    const orgId = c.req.param('org')!;
    if (!store.state.orgs.some((o) => o.id === orgId)) return fail(404, `Organization ${orgId} was not found.`);
    if (claims.org_id !== orgId) return fail(403, 'This token is for another organization.');
    c.set('claims', claims);
    c.set('orgId', orgId);
    await next();
  });

/** The org named by `account_id` (an org id or its numeric account id), checked against the token. */
export function accountOrg(state: SandboxState, claims: TokenClaims, account: string | undefined): SandboxOrg {
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
}

/** The claims every token of `subject` carries. */
export function subjectClaims(subject: SandboxSubject, clientId: string, seconds: number): Record<string, unknown> {
  return {
    sub: subject.sub,
    client_id: clientId,
    auth_time: seconds,
    email: subject.email,
    given_name: subject.given_name,
    family_name: subject.family_name,
  };
}
