/** What every route of the sandbox shares: its Hono environment, errors, JSON bodies and conditional GETs. */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { RETAINED_304_HEADERS, etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import * as v from 'valibot';
import type { SandboxClient } from './seed.js';
import type { TokenClaims } from './tokens.js';

/** The values the authentication middleware (auth.ts) hands to the routes through `c.var`. */
export interface SandboxEnv {
  Variables: {
    /** The integration client named by HTTP Basic credentials (`clientAuth`). */
    client: SandboxClient;
    /** The verified claims of the Bearer token (`bearerAuth`, `orgScope`). */
    claims: TokenClaims;
    /** The organization of an org-scoped route, checked against the token (`orgScope`). */
    orgId: string;
  };
}

/** Ends the request with the API's error body: `{ success: false, message }`. */
export const fail = (status: number, message: string): never => {
  throw new HTTPException(status as 400, {
    res: new Response(JSON.stringify({ success: false, message }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  });
};

export const json = (c: Context, body: unknown, status = 200) => c.json(body as object, status as 200);

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type');
  if (type && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type))
    return fail(406, 'Send the body as JSON (Content-Type: application/json).');
  try {
    return await c.req.json();
  } catch {
    return fail(400, 'The body must be JSON.');
  }
}

/** The body as `schema` says, or 400 naming the first field that is wrong. */
export async function readBody<T extends v.GenericSchema>(c: Context, schema: T): Promise<v.InferOutput<T>> {
  const body = await readJson(c);
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'The body must be a JSON object.');
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    return fail(400, `${where ? `${where}: ` : ''}${issue.message}`);
  }
  return result.output;
}

// A 304 keeps the CORS headers: without them a browser treats the revalidation as a network error.
const etagged = etag({
  retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers', 'vary'],
});

/** GET lists: revalidate every time (`no-cache`), answer 304 to a matching If-None-Match. */
export const conditional: MiddlewareHandler = async (c, next) => {
  await etagged(c, next);
  if (c.res.status === 200 || c.res.status === 304) c.res.headers.set('Cache-Control', 'private, no-cache');
};

/** One line per request; the token segment of signed links is never written. */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const path = c.req.path
      .replace(/^(\/api\/public\/documents\/[^/]+\/)[^/]+/, '$1[link]')
      .replace(/^(\/sign\/[^/]+\/)[^/]+/, '$1[link]');
    log(`${c.req.method} ${path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
}

const MAX_BODY_BYTES = 1_000_000;
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * What every request passes first: CORS for `allowed` origins (default any
 * http(s) localhost origin), 405 with `Allow` for a known path, 413 past 1 MB.
 */
export function protocol(app: Hono<SandboxEnv>, allowed?: string[] | '*'): MiddlewareHandler[] {
  return [
    cors({
      origin: (origin) => {
        if (!origin) return null;
        if (allowed === '*') return origin;
        return (Array.isArray(allowed) ? allowed.includes(origin) : LOCAL_ORIGIN.test(origin)) ? origin : null;
      },
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        c.json({ success: false, message: `${c.req.method} is not allowed here; use ${methods.join(', ')}.` }, 405, {
          Allow: methods.join(', '),
        }),
    }),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // the rest of the body is never read, so the connection cannot carry another request
      onError: (c) =>
        c.json({ success: false, message: 'The body is larger than 1 MB.' }, 413, { Connection: 'close' }),
    }),
  ];
}
