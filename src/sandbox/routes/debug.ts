/** Token debug: what the API makes of a token, for a user and for an organization. */
import { Hono, type Context } from 'hono';
import { accountOrg, bearerAuth, type SandboxParts } from '../auth.js';
import { json, type SandboxEnv } from '../http.js';
import type { TokenClaims } from '../tokens.js';

const isoSeconds = (value: unknown) => (typeof value === 'number' ? new Date(value * 1000).toISOString() : null);

function debug(c: Context, claims: TokenClaims, accountId: number | null) {
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
}

export function debugRoutes(parts: SandboxParts) {
  const app = new Hono<SandboxEnv>();
  const bearer = bearerAuth(parts);
  app.get('/api/user/debug', bearer, (c) => json(c, debug(c, c.var.claims, null)));
  app.get('/api/v1/org/debug', bearer, (c) => {
    const org = accountOrg(parts.store.state, c.var.claims, c.req.query('account_id'));
    return json(c, debug(c, c.var.claims, org.account_id));
  });
  return app;
}
