import * as v from 'valibot';
import { orgPath, type ClientCore } from './core.js';
import { skipped } from './schemas.js';
import type { CallOptions, DocumentRecipient, ListDocumentsQuery, Logger, PaperOSDocument } from './types.js';

// The documents' endpoints and the shape of a document (its recipients normalized).

export const DocumentSchema = v.looseObject({
  pub_id: v.string(),
  path: v.optional(v.string(), '/'),
  filename: v.string(),
  url: v.string(),
  recipients: v.optional(v.nullable(v.array(v.unknown())), []),
});

type Document = v.InferOutput<typeof DocumentSchema>;

/** The own keys valibot's loose objects never copy to their output. */
const UNCOPIED_KEYS = ['__proto__', 'prototype', 'constructor'];

/**
 * DocumentSchema and normalizeDocument by hand for the usual well-formed
 * document (a list can hold 100,000): the same keys and values (defaults
 * applied, recipients normalized, other keys kept). The parsed response is
 * ours, so such a document is normalized in place rather than copied; one
 * with a key that valibot would not copy (`__proto__`, ...) is copied without
 * it. Anything else, a recipient of unknown shape included, is `undefined`
 * and goes the valibot way, which accepts or rejects it and warns with its
 * own messages.
 */
function documentFast(input: unknown): PaperOSDocument | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const raw = input as Record<string, unknown>;
  const { pub_id, path, filename, url, recipients } = raw;
  if (typeof pub_id !== 'string' || typeof filename !== 'string' || typeof url !== 'string') return undefined;
  if (path !== undefined && typeof path !== 'string') return undefined;
  if (recipients !== undefined && recipients !== null && !Array.isArray(recipients)) return undefined;
  let list: DocumentRecipient[] = [];
  if (recipients?.length) {
    for (const item of recipients) {
      const recipient = normalizeRecipient(item);
      if (!recipient) return undefined;
      list.push(recipient);
    }
  } else if (recipients) list = recipients;
  if (!UNCOPIED_KEYS.some((key) => Object.prototype.hasOwnProperty.call(raw, key))) {
    // normalizeDocument's `path || '/'`: an empty path is the root.
    if (!path) raw.path = '/';
    if (recipients !== list) raw.recipients = list;
    return raw as unknown as PaperOSDocument;
  }
  const out: Record<string, unknown> = {};
  for (const key in raw) {
    if (Object.prototype.hasOwnProperty.call(raw, key) && !UNCOPIED_KEYS.includes(key)) out[key] = raw[key];
  }
  out.path = path || '/';
  out.recipients = list;
  return out as unknown as PaperOSDocument;
}

/**
 * The valid documents of a list, normalized. Malformed ones are skipped with a
 * warning first, then recipients of unknown shape are warned about, document
 * by document, as parseItems followed by normalizeDocument would.
 */
export function parseDocuments(items: unknown[], logger: Logger): PaperOSDocument[] {
  const docs: PaperOSDocument[] = [];
  const toNormalize: Array<[at: number, raw: Document]> = [];
  items.forEach((item, index) => {
    const fast = documentFast(item);
    if (fast) {
      docs.push(fast);
      return;
    }
    const result = v.safeParse(DocumentSchema, item);
    if (!result.success) return skipped('document', index, result.issues, logger);
    toNormalize.push([docs.length, result.output]);
    docs.push(undefined as unknown as PaperOSDocument);
  });
  for (const [at, raw] of toNormalize) docs[at] = normalizeDocument(raw, logger);
  return docs;
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * Normalizes one signing recipient. Accepted shapes (docs/api-notes.md):
 * `{name, email, status, sign_url}` (the sandbox's), `{name|full_name|first_name+last_name,
 * email, signed: boolean|signed_at, url|link|signing_url|signature_url}`, or a bare email string.
 */
export function normalizeRecipient(raw: unknown): DocumentRecipient | undefined {
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    return trimmed
      ? { name: trimmed, email: trimmed.includes('@') ? trimmed : null, status: 'pending', sign_url: null }
      : undefined;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const joined = [firstString(record, ['first_name', 'firstName']), firstString(record, ['last_name', 'lastName'])]
    .filter(Boolean)
    .join(' ');
  const email = firstString(record, ['email', 'email_address', 'emailAddress']) ?? null;
  const name = firstString(record, ['name', 'full_name', 'fullName', 'display_name']) ?? (joined || email);
  if (!name) return undefined;
  const signed =
    record.signed === true || ['signed_at', 'signedAt', 'completed_at'].some((k) => typeof record[k] === 'string');
  const status = firstString(record, ['status', 'state', 'signing_status']) ?? (signed ? 'signed' : 'pending');
  const signUrl =
    firstString(record, ['sign_url', 'signing_url', 'signature_url', 'signUrl', 'signingUrl', 'url', 'link']) ?? null;
  return { name, email, status, sign_url: signUrl };
}

export function normalizeDocument(raw: v.InferOutput<typeof DocumentSchema>, logger: Logger): PaperOSDocument {
  const recipients: DocumentRecipient[] = [];
  for (const item of raw.recipients ?? []) {
    const recipient = normalizeRecipient(item);
    if (recipient) recipients.push(recipient);
    else logger.warn(`PaperOS: skipped a recipient of unknown shape on document ${raw.pub_id}`);
  }
  return { ...raw, path: raw.path || '/', recipients } as PaperOSDocument;
}

/** `GET /api/v1/orgs/:org/documents?email=`: the organization's documents, or one recipient's. */
export function listDocuments(
  client: ClientCore,
  orgId: string,
  query: ListDocumentsQuery = {},
  options?: CallOptions,
): Promise<PaperOSDocument[]> {
  return client.request(
    { method: 'GET', path: `${orgPath(orgId)}/documents`, query: { email: query.email }, options },
    (body) => parseDocuments(client.list(body, 'documents'), client.logger),
  );
}

/** `GET /api/v1/org/documents?account_id=&email=`: the same list by account id. */
export function listDocumentsByAccount(
  client: ClientCore,
  accountId: string | number,
  query: ListDocumentsQuery = {},
  options?: CallOptions,
): Promise<PaperOSDocument[]> {
  return client.request(
    { method: 'GET', path: '/api/v1/org/documents', query: { account_id: accountId, email: query.email }, options },
    (body) => parseDocuments(client.list(body, 'documents'), client.logger),
  );
}
