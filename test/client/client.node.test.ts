// The client's isomorphic suites under Node's own test runner.
import { afterEach, beforeEach, describe, it } from 'node:test';
import { endpointSuite } from './suites/endpoints.js';
import { hygieneSuite } from './suites/hygiene.js';
import { tokenCacheSuite } from './suites/token-cache.js';
import { transportSuite } from './suites/transport.js';
import type { Harness } from './suites/harness.js';

const harness = { describe, it, beforeEach, afterEach } as unknown as Harness;
endpointSuite(harness);
transportSuite(harness);
tokenCacheSuite(harness);
hygieneSuite(harness);
