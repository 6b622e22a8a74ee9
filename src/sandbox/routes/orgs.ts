/** Organizations: the user's list (conditional GET) and creating one. */
import { Hono } from 'hono';
import { bearerAuth, type SandboxParts } from '../auth.js';
import { conditional, fail, json, readBody, type SandboxEnv } from '../http.js';
import { OrgCreate } from '../schemas.js';

const BUSINESS_TYPES = ['for_profit', 'investment_vehicle', 'professional_services', 'other'];

export function orgRoutes(parts: SandboxParts) {
  const { store, tokens } = parts;
  const { state } = store;
  const app = new Hono<SandboxEnv>();
  const bearer = bearerAuth(parts);

  app.get('/api/v1/orgs', conditional, bearer, (c) => {
    const raw = c.req.query('updated_since');
    if (raw === undefined || raw === '')
      return fail(400, 'updated_since is required (pass 0, or the previous updated_at).');
    const since = Number(raw);
    if (!Number.isFinite(since) || since < 0) return fail(400, 'updated_since must be epoch seconds.');
    const subject = state.subjects.find((s) => s.sub === c.var.claims.sub);
    const orgs = state.orgs
      .filter((o) => subject?.orgs.includes(o.id))
      .filter((o) => Date.parse(o.updated_at) / 1000 >= since)
      .map(({ account_id: _a, ...o }) => o);
    return json(c, { updated_at: tokens.seconds(), orgs });
  });
  app.post('/api/v1/orgs', bearer, async (c) => {
    const body = await readBody(c, OrgCreate);
    const businessType = body.fields?.business_type;
    if (businessType !== undefined && !BUSINESS_TYPES.includes(String(businessType))) {
      fail(422, `business_type must be one of ${BUSINESS_TYPES.join(', ')}.`);
    }
    const subject = state.subjects.find((s) => s.sub === c.var.claims.sub);
    if (!subject) return fail(401, 'The token names no known subject.');
    const org = {
      id: store.newId('org', 26, (id) => state.orgs.some((o) => o.id === id)),
      name: body.name,
      brand_id: store.newId('brand', 26, () => false),
      account_id: Math.max(0, ...state.orgs.map((o) => o.account_id)) + 1,
      created_at: store.iso(),
      updated_at: store.iso(),
    };
    state.orgs.push(org);
    subject.orgs.push(org.id);
    state.records[org.id] = [];
    state.documents[org.id] = [];
    state.workflows[org.id] = [];
    store.save();
    const { account_id: _a, ...shown } = org;
    return json(c, shown);
  });
  return app;
}
