// Every element module must import, and every element construct, in plain Node
// (server-side frameworks import the package): nothing may touch window/document
// at import or construction (Lit's Node build brings its own DOM shim).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LitElement } from 'lit';

const elementsDir = fileURLToPath(new URL('../../src/elements/', import.meta.url));
const folders = readdirSync(elementsDir).filter((name) => existsSync(`${elementsDir}${name}/define.ts`));

test('every element module imports and constructs in plain Node', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.ok(folders.length >= 4, `found ${folders.join(', ')}`);
  for (const folder of folders) {
    const module = (await import(`../../src/elements/${folder}/define.ts`)) as Record<string, unknown>;
    const classes = Object.values(module).filter(
      (value): value is new () => HTMLElement =>
        typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof LitElement,
    );
    assert.equal(classes.length, 1, `${folder} exports one element class`);
    const element = new classes[0]();
    assert.ok(element, `${folder} constructs`);
  }
  const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
  if (existsSync(index)) await import('../../src/index.js');
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
});
