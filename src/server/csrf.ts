/**
 * Cross-site request forgery defence for the handlers: a browser tells where a
 * request comes from (`Sec-Fetch-Site`, `Origin`), and a page on another site
 * can send a "simple" cross-site POST (`text/plain`, a form) without asking
 * first, but never one labelled `application/json`.
 */

export interface CrossSiteOptions {
  /**
   * Origins besides your own that may send state-changing requests, exactly as
   * browsers send them (`https://app.partner.example`, no path). Default: none.
   */
  allowedOrigins?: readonly string[];
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request may go on: from an allowed origin, from the
 * same origin (`Sec-Fetch-Site: same-origin`, or, for browsers that do not send
 * it, an `Origin` with the request's own host), or from something that is not
 * a browser at all (neither header: nothing a page can make a victim's browser send).
 */
export function fromAllowedOrigin(request: Request, options: CrossSiteOptions): boolean {
  if (SAFE.has(request.method)) return true;
  const origin = request.headers.get('origin');
  if (origin && options.allowedOrigins?.includes(origin)) return true;
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get('host') ?? new URL(request.url).host);
  } catch {
    // `Origin: null` (a sandboxed frame, a file) and anything unparsable
    return false;
  }
}

/** Whether a request's body is declared JSON (`application/json`, any parameters); no body needs no type. */
export function jsonOrEmpty(request: Request, bodyRequired: boolean): boolean {
  const type = request.headers.get('content-type');
  if (type === null) {
    if (bodyRequired) return false;
    const length = request.headers.get('content-length');
    return (length === null || length === '0') && !request.headers.has('transfer-encoding');
  }
  return type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
