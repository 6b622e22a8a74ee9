// custom-elements.json: generated from the elements (npm run analyze), committed
// current, referenced from package.json, and complete: every element with its
// attributes, property-only settings, events, slots, parts, and every
// `--paperos-*` custom property its styles read. It validates against the
// custom-elements-manifest schema, its modules are the files the package ships
// (dist/), every reference names a module that declares it, and each tag has
// one definition, in the module that registers it.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { root } from './harness.js';

interface Named {
  name: string;
  attribute?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  members?: Named[];
  events?: (Named & { type?: { text: string }; description?: string })[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Reference {
  name: string;
  module?: string;
  package?: string;
}
interface Export {
  kind: 'js' | 'custom-element-definition';
  name: string;
  declaration: Reference;
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[]; exports?: Export[] }[];
}

const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
const elements = () =>
  new Map(
    committed.modules.flatMap((m) =>
      (m.declarations ?? [])
        .filter((d) => d.customElement && d.tagName)
        .map((d) => [d.tagName!, { ...d, path: m.path }]),
    ),
  );
const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name);

/** Every `--paperos-*` custom property a styles file reads. */
function customProperties(file: string): string[] {
  if (!existsSync(file)) return [];
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/var\((--paperos-[a-z0-9-]+)/g)].map((m) => m[1]!))];
}

const EVENTS: Record<string, string[]> = {
  'paperos-workflow-launcher': ['paperos-workflow-start', 'paperos-workflow-started', 'paperos-load', 'paperos-error'],
  'paperos-document-list': ['paperos-document-open', 'paperos-sign', 'paperos-load', 'paperos-error'],
  'paperos-record-list': [
    'paperos-record-select',
    'paperos-record-save',
    'paperos-record-create',
    'paperos-load',
    'paperos-error',
  ],
};

describe('custom-elements.json', { timeout: 120_000 }, () => {
  let fresh: Manifest;
  before(async () => {
    fresh = (await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true })) as Manifest;
  });

  it('is what `npm run analyze` makes of the current sources', () => {
    assert.deepEqual(committed, fresh, 'custom-elements.json is stale: run npm run analyze and commit it');
  });

  it('validates against the custom-elements-manifest schema it names', () => {
    const require = createRequire(import.meta.url);
    const schemaPackage = require('custom-elements-manifest/package.json') as { version: string };
    assert.equal(committed.schemaVersion, schemaPackage.version);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(
      require('custom-elements-manifest/schema.json'),
    );
    assert.ok(validate(committed), JSON.stringify(validate.errors, null, 2));
  });

  it('names the modules the package ships, and every reference a module that declares it', () => {
    const declared = new Map(
      committed.modules.map((m) => [m.path, new Set((m.declarations ?? []).map((d) => d.name))]),
    );
    const problems: string[] = [];
    for (const mod of committed.modules) {
      const source = mod.path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
      if (!/^dist\/.+\.js$/.test(mod.path) || !existsSync(join(root, source))) {
        problems.push(`${mod.path}: no module the build makes (from ${source})`);
      }
      const visit = (value: unknown, where: string): void => {
        if (Array.isArray(value)) return value.forEach((v) => visit(v, where));
        if (!value || typeof value !== 'object') return;
        const ref = value as Reference;
        if (typeof ref.module === 'string' && typeof ref.name === 'string' && !ref.package) {
          const outside = join(root, ref.module.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
          const found = declared.has(ref.module)
            ? declared.get(ref.module)!.has(ref.name)
            : // a module outside the manifest's globs (the client) must at least export the name
              existsSync(outside) && new RegExp(`export [^;]*\\b${ref.name}\\b`).test(readFileSync(outside, 'utf8'));
          if (!found) problems.push(`${where}: ${ref.name} from ${ref.module}`);
        }
        for (const inner of Object.values(value)) visit(inner, where);
      };
      visit(mod.declarations, mod.path);
      visit(mod.exports, mod.path);
    }
    assert.deepEqual(problems, []);
  });

  it('has one definition per tag, in the module that registers it, naming its class', () => {
    const definitions = committed.modules.flatMap((m) =>
      (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => ({ ...e, in: m.path })),
    );
    const tags = [...elements().keys()].sort();
    assert.deepEqual(definitions.map((d) => d.name).sort(), tags);
    for (const definition of definitions) {
      const el = elements().get(definition.name)!;
      const folder = definition.name.replace(/^paperos-/, '');
      assert.equal(definition.in, `dist/elements/${folder}/define.js`, definition.name);
      assert.deepEqual(definition.declaration, { name: el.name, module: el.path }, definition.name);
      const registers = readFileSync(join(root, `src/elements/${folder}/define.ts`), 'utf8');
      assert.ok(
        registers.includes(`defineElement('${definition.name}', ${el.name})`),
        `${folder}/define.ts registers it`,
      );
    }
  });

  it('is referenced from package.json and exported', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
  });

  it('lists every element folder under its tag', () => {
    const folders = readdirSync(join(root, 'src/elements')).filter((f) =>
      existsSync(join(root, 'src/elements', f, 'define.ts')),
    );
    const tags = [...elements().keys()].sort();
    assert.deepEqual(tags, folders.map((f) => `paperos-${f}`).sort());
  });

  for (const [tag, events] of Object.entries(EVENTS)) {
    it(`${tag}: attributes, properties, events, slots, parts and custom properties`, () => {
      const el = elements().get(tag)!;
      assert.ok(el, `${tag} is in the manifest`);
      for (const attribute of ['base-url', 'org-id', 'token-url']) {
        assert.ok(names(el.attributes).includes(attribute), `attribute ${attribute}`);
      }
      for (const property of ['token', 'fetchToken']) {
        const member = el.members?.find((m) => m.name === property);
        assert.ok(member, `property ${property}`);
        assert.ok(
          !el.attributes?.some((a) => a.name === property || a.name === 'token'),
          `${property} has no attribute`,
        );
      }
      assert.deepEqual(names(el.events).sort(), [...events].sort(), 'events');
      for (const event of el.events ?? []) {
        assert.ok(event.description, `${event.name} is described`);
        assert.match(event.type?.text ?? '', /^PaperOS\w+Event$/, `${event.name} names its event class`);
      }
      assert.deepEqual(
        ['empty', 'error', 'loading'].filter((s) => !names(el.slots).includes(s)),
        [],
        'state slots',
      );
      assert.deepEqual(
        ['empty', 'error', 'loading', 'retry-button'].filter((p) => !names(el.cssParts).includes(p)),
        [],
        'state parts',
      );
      const folder = tag.replace(/^paperos-/, '');
      const read = [
        ...customProperties(join(root, 'src/elements/base/base.styles.ts')),
        ...customProperties(join(root, `src/elements/${folder}/${folder}.styles.ts`)),
      ];
      assert.deepEqual(
        read.filter((p) => !names(el.cssProperties).includes(p)),
        [],
        'custom properties read by its styles but not documented (@cssprop)',
      );
    });
  }
});
