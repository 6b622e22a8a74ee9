/**
 * `@paperos/elements/server`: the partner backend's toolkit (Node only). Mint
 * org-scoped access tokens with client credentials, answer the elements'
 * `token-url`, or proxy their API calls so no token reaches the browser.
 */
export {
  PaperOSIntegration,
  clientCredentialsHeader,
  type IntegrationOptions,
  type MintedToken,
  type SubjectInput,
  type SubjectRef,
} from './integration.js';
export {
  createProxyHandler,
  createTokenHandler,
  createTokenVerifier,
  toNodeHandler,
  verifyToken,
  type Authorize,
  type WebHandler,
} from './handlers.js';
export { PaperOSError } from '../client/errors.js';
