/**
 * `@paperos/elements/client`: the PaperOS API client for browsers and Node.
 * Imports nothing from the DOM.
 */
export { PaperOSClient, DEFAULT_BASE_URL, type PaperOSClientOptions } from './client.js';
export { PaperOSError, isPaperOSError, codeForStatus, type PaperOSErrorCode, type PaperOSErrorInit } from './errors.js';
export { TokenSource, sharedTokenSource, type TokenSourceOptions } from './token.js';
export { RequestCache, pageCache, type RequestCacheOptions } from './cache.js';
export { safeHref, signedUrlExpiry } from './url-policy.js';
export { parseRetryAfter } from './http.js';
export { normalizeRecipient } from './documents.js';
export { ClientCore } from './core.js';
export type * from './types.js';
