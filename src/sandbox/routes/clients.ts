/**
 * Clients and subjects: OIDC clients registered with a user's token, and the
 * integration's users (subjects), managed with client credentials.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bearerAuth, clientAuth, type SandboxParts } from '../auth.js';
import { fail, json, readBody, type SandboxEnv } from '../http.js';
import { OidcClientCreate, SubjectCreate, SubjectUpdate } from '../schemas.js';
import type { SandboxClient, SandboxState, SandboxSubject } from '../seed.js';

/** A stable UUID-shaped value derived from a string (the doc's `sector_identifier`). */
function uuidFrom(value: string): string {
  const hex = createHash('sha256').update(value).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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

const presentSubject = (state: SandboxState, s: SandboxSubject) => ({
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

export function clientRoutes(parts: SandboxParts) {
  const { store, tokens } = parts;
  const { state } = store;
  const app = new Hono<SandboxEnv>();
  const bearer = bearerAuth(parts);
  const client = clientAuth(parts);

  // --- OIDC clients (Bearer: a user's token, as the doc describes)
  app.post('/api/v1/oidc/clients', bearer, async (c) => {
    const claims = c.var.claims;
    const input = await readBody(c, OidcClientCreate);
    const registered: SandboxClient = {
      ...input,
      client_id: store.newId('oidc', 16, (id) => state.clients.some((cl) => cl.client_id === id)),
      client_secret: crypto.randomUUID(),
      rp_id: store.newId('ocrp', 16, (id) => state.clients.some((cl) => cl.rp_id === id)),
      client_name: input.client_name ?? '',
      redirect_uris: input.redirect_uris,
      // the org it was registered for: the token's, else the user's first
      org_id: claims.org_id ?? state.subjects.find((s) => s.sub === claims.sub)?.orgs[0] ?? null,
      client_id_issued_at: tokens.seconds(),
    };
    state.clients.push(registered);
    store.save();
    // the registration answer (RFC 7591 style): the listing's fields minus org, secrets list and external id
    const { org_id: _org, external_id: _external, secrets: _secrets, ...shown } = presentClient(registered);
    return json(c, { ...shown, requestable_scopes: ['profile'] });
  });
  app.get('/api/v1/oidc/clients', bearer, (c) => {
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
  app.post('/api/v1/integrations/users', client, async (c) => {
    const { client_id } = c.var.client;
    const body = await readBody(c, SubjectCreate);
    if (body.email === undefined && body.external_id === undefined) fail(400, 'external_id or email is required.');
    // creating a subject that exists (same client, same external_id) answers the existing one
    const existing =
      body.external_id !== undefined &&
      state.subjects.find((s) => s.oidc_client_id === client_id && s.external_id === body.external_id);
    if (existing) return json(c, { success: true, type: '<oidc_subject>', subject: presentSubject(state, existing) });
    const subject: SandboxSubject = {
      sub: store.newId('sub', 16, (id) => state.subjects.some((s) => s.sub === id)),
      oidc_client_id: client_id,
      external_id: body.external_id ?? null,
      email: body.email ?? null,
      given_name: body.given_name ?? null,
      family_name: body.family_name ?? null,
      phone: body.phone ?? null,
      zoneinfo: body.zoneinfo ?? 'UTC',
      locale: body.locale ?? 'en-US',
      granted_scopes: ['profile', 'impersonation'],
      orgs: [],
      created_at: store.iso(),
      updated_at: store.iso(),
    };
    state.subjects.push(subject);
    store.save();
    return json(c, { success: true, type: '<oidc_subject>', subject: presentSubject(state, subject) });
  });
  app.patch('/api/v1/integrations/users/:sub', client, async (c) => {
    const sub = c.req.param('sub');
    const subject = state.subjects.find((s) => s.sub === sub && s.oidc_client_id === c.var.client.client_id);
    if (!subject) return fail(404, `Subject ${sub} was not found.`);
    const body = await readBody(c, SubjectUpdate);
    for (const key of ['external_id', 'locale', 'zoneinfo', 'email', 'given_name', 'family_name'] as const) {
      if (body[key] !== undefined) subject[key] = body[key];
    }
    subject.updated_at = store.iso();
    store.save();
    return c.body(null, 204);
  });
  app.get('/api/v1/integrations/users', client, (c) => {
    const subjects = state.subjects
      .filter((s) => s.oidc_client_id === c.var.client.client_id)
      .map((s) => ({
        given_name: s.given_name,
        family_name: s.family_name,
        email: s.email,
        locale: s.locale,
        zoneinfo: s.zoneinfo,
        external_id: s.external_id,
        sub: s.sub,
        granted_scopes: s.granted_scopes,
        orgs: presentSubject(state, s).orgs,
      }));
    return json(c, { success: true, type: '<[]oidc_subject>', subjects });
  });
  return app;
}
