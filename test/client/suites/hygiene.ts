import { expect } from 'chai';
import type { PaperOSError } from '../../../src/client/index.js';
import { PaperOSClient, safeHref, signedUrlExpiry } from '../../../src/client/index.js';
import * as examples from '../../fixtures/api-examples.js';
import { FakeFetch, json, type Harness } from './harness.js';

const BASE = 'https://paperos.test';
const ORG = examples.EXAMPLE_ORG_ID;
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export function hygieneSuite({ describe, it }: Harness): void {
  describe('token hygiene', () => {
    it('never puts the token in a URL, console output, an error message or storage', async () => {
      const token = examples.makeJwt({ sub: 'sub_secret', org_id: ORG, exp: examples.epochIn(600) });
      const printed: string[] = [];
      const originals = METHODS.map((m) => console[m]);
      METHODS.forEach((m) => {
        console[m] = (...args: unknown[]) =>
          void printed.push(
            args
              .map((a) =>
                a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a),
              )
              .join(' '),
          );
      });
      const fake = new FakeFetch().reply(
        // a server that echoes the token back in its error message
        json({ message: `token ${token} is not valid (Bearer ${token})` }, 400),
        json({ workflow_templates: [{ id: 1 }, { bad: token }] }),
        json({ message: 'nope' }, 500),
        new TypeError(`network down for ${token}`),
        json({ documents: [{ ...examples.documentsResponse.documents[0], recipients: [{ weird: token }] }] }),
      );
      const errors: PaperOSError[] = [];
      try {
        const client = new PaperOSClient({
          baseUrl: BASE,
          fetch: fake.fetch,
          cache: false,
          token,
          retry: { attempts: 1 },
        });
        await client.startWorkflow(ORG, { flowId: 'flow_a' }).catch((e) => errors.push(e));
        await client.listWorkflowTemplates(ORG);
        await client.listWorkflows(ORG).catch((e) => errors.push(e));
        await client.listWorkflows(ORG).catch((e) => errors.push(e));
        await client.listDocuments(ORG);
      } finally {
        METHODS.forEach((m, i) => (console[m] = originals[i]));
      }
      expect(errors).to.have.length(3);
      for (const error of errors) {
        expect(error.message).to.not.include(token);
        expect(String(error)).to.not.include(token);
        // what console.error(error) would print: the cause chain too
        const cause = error.cause as { message?: unknown; stack?: unknown } | undefined;
        expect(`${String(cause?.message)} ${String(cause?.stack)}`).to.not.include(token);
      }
      expect(errors[0].message).to.include('[redacted]');
      for (const request of fake.requests) {
        expect(request.url.href).to.not.include(token);
        expect(request.headers.get('authorization')).to.equal(`Bearer ${token}`);
      }
      expect(printed.length).to.be.greaterThan(0); // the skipped items were reported
      for (const line of printed) expect(line).to.not.include(token);
      const storage = globalThis as { localStorage?: Storage; sessionStorage?: Storage };
      for (const store of [storage.localStorage, storage.sessionStorage]) {
        if (!store) continue;
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i)!;
          expect(`${key}=${store.getItem(key)}`).to.not.include(token);
        }
      }
      if (typeof document !== 'undefined') expect(document.cookie).to.not.include(token);
    });
  });

  describe('URL policy', () => {
    const base = 'https://app.paperos.com';
    it('allows https links and same-origin links', () => {
      expect(safeHref('https://files.example.com/a.pdf', base)).to.equal('https://files.example.com/a.pdf');
      expect(safeHref('/api/public/documents/1/x', base)).to.equal('https://app.paperos.com/api/public/documents/1/x');
      expect(safeHref('http://127.0.0.1:4010/doc', 'http://127.0.0.1:4010')).to.equal('http://127.0.0.1:4010/doc');
    });
    it('refuses dangerous and foreign links', () => {
      const refused = [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' \u0001javascript:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        'file:///etc/passwd',
        'ftp://example.com/x',
        '//evil.example/x',
        '\\\\evil.example/x',
        '/\t/evil.example/x',
        'http://evil.example/x',
        'https://user:pass@evil.example/',
        '',
        '   ',
        'http://[::1',
      ];
      for (const url of refused) expect(safeHref(url, base), JSON.stringify(url)).to.equal(null);
      expect(safeHref(42, base)).to.equal(null);
      expect(safeHref(undefined, base)).to.equal(null);
    });
    it('reads the exp of a signed document URL', () => {
      const url = examples.documentsResponse.documents[0].url;
      expect(signedUrlExpiry(url)).to.equal(1697228404);
      expect(signedUrlExpiry('https://paperos.test/no-jwt')).to.equal(undefined);
      expect(signedUrlExpiry('::not a url::')).to.equal(undefined);
    });
  });
}
