import type { PaperOSIntegration, SubjectRef } from './integration.js';
import { fromAllowedOrigin, jsonOrEmpty, type CrossSiteOptions } from './csrf.js';

/** Who is signed in and which organization they may open; `null` refuses. */
export type Authorize = (request: Request) => Promise<(SubjectRef & { orgId: string }) | null>;

export type WebHandler = (request: Request) => Promise<Response>;

/** Request bodies the handlers accept (the elements send small JSON bodies). */
export const MAX_BODY_BYTES = 1_000_000;

type Approval = { ok: true; who: SubjectRef & { orgId: string } } | { ok: false; response: Response };

/**
 * The host's verdict. `null`, `undefined` or a callback that throws refuses (401);
 * an approval without a subject or org is a host bug (500), never a token.
 */
export async function approve(authorize: Authorize, request: Request): Promise<Approval> {
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

/**
 * The CSRF checks both handlers make before anything else: a state-changing
 * request from a foreign origin gets 403, a body not declared JSON 415.
 */
export function refusal(request: Request, options: CrossSiteOptions, bodyRequired: boolean): Response | undefined {
  if (!fromAllowedOrigin(request, options)) return error(403, 'Cross-site requests are not accepted.');
  if (!jsonOrEmpty(request, bodyRequired)) return error(415, 'Send the body as application/json.');
  return undefined;
}

export const noStore = { 'cache-control': 'no-store', 'content-type': 'application/json' };
export const error = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ success: false, message }), { status, headers: { ...noStore, ...headers } });

/** The `reason` of a token request's JSON body (`{"reason": "rejected"}`); anything else counts as none. */
async function tokenReason(request: Request): Promise<string | undefined> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    return undefined;
  }
  // the elements send a few bytes; a large body is not worth parsing
  if (!text || text.length > 1000) return undefined;
  try {
    const reason = (JSON.parse(text) as { reason?: unknown } | null)?.reason;
    return typeof reason === 'string' ? reason : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The endpoint the elements' `token-url` points at. POST only, from your own
 * origin (or `allowedOrigins`), with no body or a JSON one; it asks your
 * `authorize` callback who is signed in, and answers nothing without its approval.
 * Answers `{"access_token", "token_type": "Bearer", "expires_in"}` with `Cache-Control: no-store`.
 * The elements POST `{"reason": "initial" | "expiring" | "rejected"}`: on `rejected`
 * (PaperOS refused the token) the kept token is dropped and a new one minted, at
 * most once per user and org in 10 s (`PaperOSIntegration.renewAccessToken`).
 */
export function createTokenHandler(
  options: { integration: PaperOSIntegration; authorize: Authorize } & CrossSiteOptions,
): WebHandler {
  return async (request) => {
    if (request.method !== 'POST') return error(405, 'Use POST.', { allow: 'POST' });
    const refused = refusal(request, options, false);
    if (refused) return refused;
    const approval = await approve(options.authorize, request);
    if (!approval.ok) return approval.response;
    const { who } = approval;
    const { integration } = options;
    try {
      const rejected = (await tokenReason(request)) === 'rejected';
      const { token, expiresAt } = await (rejected
        ? integration.renewAccessToken(who, who.orgId)
        : integration.accessToken(who, who.orgId));
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
