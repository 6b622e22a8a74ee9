/**
 * `@paperos/elements/server`: the partner backend's toolkit (Node only). Mint
 * org-scoped access tokens with client credentials, keep them in a bounded or
 * shared store, answer the elements' `token-url`, or proxy their API calls so
 * no token reaches the browser.
 */
export {
  PaperOSIntegration,
  clientCredentialsHeader,
  type IntegrationOptions,
  type MintedToken,
  type SubjectInput,
  type SubjectRef,
} from './integration.js';
export { MemoryTokenStore, type MemoryTokenStoreOptions, type TokenStore } from './token-store.js';
export { RedisTokenStore, type RedisCommands, type RedisTokenStoreOptions } from './redis-store.js';
export { createTokenHandler, type Authorize, type WebHandler } from './handlers.js';
export { createProxyHandler, type ProxyOptions } from './proxy.js';
export type { CrossSiteOptions } from './csrf.js';
export { toNodeHandler } from './node.js';
export { createTokenVerifier, verifyToken } from './verify.js';
export { PaperOSError } from '../client/errors.js';
