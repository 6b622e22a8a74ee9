// The client's isomorphic suites in the browser (mocha, under web-test-runner).
import { endpointSuite } from './suites/endpoints.js';
import { hygieneSuite } from './suites/hygiene.js';
import { tokenCacheSuite } from './suites/token-cache.js';
import { transportSuite } from './suites/transport.js';

const harness = { describe, it, beforeEach, afterEach };
endpointSuite(harness);
transportSuite(harness);
tokenCacheSuite(harness);
hygieneSuite(harness);
