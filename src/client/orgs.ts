import * as v from 'valibot';
import type { ClientCore } from './core.js';
import { id, parseItems, text } from './schemas.js';
import type { CallOptions, CreateOrgInput, Org, OrgList, TokenDebug } from './types.js';

// The organizations' and the token debug endpoints and their shapes.

export const OrgSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  brand_id: v.optional(v.nullable(v.string())),
  created_at: text,
  updated_at: text,
});

export const OrgListSchema = v.looseObject({
  updated_at: v.optional(v.number(), 0),
  orgs: v.array(v.unknown()),
});

export const TokenDebugSchema = v.looseObject({
  user: v.looseObject({
    account_id: v.optional(v.nullable(id), null),
    partner_id: v.optional(v.nullable(id), null),
    auth_time: v.optional(v.nullable(v.string()), null),
    iat: v.optional(v.nullable(v.string()), null),
    exp: v.optional(v.nullable(v.string()), null),
    api_token: v.optional(v.boolean(), false),
    email: v.optional(v.nullable(v.string()), null),
  }),
  method: v.optional(v.string(), 'GET'),
  originalUrl: v.optional(v.string(), ''),
});

/** `GET /api/user/debug`: what the token says about its user. */
export function debugUser(client: ClientCore, options?: CallOptions): Promise<TokenDebug> {
  return client.request({ method: 'GET', path: '/api/user/debug', options }, (body) => {
    return client.parse(TokenDebugSchema, body, 'token debug') as TokenDebug;
  });
}

/** `GET /api/v1/org/debug?account_id=`: the token's account details. */
export function debugOrg(
  client: ClientCore,
  query: { accountId?: string | number } = {},
  options?: CallOptions,
): Promise<TokenDebug> {
  return client.request(
    { method: 'GET', path: '/api/v1/org/debug', query: { account_id: query.accountId }, options },
    (body) => client.parse(TokenDebugSchema, body, 'org debug') as TokenDebug,
  );
}

/** `GET /api/v1/orgs?updated_since=`: the user's organizations. */
export function listOrgs(
  client: ClientCore,
  query: { updatedSince?: number | string } = {},
  options?: CallOptions,
): Promise<OrgList> {
  return client.request(
    { method: 'GET', path: '/api/v1/orgs', query: { updated_since: query.updatedSince ?? 0 }, options },
    (body) => {
      const list = client.parse(OrgListSchema, body, 'organization list');
      return {
        updated_at: list.updated_at,
        orgs: parseItems(OrgSchema, list.orgs, 'organization', client.logger) as Org[],
      };
    },
  );
}

/** `POST /api/v1/orgs`: create an organization. */
export async function createOrg(client: ClientCore, input: CreateOrgInput, options?: CallOptions): Promise<Org> {
  const body = await client.request({ method: 'POST', path: '/api/v1/orgs', body: input, options });
  // only the list itself: the organizations' own data below it is unchanged
  client.invalidate('/api/v1/orgs', true);
  return client.parse(OrgSchema, body, 'organization') as Org;
}
