import type { CrossSiteOptions } from './csrf.js';
import { relayBody } from './body.js';
import { MAX_BODY_BYTES, approve, error, refusal, type Authorize, type WebHandler } from './handlers.js';
import type { PaperOSIntegration } from './integration.js';

/** The API paths the elements call; nothing else is proxied. The first group is the org id. */
const ALLOWED: Array<{ methods: string[]; pattern: RegExp }> = [
  { methods: ['GET'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/(?:workflow-templates|documents)$/ },
  { methods: ['GET', 'POST'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/(?:workflows|records)$/ },
  { methods: ['GET', 'PATCH'], pattern: /^\/api\/v1\/orgs\/([^/]+)\/records\/[^/]+$/ },
  { methods: ['GET'], pattern: /^\/api\/user\/debug$/ },
  { methods: ['GET'], pattern: /^\/api\/v1\/org\/debug$/ },
];

/** Request headers passed on to PaperOS (the token is added here, never taken from the browser). */
const PASSED_ON = ['content-type', 'if-none-match', 'if-modified-since', 'accept-language'];
/** Answer headers passed back to the browser; nothing that could carry credentials. */
const PASSED_BACK = ['content-type', 'etag', 'retry-after', 'cache-control', 'last-modified'];

export interface ProxyOptions extends CrossSiteOptions {
  integration: PaperOSIntegration;
  authorize: Authorize;
  /** The path prefix this handler is mounted at, stripped before forwarding (e.g. `/paperos`). */
  prefix?: string;
  fetch?: typeof fetch;
  /** How long PaperOS may take to answer (its headers and first 64 KB), ms (default 15000). */
  timeoutMs?: number;
}

/**
 * A backend-for-frontend proxy: the elements use your origin as `base-url`
 * (e.g. `/paperos`) and send no token; this adds the PaperOS token server-side
 * and forwards only the element API paths, for the org `authorize` approves.
 * No PaperOS token ever reaches the browser: answers stream back through a
 * filter that redacts it, compressed when the browser accepts gzip or brotli.
 * POST and PATCH must come from your origin (or `allowedOrigins`) with a JSON
 * body. When PaperOS refuses the token (401), it is renewed once for every
 * instance sharing the token store (`renewAccessToken`: one forced mint per user
 * and org in 10 s), and the request sent once more.
 */
export function createProxyHandler(options: ProxyOptions): WebHandler {
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
    const refused = refusal(request, options, request.method !== 'GET');
    if (refused) return refused;
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
    // one deadline for PaperOS's headers and the part of the answer read before the browser's answer starts
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('PaperOS did not answer in time.', 'TimeoutError')),
      options.timeoutMs ?? 15_000,
    );
    const send = (token: string) => {
      const headers = new Headers({ authorization: `Bearer ${token}`, accept: 'application/json' });
      for (const name of PASSED_ON) {
        const value = request.headers.get(name);
        if (value) headers.set(name, value);
      }
      return upstreamFetch(`${options.integration.baseUrl}${path}${url.search}`, {
        method: request.method,
        headers,
        body,
        signal: deadline.signal,
      });
    };

    try {
      let token = (await options.integration.accessToken(who, who.orgId)).token;
      let upstream = await send(token);
      if (upstream.status === 401) {
        // the token was refused (revoked, key rotated): renew it for every instance (one forced
        // mint per user and org in 10 s, shared with the token endpoint), send once more
        await upstream.body?.cancel();
        token = (await options.integration.renewAccessToken(who, who.orgId, token)).token;
        upstream = await send(token);
      }
      const out = new Headers();
      for (const name of PASSED_BACK) {
        const value = upstream.headers.get(name);
        if (value) out.set(name, value);
      }
      if (upstream.status === 204 || upstream.status === 304 || !upstream.body) {
        await upstream.body?.cancel();
        return new Response(null, { status: upstream.status, headers: out });
      }
      let answer: Awaited<ReturnType<typeof relayBody>>;
      try {
        answer = await relayBody(upstream, token, request.headers.get('accept-encoding'), out);
      } catch {
        if (deadline.signal.aborted) throw deadline.signal.reason;
        return error(502, 'PaperOS broke off its answer.');
      }
      return new Response(answer, { status: upstream.status, headers: out });
    } catch (failure) {
      const status = (failure as { status?: number }).status;
      if (status === 403 || status === 404) return error(403, 'PaperOS did not issue a token for this organization.');
      const timedOut = (failure as { name?: string }).name === 'TimeoutError';
      return error(
        timedOut ? 504 : 502,
        timedOut ? 'PaperOS did not answer in time.' : 'PaperOS could not be reached.',
      );
    } finally {
      clearTimeout(timer);
    }
  };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
