// Set-ups a `describe` block asks for once and gets fresh in each of its tests.
import { pageCache } from '../../src/client/cache.js';
import type { PaperOSLoadEvent } from '../../src/elements/base/events.js';
import { MockApi } from './mock-api.js';

/**
 * A MockApi that answers `fetch` during each test, with the page cache
 * emptied before it; after the test the real `fetch` is back and the API's
 * routes and recorded requests are forgotten.
 */
export function mockApiPerTest(): MockApi {
  const api = new MockApi();
  beforeEach(() => {
    pageCache.clear();
    api.install();
  });
  afterEach(() => api.restore());
  return api;
}

/**
 * `counts` holds the `count` of every `paperos-load` that reaches the
 * document during the current test, in order.
 */
export function watchLoads(): { readonly counts: number[] } {
  let counts: number[] = [];
  const onLoad = (event: Event) => counts.push((event as PaperOSLoadEvent).detail.count);
  beforeEach(() => {
    counts = [];
    document.addEventListener('paperos-load', onLoad);
  });
  afterEach(() => document.removeEventListener('paperos-load', onLoad));
  return {
    get counts() {
      return counts;
    },
  };
}
