// The client entry must load in plain Node without touching the DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('@paperos/elements/client imports in plain Node without a DOM', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const touched: string[] = [];
  for (const name of ['window', 'document', 'customElements', 'HTMLElement']) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
  try {
    const client = await import('../../src/client/index.js');
    assert.equal(typeof client.PaperOSClient, 'function');
    const instance = new client.PaperOSClient({ token: 't' });
    assert.equal(instance.baseUrl, 'https://app.paperos.com');
  } finally {
    for (const name of ['window', 'document', 'customElements', 'HTMLElement'])
      delete (globalThis as Record<string, unknown>)[name];
  }
  assert.deepEqual(touched, []);
});
