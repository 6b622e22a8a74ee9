// The package as a user's project gets it: built (tsc and the generated
// attribute types) into a staging copy, packed with `npm pack`, unpacked into
// the node_modules of a scratch project and checked there by TypeScript in
// strict mode under each framework's typings (React, Preact, Solid, Vue,
// Svelte). The frameworks' own types come from this repository's
// node_modules (symlinked), so nothing is downloaded.
//
// Every attribute of every element in custom-elements.json must be accepted,
// with a value of its type, and a misspelt or mistyped one refused (each
// `@ts-expect-error` must be needed): typings that drift from the manifest fail.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { compileModules, elementsOf, writeAttributeTypes, type Manifest } from '../../scripts/typings.js';
import { root } from './harness.js';

/** A sample value, as a JSX expression, for each attribute of each element in the manifest. */
function usesFromManifest(): { tag: string; attributes: [string, string][] }[] {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  return elementsOf(manifest).map(({ tag, attributes }) => ({
    tag,
    attributes: attributes.map((a) => {
      const type = (a as { type?: { text: string }; default?: string }).type?.text ?? 'string';
      const fallback = (a as { default?: string }).default;
      const literal = type
        .split('|')
        .map((p) => p.trim())
        .find((p) => /^'.*'$/.test(p));
      const value = /\bnumber\b/.test(type)
        ? '5'
        : /\bboolean\b/.test(type)
          ? 'true'
          : /\bstring\b/.test(type)
            ? `'x'`
            : (literal ?? fallback ?? `'x'`);
      return [a.name, value];
    }),
  }));
}

const jsx = (uses: ReturnType<typeof usesFromManifest>) =>
  uses
    .map(({ tag, attributes }) => `  <${tag} ${attributes.map(([name, value]) => `${name}={${value}}`).join(' ')} />`)
    .join('\n');

/** The same checks in JSX for React, Preact and Solid. */
function jsxApp(framework: string): string {
  return `/// <reference types="@paperos/elements/types/${framework}" />
import '@paperos/elements';

export const literal = <paperos-document-list filter="x" />;

export const everyAttribute = (
  <>
${jsx(usesFromManifest())}
  </>
);

// @ts-expect-error a misspelt attribute (TypeScript never checks names with a dash)
export const typo = <paperos-document-list emial="ada@example.com" />;
// @ts-expect-error \`limit\` is a number
export const badLimit = <paperos-record-list limit={{ max: 5 }} />;
// @ts-expect-error \`sort\` is "folder" or "name"
export const badSort = <paperos-document-list sort="size" />;
// @ts-expect-error \`templates\` belongs to the launcher
export const wrongElement = <paperos-record-list templates="flow_a" />;
`;
}

const REACT_WRAPPERS = `
import type { PaperOSRecordList as RecordListElement } from '@paperos/elements';
import { PaperOSRecordList, PaperOSWorkflowLauncher } from '@paperos/elements/react';

export const ref = <paperos-record-list className="records" ref={(el: RecordListElement | null) => void el?.limit} />;

export const wrapped = (
  <>
    <PaperOSWorkflowLauncher
      token="t"
      records={[{ role: 'company', id: 'rec_1' }]}
      onWorkflowStart={(e) => e.detail.templateId.toUpperCase()}
      onWorkflowStarted={(e) => e.workflowId.toUpperCase()}
    />
    <PaperOSRecordList limit={5} onRecordSelect={(e) => e.detail.record.name} onError={(e) => e.status + 1} />
  </>
);
// @ts-expect-error \`records\` is a list of {role, id}
export const badRecords = <PaperOSWorkflowLauncher records="rec_1" />;
// @ts-expect-error a select event is no number
export const badCallback = <PaperOSRecordList onRecordSelect={(e: number) => e} />;
`;

const objects = (uses: ReturnType<typeof usesFromManifest>, wrap: (tag: string, props: string) => string) =>
  uses
    .map(({ tag, attributes }) =>
      wrap(tag, `{ ${attributes.map(([name, value]) => `'${name}': ${value}`).join(', ')} }`),
    )
    .join('\n');

/** Vue templates (vue-tsc) check a custom element's attributes as the props of its GlobalComponents entry. */
const VUE_APP = `/// <reference types="@paperos/elements/types/vue" />
import type { GlobalComponents } from 'vue';
type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const literal: Props<'paperos-document-list'> = { filter: 'x' };
${objects(usesFromManifest(), (tag, props) => `export const ${tag.replace(/-/g, '_')}: Props<'${tag}'> = ${props};`)}

// @ts-expect-error a misspelt attribute
export const typo: Props<'paperos-document-list'> = { emial: 'ada@example.com' };
// @ts-expect-error \`limit\` is a number
export const badLimit: Props<'paperos-record-list'> = { limit: { max: 5 } };
`;

/** What svelte-check makes of \`<paperos-document-list filter="x">\` in a component. */
const SVELTE_APP = `/// <reference types="@paperos/elements/types/svelte" />
export const literal = svelteHTML.createElement('paperos-document-list', { filter: 'x' });
${objects(usesFromManifest(), (tag, props) => `svelteHTML.createElement('${tag}', ${props});`)}

// @ts-expect-error a misspelt attribute
svelteHTML.createElement('paperos-document-list', { emial: 'ada@example.com' });
// @ts-expect-error \`limit\` is a number
svelteHTML.createElement('paperos-record-list', { limit: { max: 5 } });
`;

/** The README's one listener on the document (or the window) for every element's events; a subpath per element. */
const LISTENERS = `import '@paperos/elements';
import { PaperOSDocumentList, PaperOSSignEvent } from '@paperos/elements/document-list';
import type { PaperOSWorkflowLauncher } from '@paperos/elements/workflow-launcher';

export const list: PaperOSDocumentList | null = document.querySelector('paperos-document-list');
export const launcher: PaperOSWorkflowLauncher | null = document.querySelector('paperos-workflow-launcher');
document.addEventListener(PaperOSSignEvent.eventName, (e) => e instanceof PaperOSSignEvent && e.recipient);

document.addEventListener('paperos-sign', (e) => e.detail.recipient);
document.addEventListener('paperos-document-open', (e) => e.detail.url.toUpperCase());
window.addEventListener('paperos-record-select', (e) => e.detail.record.name);
document.addEventListener('paperos-workflow-started', (e) => e.detail.workflowId.toUpperCase());
document.addEventListener('paperos-error', (e) => e.detail.status + 1);
document.querySelector('paperos-document-list')?.addEventListener('paperos-load', (e) => e.detail.count + 1);
// @ts-expect-error a sign event has no \`records\`
document.addEventListener('paperos-sign', (e) => e.detail.records);
`;

describe('the packed package in a scratch TypeScript project', { timeout: 300_000 }, () => {
  let work: string;
  let app: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'paperos-consumer-'));
    // What `npm run build` puts in dist/ for the types; the script-tag bundles are not needed here.
    const staging = join(work, 'staging');
    mkdirSync(staging);
    assert.ok(compileModules(root, join(staging, 'dist')), 'tsc -p tsconfig.build.json');
    writeAttributeTypes(root, join(staging, 'dist'));
    for (const entry of ['package.json', 'README.md', 'LICENSE', 'custom-elements.json', 'types', 'bin']) {
      cpSync(join(root, entry), join(staging, entry), { recursive: true });
    }
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work, staging], {
      cwd: work,
      encoding: 'utf8',
    });
    assert.equal(pack.status, 0, pack.stderr);
    const [{ filename }] = JSON.parse(pack.stdout) as { filename: string }[];

    app = join(work, 'app');
    const installed = join(app, 'node_modules/@paperos/elements');
    mkdirSync(installed, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', join(work, filename!), '-C', installed, '--strip-components=1']);
    assert.equal(untar.status, 0, String(untar.stderr));
    // The package's dependencies and the frameworks, from this repository (their own dependencies resolve from there).
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of [
      ...Object.keys(pkg.dependencies),
      'react',
      '@types/react',
      'preact',
      'solid-js',
      'vue',
      'svelte',
    ]) {
      mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
      symlinkSync(join(root, 'node_modules', name), join(app, 'node_modules', name));
    }
    writeFileSync(join(app, 'react.tsx'), jsxApp('react') + REACT_WRAPPERS);
    writeFileSync(join(app, 'preact.tsx'), jsxApp('preact'));
    writeFileSync(join(app, 'solid.tsx'), jsxApp('solid'));
    writeFileSync(join(app, 'vue.ts'), VUE_APP);
    writeFileSync(join(app, 'svelte.ts'), SVELTE_APP);
    writeFileSync(join(app, 'listeners.ts'), LISTENERS);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  /** Strict TypeScript over one file of the scratch project; the errors in the project's own files. */
  function check(files: string[], options: ts.CompilerOptions = {}): string[] {
    const program = ts.createProgram(
      files.map((f) => join(app, f)),
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        strict: true,
        skipLibCheck: true,
        types: [],
        noEmit: true,
        ...options,
      },
    );
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => !d.file || !d.file.fileName.includes('/node_modules/') || d.file.fileName.includes('@paperos'))
      .map((d) => {
        const where = d.file
          ? `${d.file.fileName.replace(app, '')}:${d.file.getLineAndCharacterOfPosition(d.start!).line + 1} `
          : '';
        return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
  }

  it('React 19: the elements in JSX and the wrappers take their attributes, props and callbacks, and only those', () => {
    assert.deepEqual(check(['react.tsx'], { jsx: ts.JsxEmit.ReactJSX, jsxImportSource: 'react' }), []);
  });

  it('Preact: every attribute of every element in JSX, and only those', () => {
    assert.deepEqual(check(['preact.tsx'], { jsx: ts.JsxEmit.ReactJSX, jsxImportSource: 'preact' }), []);
  });

  it('Solid: every attribute of every element in JSX, and only those', () => {
    assert.deepEqual(check(['solid.tsx'], { jsx: ts.JsxEmit.Preserve, jsxImportSource: 'solid-js' }), []);
  });

  it('Vue: every attribute of every element as a global component, and only those', () => {
    assert.deepEqual(check(['vue.ts']), []);
  });

  it('Svelte: every attribute of every element as svelte-check reads an element, and only those', () => {
    // svelte-check loads this file itself; it is not in svelte's exports
    assert.deepEqual(check(['svelte.ts', 'node_modules/svelte/svelte-html.d.ts']), []);
  });

  it('its source maps carry their sources, which the package does not ship', () => {
    const installed = join(app, 'node_modules/@paperos/elements');
    const maps = readdirSync(join(installed, 'dist'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.map'));
    assert.ok(
      maps.some((f) => f === 'elements/document-list/document-list.js.map'),
      maps.join(),
    );
    assert.ok(!existsSync(join(installed, 'src')));
    for (const file of maps) {
      assert.ok(!file.endsWith('.d.ts.map'), `${file}: a declaration map would point at src/`);
      const map = JSON.parse(readFileSync(join(installed, 'dist', file), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      assert.equal(map.sourcesContent?.filter((c) => typeof c === 'string').length, map.sources.length, file);
    }
  });

  it('a listener on the document or the window gets typed PaperOS events; each element has its subpath', () => {
    assert.deepEqual(check(['listeners.ts']), []);
  });
});
