/** The request bodies the sandbox accepts (unknown keys are tolerated, as a real API would). */
import * as v from 'valibot';

const text = (max = 1000) => v.pipe(v.string(), v.maxLength(max));
const email = () => v.pipe(text(320), v.email('email must be an email address'));
const claim = <T extends v.GenericSchema>(schema: T) => v.optional(v.looseObject({ value: schema }));

export const SubjectCreate = v.looseObject({
  external_id: v.optional(text(200)),
  email: v.optional(email()),
  email_verified: v.optional(v.boolean()),
  given_name: v.optional(text(200)),
  family_name: v.optional(text(200)),
  phone: v.optional(text(50)),
  zoneinfo: v.optional(text(100)),
  locale: v.optional(text(50)),
});

export const SubjectUpdate = v.looseObject({
  external_id: v.optional(text(200)),
  email: v.optional(email()),
  given_name: v.optional(text(200)),
  family_name: v.optional(text(200)),
  zoneinfo: v.optional(text(100)),
  locale: v.optional(text(50)),
});

export const TokenRequest = v.looseObject({
  claims: v.looseObject({
    external_id: claim(text(200)),
    sub: claim(text(200)),
    org_id: claim(text(200)),
    auth_time: claim(v.pipe(v.number(), v.integer())),
    exp: claim(v.pipe(v.number(), v.integer())),
    amr: v.optional(v.looseObject({ values: v.array(v.string()) })),
  }),
});

export const OidcClientCreate = v.looseObject({
  redirect_uris: v.pipe(v.array(v.pipe(v.string(), v.url('redirect_uris must be URLs'))), v.minLength(1)),
  client_name: v.optional(text(200)),
  response_types: v.optional(v.array(v.string())),
  grant_types: v.optional(v.array(v.string())),
  contacts: v.optional(v.array(v.string())),
});

export const OrgCreate = v.looseObject({
  name: v.pipe(text(200), v.trim(), v.minLength(1, 'name must not be empty')),
  fields: v.optional(v.record(v.string(), v.unknown())),
});

export const RecordCreate = v.looseObject({
  type: text(50),
  name: v.optional(text(500)),
  fields: v.optional(v.record(v.string(), v.unknown())),
});

export const RecordUpdate = v.looseObject({
  fields: v.record(v.string(), v.unknown()),
});

export const WorkflowStart = v.looseObject({
  flow_id: text(100),
  records: v.optional(
    v.pipe(v.array(v.looseObject({ role: text(100), id: v.union([text(100), v.number()]) })), v.maxLength(100)),
  ),
  auto_submit: v.optional(v.union([v.number(), v.boolean()])),
});
