import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { PaperOSIntegration, SubjectRef } from './integration.js';

/** Who is signed in and which organization they may open; `null` refuses. */
export type Authorize = (request: Request) => Promise<(SubjectRef & { orgId: string }) | null>;

export type WebHandler = (request: Request) => Promise<Response>;

/** The host's verdict; a callback that throws refuses too. */
async function approved(authorize: Authorize, request: Request): Promise<Awaited<ReturnType<Authorize>>> {
  try {
    return await authorize(request);
  } catch {
    return null;
  }
}

const noStore = { 'cache-control': 'no-store', 'content-type': 'application/json' };
const error = (status: number, message: string) =>
  new Response(JSON.stringify({ success: false, message }), { status, headers: noStore });

/**
 * The endpoint the elements' `token-url` points at. POST only; it asks your
 * `authorize` callback who is signed in, and answers nothing without its approval.
 */
export function createTokenHandler(options: { integration: PaperOSIntegration; authorize: Authorize }): WebHandler {
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST', ...noStore } });
    const who = await approved(options.authorize, request);
    if (!who) return error(401, 'Not signed in.');
    try {
      const { token, expiresAt } = await options.integration.accessToken(who, who.orgId);
      const expiresIn = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
      return new Response(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: expiresIn }), {
        status: 200,
        headers: noStore,
      });
    } catch (failure) {
      const status = (failure as { status?: number }).status;
      return error(status === 403 || status === 404 ? 403 : 502, 'PaperOS did not issue a token.');
    }
  };
}

/** The API paths the elements call, for an org; nothing else is proxied. */
const ALLOWED: Array<{ methods: string[]; pattern: RegExp }> = [
  { methods: ['GET'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/(workflow-templates|documents)$/ },
  { methods: ['GET', 'POST'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/(workflows|records)$/ },
  { methods: ['GET', 'PATCH'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/records\/[^/]+$/ },
  { methods: ['GET'], pattern: /^\/api\/user\/debug$/ },
  { methods: ['GET'], pattern: /^\/api\/v1\/org\/debug$/ },
];

/**
 * A backend-for-frontend proxy: the elements use your origin as `base-url`
 * (e.g. `/paperos`) and send no token; this adds the PaperOS token server-side
 * and forwards only the element API paths, for the org `authorize` approves.
 * No PaperOS token ever reaches the browser.
 */
export function createProxyHandler(options: {
  integration: PaperOSIntegration;
  authorize: Authorize;
  /** The path prefix this handler is mounted at, stripped before forwarding (e.g. `/paperos`). */
  prefix?: string;
  fetch?: typeof fetch;
}): WebHandler {
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  return async (request) => {
    const url = new URL(request.url);
    if (prefix && !url.pathname.startsWith(`${prefix}/`)) return error(404, 'Not found.');
    const path = url.pathname.slice(prefix.length);
    const rule = ALLOWED.find((r) => r.pattern.test(path));
    if (!rule) return error(404, 'This path is not proxied.');
    if (!rule.methods.includes(request.method)) return error(405, 'Method not allowed.');
    const who = await approved(options.authorize, request);
    if (!who) return error(401, 'Not signed in.');
    const orgInPath = rule.pattern.exec(path)?.[1];
    if (orgInPath !== undefined && decodeURIComponent(orgInPath) !== who.orgId)
      return error(403, 'Not your organization.');
    let token: string;
    try {
      token = (await options.integration.accessToken(who, who.orgId)).token;
    } catch {
      return error(502, 'PaperOS did not issue a token.');
    }
    const headers = new Headers({ authorization: `Bearer ${token}`, accept: 'application/json' });
    const contentType = request.headers.get('content-type');
    if (contentType) headers.set('content-type', contentType);
    const ifNoneMatch = request.headers.get('if-none-match');
    if (ifNoneMatch) headers.set('if-none-match', ifNoneMatch);
    const body = request.method === 'GET' ? undefined : await request.text();
    const upstream = await (options.fetch ?? fetch)(`${options.integration.baseUrl}${path}${url.search}`, {
      method: request.method,
      headers,
      body,
    });
    // Pass the answer through, minus anything that could carry credentials.
    const out = new Headers();
    for (const name of ['content-type', 'etag', 'retry-after', 'cache-control']) {
      const value = upstream.headers.get(name);
      if (value) out.set(name, value);
    }
    const text = await upstream.text();
    return new Response(
      upstream.status === 204 || upstream.status === 304 ? null : text.split(token).join('[redacted]'),
      {
        status: upstream.status,
        headers: out,
      },
    );
  };
}

/** Runs a web-standard handler in Node's `http` (and so Express, Fastify's raw mode, ...). */
export function toNodeHandler(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
        else if (value !== undefined) headers.set(name, value);
      }
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      const request = new Request(new URL(req.url ?? '/', origin), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks),
      });
      const response = await handler(request);
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

/**
 * Verifies a PaperOS token against the issuer's published keys
 * (`/.well-known/jwks.json`): signature (ES256 only), issuer and expiry, with a
 * small clock tolerance.
 */
export function createTokenVerifier(options: { issuer: string; jwksUrl?: string; clockToleranceSec?: number }) {
  const issuer = options.issuer.replace(/\/+$/, '');
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}/.well-known/jwks.json`));
  return async (token: string): Promise<JWTPayload> => {
    const { payload } = await jwtVerify(token, jwks, {
      issuer,
      algorithms: ['ES256'],
      clockTolerance: options.clockToleranceSec ?? 30,
    });
    return payload;
  };
}

/** One-off verification (keeps no key cache between calls; prefer `createTokenVerifier`). */
export async function verifyToken(
  token: string,
  options: { issuer: string; jwksUrl?: string; clockToleranceSec?: number },
) {
  return createTokenVerifier(options)(token);
}
