// Every user-facing string has a German and a Spanish translation, and the
// committed locale modules are what `npm run localize:build` makes of them.
// The source messages are extracted afresh from the code (as
// `lit-localize extract` does), so a new `msg()` without a translation fails here.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { Config } from '@lit/localize-tools/lib/types/config.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';
import type { Message } from '@lit/localize-tools/lib/messages.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

type RuntimeConfig = Config & { output: RuntimeOutputConfig };

function config(overrides: Partial<RuntimeOutputConfig> = {}): RuntimeConfig {
  const file = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')) as RuntimeConfig;
  return {
    ...file,
    output: { ...file.output, ...overrides },
    baseDir: root,
    resolve: (path: string) => resolve(root, path),
  };
}

function text(message: Message): string {
  return message.contents.map((part) => (typeof part === 'string' ? part : `{${part.index}}`)).join('');
}

describe('translations', { timeout: 120_000 }, () => {
  let localizer: RuntimeLitLocalizer;
  let source: Message[];

  before(() => {
    localizer = new RuntimeLitLocalizer(config());
    const { messages, errors } = localizer.extractSourceMessages();
    assert.deepEqual(
      errors.map((e) => String(e.messageText)),
      [],
      'msg() calls lit-localize can read',
    );
    source = messages;
  });

  it('finds the strings of the base and every element', () => {
    const files = new Set(
      localizer.extractSourceMessages().messages.map((m) => m.file.fileName.replace(root, '').split('/')[2]),
    );
    for (const folder of ['base', 'workflow-launcher', 'document-list', 'record-list']) {
      assert.ok(files.has(folder), `messages extracted from src/elements/${folder}`);
    }
    assert.ok(source.length > 50, `${source.length} messages`);
  });

  for (const locale of config().targetLocales) {
    it(`${locale}: every source message is translated, placeholders intact`, () => {
      const translated = new Map(
        (localizer.readTranslationsSync().translations.get(locale) ?? []).map((m) => [m.name, m]),
      );
      const missing = source.filter((m) => !translated.has(m.name)).map((m) => `${m.name}: ${text(m)}`);
      assert.deepEqual(
        missing,
        [],
        `untranslated in xliff/${locale}.xlf (run npm run localize:extract, translate, npm run localize:build)`,
      );
      for (const message of source) {
        const target = translated.get(message.name)!;
        assert.ok(text(target).trim(), `${message.name} has a non-empty ${locale} text`);
      }
    });
  }

  it('placeholders in every translation match their source', () => {
    assert.deepEqual(localizer.validateTranslations().errors, []);
  });

  it('the committed locale modules are the build of the current translations', async () => {
    const out = mkdtempSync(join(tmpdir(), 'paperos-locales-'));
    try {
      await new RuntimeLitLocalizer(
        config({ outputDir: out, localeCodesModule: join(out, 'locale-codes.ts') }),
      ).build();
      for (const file of [...config().targetLocales.map((l) => `${l}.ts`), 'locale-codes.ts']) {
        assert.equal(
          readFileSync(join(root, 'src/locales', file), 'utf8'),
          readFileSync(join(out, file), 'utf8'),
          `src/locales/${file} is stale: run npm run localize:build`,
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the generated modules hold exactly the source message ids', async () => {
    for (const locale of config().targetLocales) {
      const { templates } = (await import(`../../src/locales/${locale}.ts`)) as { templates: Record<string, unknown> };
      assert.deepEqual(Object.keys(templates).sort(), source.map((m) => m.name).sort(), `src/locales/${locale}.ts`);
    }
  });
});
