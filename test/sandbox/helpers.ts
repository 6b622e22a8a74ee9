// Shared by the sandbox's Node tests: JSON shape checks and an HTTP caller.
import assert from 'node:assert/strict';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../src/sandbox/index.js';

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Every key of the example is present with the same JSON type, recursively
 * (arrays: every item against the example's first item). A `null` in the
 * example means "may be absent or anything" (the doc shows null for unset values).
 */
export function assertShape(
  actual: unknown,
  example: unknown,
  where = 'response',
  /** Keys whose value may take any of these JSON types (where the doc itself varies, e.g. record ids). */
  alternatives: Record<string, string[]> = {},
): void {
  if (example === null) return;
  const key = where.slice(where.lastIndexOf('.') + 1);
  const allowed = alternatives[key] ?? [jsonType(example)];
  assert.ok(allowed.includes(jsonType(actual)), `${where}: expected ${allowed.join(' or ')}, got ${jsonType(actual)}`);
  if (Array.isArray(example) && Array.isArray(actual)) {
    if (example.length) actual.forEach((item, i) => assertShape(item, example[0], `${where}[${i}]`, alternatives));
  } else if (jsonType(example) === 'object') {
    for (const [name, value] of Object.entries(example as Record<string, unknown>)) {
      assert.ok(name in (actual as Record<string, unknown>), `${where}.${name} is missing`);
      assertShape((actual as Record<string, unknown>)[name], value, `${where}.${name}`, alternatives);
    }
  }
}

/** HTTP Basic as the doc's JS examples build it: `btoa(id:secret)`. */
export const basic = (id = DEMO_CLIENT_ID, secret = DEMO_CLIENT_SECRET) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** Sends a request like the doc's curl examples; `body` is sent verbatim when a string, else as pretty JSON. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  init: { token?: string; auth?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.auth) headers.Authorization = init.auth;
  if (init.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body, null, 2),
  });
  const text = await response.text();
  let body: unknown;
  if (text && response.headers.get('content-type')?.includes('json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, body };
}

/** A JWT's payload, without verifying it. */
export const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
export const headerOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
