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
// The endpoints as functions over a ClientCore (PaperOSClient's methods call them): a bundle takes only those it imports.
export { listDocuments, listDocumentsByAccount } from './documents.js';
export { listWorkflowTemplates, listWorkflows, startWorkflow } from './workflows.js';
export { createRecord, getRecord, listRecords, updateRecord } from './records.js';
export { createOrg, debugOrg, debugUser, listOrgs } from './orgs.js';
export type * from './types.js';
