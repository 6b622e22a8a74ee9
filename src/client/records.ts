import * as v from 'valibot';
import { invalid, orgPath, segment, type ClientCore } from './core.js';
import { id, parseItems, text } from './schemas.js';
import type { CallOptions, CreateRecordInput, ListRecordsQuery, PaperOSRecord, RecordUpdateResult } from './types.js';

// The records' endpoints and their shapes.

export const RecordSchema = v.looseObject({
  id,
  name: text,
  resource_type_id: v.optional(v.number(), 0),
  account_id: v.optional(v.nullable(id), null),
  created_at: text,
  updated_at: text,
  finalized: v.optional(v.number(), 0),
  archived: v.optional(v.number(), 0),
  is_draft: v.optional(v.number(), 0),
  // A loose object with no entries is a record of string keys to anything (and leaves out valibot's record schema).
  features: v.optional(v.looseObject({}), {}),
});

export const CreateRecordSchema = v.looseObject({ rec_id: id });
export const RecordUpdateSchema = v.looseObject({
  changes: v.array(v.string()),
  total: v.optional(v.number()),
  count: v.optional(v.number()),
});

/** `POST /api/v1/orgs/:org/records`: create a record; resolves to its id. */
export async function createRecord(
  client: ClientCore,
  orgId: string,
  input: CreateRecordInput,
  options?: CallOptions,
): Promise<{ recId: string }> {
  const path = `${orgPath(orgId)}/records`;
  const body = await client.request({ method: 'POST', path, body: input, options });
  client.invalidate(path);
  return { recId: String(client.parse(CreateRecordSchema, body, 'created record').rec_id) };
}

/** `GET /api/v1/orgs/:org/records?type=&rec_id=&rec_ids=&since=&limit=`. */
export function listRecords(
  client: ClientCore,
  orgId: string,
  query: ListRecordsQuery = {},
  options?: CallOptions,
): Promise<PaperOSRecord[]> {
  return client.request(
    {
      method: 'GET',
      path: `${orgPath(orgId)}/records`,
      query: {
        type: query.type,
        rec_id: query.recId,
        rec_ids: query.recIds?.join(','),
        since: query.since,
        limit: query.limit,
      },
      options,
    },
    (body) => {
      const items = Array.isArray(body) ? body : (body as { records?: unknown } | undefined)?.records;
      if (!Array.isArray(items)) throw invalid('record list');
      return parseItems(RecordSchema, items, 'record', client.logger) as PaperOSRecord[];
    },
  );
}

/** `GET /api/v1/orgs/:org/records/:id`. */
export function getRecord(
  client: ClientCore,
  orgId: string,
  recId: string | number,
  options?: CallOptions,
): Promise<PaperOSRecord> {
  return client.request({ method: 'GET', path: `${orgPath(orgId)}/records/${segment(recId)}`, options }, (body) => {
    const record = (body as { record?: unknown } | undefined)?.record ?? body;
    return client.parse(RecordSchema, record, 'record') as PaperOSRecord;
  });
}

/** `PATCH /api/v1/orgs/:org/records/:id` with only the given fields; resolves to the changed field names. */
export async function updateRecord(
  client: ClientCore,
  orgId: string,
  recId: string | number,
  input: { fields: Record<string, unknown> },
  options?: CallOptions,
): Promise<RecordUpdateResult> {
  const path = `${orgPath(orgId)}/records`;
  const body = await client.request({ method: 'PATCH', path: `${path}/${segment(recId)}`, body: input, options });
  client.invalidate(path);
  const result = client.parse(RecordUpdateSchema, body, 'record update');
  return {
    changes: result.changes,
    total: result.total ?? result.changes.length,
    count: result.count ?? result.changes.length,
  };
}
