import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { PaperOSIntegration, SubjectRef } from './integration.js';

/** Who is signed in and which organization they may open; `null` refuses. */
export type Authorize = (request: Request) => Promise<(SubjectRef & { orgId: string }) | null>;

export type WebHandler = (request: Request) => Promise<Response>;

/** Request bodies the handlers accept (the elements send small JSON bodies). */
const MAX_BODY_BYTES = 1_000_000;

type Approval = { ok: true; who: SubjectRef & { orgId: string } } | { ok: false; response: Response };

/**
 * The host's verdict. `null`, `undefined` or a callback that throws refuses (401);
 * an approval without a subject or org is a host bug (500), never a token.
 */
async function approve(authorize: Authorize, request: Request): Promise<Approval> {
  let who: Awaited<ReturnType<Authorize>> | undefined;
  try {
    who = await authorize(request);
  } catch {
    who = null;
  }
  if (!who) return { ok: false, response: error(401, 'Not signed in.') };
  if (typeof who.orgId !== 'string' || !who.orgId || (!who.externalId && !who.sub)) {
    return {
      ok: false,
      response: error(500, 'The authorize callback approved no subject (externalId or sub) and orgId.'),
    };
  }
  return { ok: true, who };
}

const noStore = { 'cache-control': 'no-store', 'content-type': 'application/json' };
const error = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ success: false, message }), { status, headers: { ...noStore, ...headers } });

/**
 * The endpoint the elements' `token-url` points at. POST only; it asks your
 * `authorize` callback who is signed in, and answers nothing without its approval.
 * Answers `{"access_token", "token_type": "Bearer", "expires_in"}` with `Cache-Control: no-store`.
 */
export function createTokenHandler(options: { integration: PaperOSIntegration; authorize: Authorize }): WebHandler {
  return async (request) => {
    if (request.method !== 'POST') return error(405, 'Use POST.', { allow: 'POST' });
    const approval = await approve(options.authorize, request);
    if (!approval.ok) return approval.response;
    const { who } = approval;
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

/** The API paths the elements call; nothing else is proxied. The first group is the org id. */
const ALLOWED: Array<{ methods: string[]; pattern: RegExp }> = [
  { methods: ['GET'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/(?:workflow-templates|documents)$/ },
  { methods: ['GET', 'POST'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/(?:workflows|records)$/ },
  { methods: ['GET', 'PATCH'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/records\/[^/]+$/ },
  { methods: ['GET'], pattern: /^\/api\/user\/debug$/ },
  { methods: ['GET'], pattern: /^\/api\/v1\/org\/debug$/ },
];

/** Answer headers passed back to the browser; nothing that could carry credentials. */
const PASSED_BACK = ['content-type', 'etag', 'retry-after', 'cache-control', 'last-modified'];

/**
 * A backend-for-frontend proxy: the elements use your origin as `base-url`
 * (e.g. `/paperos`) and send no token; this adds the PaperOS token server-side
 * and forwards only the element API paths, for the org `authorize` approves.
 * No PaperOS token ever reaches the browser. When PaperOS refuses a cached
 * token (401), it mints a new one and sends the request once more.
 */
export function createProxyHandler(options: {
  integration: PaperOSIntegration;
  authorize: Authorize;
  /** The path prefix this handler is mounted at, stripped before forwarding (e.g. `/paperos`). */
  prefix?: string;
  fetch?: typeof fetch;
  /** Per-request timeout towards PaperOS, ms (default 15000). */
  timeoutMs?: number;
}): WebHandler {
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const upstreamFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async (request) => {
    const url = new URL(request.url);
    if (prefix && !url.pathname.startsWith(`${prefix}/`)) return error(404, 'Not found.');
    const path = url.pathname.slice(prefix.length);
    const rule = ALLOWED.find((r) => r.pattern.test(path));
    if (!rule) return error(404, 'This path is not proxied.');
    if (!rule.methods.includes(request.method))
      return error(405, 'Method not allowed.', { allow: rule.methods.join(', ') });
    const approval = await approve(options.authorize, request);
    if (!approval.ok) return approval.response;
    const { who } = approval;
    const orgInPath = rule.pattern.exec(path)?.[1];
    if (orgInPath !== undefined && safeDecode(orgInPath) !== who.orgId) return error(403, 'Not your organization.');

    let body: string | undefined;
    if (request.method !== 'GET') {
      const declared = Number(request.headers.get('content-length') ?? 0);
      if (declared > MAX_BODY_BYTES) return error(413, 'The body is too large.');
      body = await request.text();
      if (Buffer.byteLength(body) > MAX_BODY_BYTES) return error(413, 'The body is too large.');
    }
    const send = async (token: string) => {
      const headers = new Headers({ authorization: `Bearer ${token}`, accept: 'application/json' });
      for (const name of ['content-type', 'if-none-match', 'accept-language']) {
        const value = request.headers.get(name);
        if (value) headers.set(name, value);
      }
      return upstreamFetch(`${options.integration.baseUrl}${path}${url.search}`, {
        method: request.method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    };

    let token: string;
    let upstream: Response;
    try {
      token = (await options.integration.accessToken(who, who.orgId)).token;
      upstream = await send(token);
      if (upstream.status === 401) {
        // the cached token was refused (revoked, key rotated): mint a new one, send once more
        await upstream.body?.cancel();
        options.integration.forget(who, who.orgId);
        token = (await options.integration.accessToken(who, who.orgId)).token;
        upstream = await send(token);
      }
    } catch (failure) {
      const status = (failure as { status?: number }).status;
      if (status === 403 || status === 404) return error(403, 'PaperOS did not issue a token for this organization.');
      const timedOut = (failure as { name?: string }).name === 'TimeoutError';
      return error(
        timedOut ? 504 : 502,
        timedOut ? 'PaperOS did not answer in time.' : 'PaperOS could not be reached.',
      );
    }

    const out = new Headers();
    for (const name of PASSED_BACK) {
      const value = upstream.headers.get(name);
      if (value) out.set(name, value);
    }
    if (upstream.status === 204 || upstream.status === 304) {
      await upstream.body?.cancel();
      return new Response(null, { status: upstream.status, headers: out });
    }
    let text: string;
    try {
      text = await upstream.text();
    } catch {
      return error(502, 'PaperOS broke off its answer.');
    }
    // an upstream that echoes the token (in an error message, say) never gets it to the browser
    return new Response(text.split(token).join('[redacted]'), { status: upstream.status, headers: out });
  };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Runs a web-standard handler in Node's `http` (and so Express, Connect,
 * Fastify's raw mode...). A body already read by a body parser (`req.body`) is
 * passed on; a body over 1 MB is refused with 413.
 */
export function toNodeHandler(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const body = await readNodeBody(req);
      if (body === 'too-large') {
        res.writeHead(413, { ...noStore, connection: 'close' });
        res.end(JSON.stringify({ success: false, message: 'The body is too large.' }));
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        // hop-by-hop framing describes the original message, not the one rebuilt here
        if (HOP_BY_HOP.has(name)) continue;
        if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
        else if (value !== undefined) headers.set(name, value);
      }
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      const request = new Request(new URL((req as NodeRequest).originalUrl ?? req.url ?? '/', origin), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' || !body?.length ? undefined : new Uint8Array(body),
      });
      const response = await handler(request);
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ success: false, message: 'Internal error.' }));
      } else {
        res.end();
      }
    });
  };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

/** What Express and body parsers add to Node's request. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

async function readNodeBody(req: NodeRequest): Promise<Buffer | undefined | 'too-large'> {
  if (req.readableEnded) {
    // a body parser got here first: pass on what it parsed
    const parsed = req.body;
    if (parsed === undefined || parsed === null) return undefined;
    if (Buffer.isBuffer(parsed)) return parsed;
    return Buffer.from(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const verifiers = new Map<string, (token: string) => Promise<JWTPayload>>();

/**
 * Verifies a PaperOS token against the issuer's published keys
 * (`/.well-known/jwks.json`, fetched and cached by jose): signature (ES256
 * only), issuer and expiry, with a small clock tolerance (default 30 s).
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

/**
 * Verifies one token; the key set is kept per issuer and JWKS URL, so repeated
 * calls do not refetch the keys.
 */
export async function verifyToken(
  token: string,
  options: { issuer: string; jwksUrl?: string; clockToleranceSec?: number },
): Promise<JWTPayload> {
  const key = JSON.stringify([options.issuer, options.jwksUrl ?? null, options.clockToleranceSec ?? null]);
  let verify = verifiers.get(key);
  if (!verify) {
    verify = createTokenVerifier(options);
    // a handful of issuers at most; forget the oldest beyond that
    if (verifiers.size >= 16) verifiers.delete(verifiers.keys().next().value!);
    verifiers.set(key, verify);
  }
  return verify(token);
}
