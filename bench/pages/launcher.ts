/** The candidate for scenario 1: `<paperos-workflow-launcher>` with its templates from a mocked fetch. */
import '../../src/elements/workflow-launcher/define.js';
import { MockApi } from '../../test/helpers/mock-api.js';
import { BASE, ORG, TEMPLATES_PATH, benchToken } from './data.js';
import { startPage, type Bytes } from './harness.js';

const api = new MockApi().install();
let body: Bytes = new Uint8Array();
const json = (text: string | Bytes) => () => new Response(text, { headers: { 'content-type': 'application/json' } });
api.on('GET', TEMPLATES_PATH, () => json(body)());
// Anything else the launcher may ask for answers empty, at once.
api.on('GET', `/api/v1/orgs/${ORG}/workflows`, json('{"success":true,"total":0,"count":0,"workflows":[]}'));
api.on('GET', `/api/v1/orgs/${ORG}/records`, json('[]'));

startPage({
  name: 'element',
  mountTemplates(container, data) {
    body = data;
    const el = document.createElement('paperos-workflow-launcher') as HTMLElement & { token?: string };
    el.setAttribute('base-url', BASE);
    el.token = benchToken();
    // `paperos-load` is sent after the render that shows the rows.
    const loaded = new Promise<void>((resolve, reject) => {
      el.addEventListener('paperos-load', () => resolve(), { once: true });
      el.addEventListener(
        'paperos-error',
        (e) => reject(new Error(JSON.stringify((e as unknown as CustomEvent).detail))),
        { once: true },
      );
    });
    container.append(el);
    return loaded;
  },
});
