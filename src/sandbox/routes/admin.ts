/** `/__sandbox/*`: the sandbox's own controls at run time (faults, reset, key rotation), for browser tests and demos. */
import { Hono } from 'hono';
import type { SandboxParts } from '../auth.js';
import { parseFaults } from '../faults.js';
import { fail, json, readJson, type SandboxEnv } from '../http.js';

/** A new signing key, written to the data file: tokens and links signed with the old one get 401 from now on. */
export async function rotateKeys({ store, tokens }: SandboxParts): Promise<{ kid: string }> {
  const kid = await tokens.rotate();
  store.save();
  return { kid };
}

export function adminRoutes(parts: SandboxParts) {
  const { faults, store } = parts;
  const app = new Hono<SandboxEnv>();
  app.get('/__sandbox/faults', (c) => json(c, { faults: faults.list() }));
  app.post('/__sandbox/faults', async (c) => {
    const body = await readJson(c);
    try {
      faults.set(parseFaults(body));
    } catch (error) {
      return fail(400, (error as Error).message);
    }
    return json(c, { faults: faults.list() });
  });
  app.delete('/__sandbox/faults', (c) => {
    faults.clear();
    return c.body(null, 204);
  });
  app.post('/__sandbox/reset', (c) => {
    store.reset();
    return c.body(null, 204);
  });
  app.post('/__sandbox/rotate-keys', async (c) => json(c, await rotateKeys(parts)));
  return app;
}
