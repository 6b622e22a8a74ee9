// Server rendering in plain Node: each element renders through @lit-labs/ssr
// to declarative shadow DOM showing its loading state (no DOM globals needed).
// hydration.node.test.ts takes that markup into a browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '../../src/index.js';

const TAGS = ['paperos-workflow-launcher', 'paperos-document-list', 'paperos-record-list'] as const;

describe('server rendering', () => {
  it('renders every element to declarative shadow DOM in its loading state', async () => {
    const alone = {
      'paperos-workflow-launcher': html`<paperos-workflow-launcher></paperos-workflow-launcher>`,
      'paperos-document-list': html`<paperos-document-list></paperos-document-list>`,
      'paperos-record-list': html`<paperos-record-list></paperos-record-list>`,
    };
    for (const tag of TAGS) {
      const markup = await collectResult(render(alone[tag]));
      assert.match(
        markup,
        new RegExp(`^(<!--[^>]*-->)?<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`),
        tag,
      );
      const shadow = markup.slice(markup.indexOf('<template'), markup.lastIndexOf('</template>'));
      assert.match(shadow, /role="status"/, `${tag} shows its loading state`);
      assert.match(shadow, /<style>/, `${tag} carries its styles`);
      assert.doesNotMatch(shadow, /role="alert"/, `${tag} is not in its error state`);
    }
  });
});

describe('server rendering inside a provider', () => {
  it('renders the provider and the elements it holds, attributes included', async () => {
    const markup = await collectResult(
      render(
        html`<paperos-provider org-id="org_1" token-url="/token"
          ><paperos-record-list type="company" limit="5"></paperos-record-list
        ></paperos-provider>`,
      ),
    );
    assert.match(
      markup,
      /<paperos-provider[^>]*org-id="org_1"[^>]*><template shadowroot="open" shadowrootmode="open">/,
    );
    assert.match(
      markup,
      /<paperos-record-list[^>]*type="company"[^>]*><template shadowroot="open" shadowrootmode="open">/,
    );
    assert.match(markup, /Loading records…/);
  });
});
