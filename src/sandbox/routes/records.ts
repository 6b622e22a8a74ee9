/** Records of an organization: list (filtered, conditional GET), create, read, update fields. */
import { Hono } from 'hono';
import { orgScope, type SandboxParts } from '../auth.js';
import { conditional, fail, json, readBody, type SandboxEnv } from '../http.js';
import { RecordCreate, RecordUpdate } from '../schemas.js';
import { recordTypeSlug, resourceTypeId, type SandboxRecord, type SandboxState } from '../seed.js';

const presentRecord = ({ type: _t, ...record }: SandboxRecord) => record;

/** The organization's record `id`, or 404. */
export const findRecord = (state: SandboxState, orgId: string, id: string) =>
  (state.records[orgId] ?? []).find((r) => String(r.id) === id) ?? fail(404, `Record ${id} was not found.`);

export function recordRoutes(parts: SandboxParts) {
  const { store } = parts;
  const { state } = store;
  const app = new Hono<SandboxEnv>();
  const scoped = orgScope(parts);

  app.get('/api/v1/orgs/:org/records', conditional, scoped, (c) => {
    let records = state.records[c.var.orgId] ?? [];
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
  app.post('/api/v1/orgs/:org/records', scoped, async (c) => {
    const orgId = c.var.orgId;
    const body = await readBody(c, RecordCreate);
    const slug = recordTypeSlug(body.type);
    if (!slug) return fail(422, `Unknown record type ${body.type}.`);
    const fields = body.fields ?? {};
    const name = body.name?.trim() ?? '';
    if (!name && Object.values(fields).every((value) => value === '' || value === null || value === undefined)) {
      fail(422, 'A record needs a name or at least one field.');
    }
    const record: SandboxRecord = {
      id: store.newId('rec', 26, (id) => Object.values(state.records).some((list) => list.some((r) => r.id === id))),
      type: slug,
      name,
      resource_type_id: resourceTypeId(slug),
      account_id: state.orgs.find((o) => o.id === orgId)!.account_id,
      created_at: store.iso(),
      updated_at: store.iso(),
      finalized: 0,
      archived: 0,
      is_draft: 0,
      features: { name, ...fields },
    };
    (state.records[orgId] ??= []).push(record);
    store.save();
    return json(c, { success: true, type: 'string', rec_id: record.id });
  });
  app.get('/api/v1/orgs/:org/records/:rec', scoped, (c) =>
    json(c, presentRecord(findRecord(state, c.var.orgId, c.req.param('rec')))),
  );
  app.patch('/api/v1/orgs/:org/records/:rec', scoped, async (c) => {
    const record = findRecord(state, c.var.orgId, c.req.param('rec'));
    const body = await readBody(c, RecordUpdate);
    const changes: string[] = [];
    for (const [key, value] of Object.entries(body.fields)) {
      if (JSON.stringify(record.features[key]) !== JSON.stringify(value)) changes.push(key);
      record.features[key] = value;
      if (key === 'name' && typeof value === 'string') record.name = value;
    }
    if (changes.length) {
      record.updated_at = store.iso();
      store.save();
    }
    return json(c, { success: true, type: '[]<string>', total: changes.length, changes, count: changes.length });
  });
  return app;
}
