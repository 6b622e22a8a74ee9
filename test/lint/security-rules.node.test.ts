// The security rules in eslint.config.js must reject raw-HTML sinks and browser
// storage in library code; this lints deliberately bad lines as if they were in src/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function findings(code: string, filePath = 'src/elements/example/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('security lint rules', () => {
  const bad: Array<[string, string]> = [
    [
      'an unsafeHTML import',
      `import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = unsafeHTML;\n`,
    ],
    ['an unsafeSVG import', `import { unsafeSVG } from 'lit/directives/unsafe-svg.js';\nexport const x = unsafeSVG;\n`],
    ['an unsafeCSS import', `import { unsafeCSS } from 'lit';\nexport const x = unsafeCSS;\n`],
    ['an innerHTML write', `export function f(el: Element, s: string): void {\n  el.innerHTML = s;\n}\n`],
    ['localStorage', `export const t = localStorage.getItem('token');\n`],
    ['sessionStorage', `export function f(t: string): void {\n  sessionStorage.setItem('t', t);\n}\n`],
    ['document.cookie', `export const c = document.cookie;\n`],
  ];
  for (const [name, code] of bad) {
    it(`rejects ${name} in src/`, async () => {
      const messages = await findings(code);
      assert.ok(
        messages.some((m) => m.startsWith('no-restricted-')),
        `expected a security finding, got: ${JSON.stringify(messages)}`,
      );
    });
  }

  it('accepts ordinary lit templates', async () => {
    const messages = await findings(
      `import { html } from 'lit';\nexport const view = (name: string) => html\`<p>\${name}</p>\`;\n`,
    );
    assert.deepEqual(messages, []);
  });

  it('leaves tests free to use storage (to prove tokens never land there)', async () => {
    const messages = await findings(`export const n = localStorage.length;\n`, 'test/elements/example.test.ts');
    assert.deepEqual(messages, []);
  });
});
