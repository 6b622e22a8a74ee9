// The framework typings, as a user's project gets them: a temporary project
// with @paperos/elements "installed" (its package.json, types/ and
// dist/types/, and declarations pointing at this repository's sources) and
// React 19. Right attributes and props pass, wrong ones fail (each
// `@ts-expect-error` must be needed). Svelte's typings need no framework and are
// checked the same way; Preact's, Solid's and Vue's must at least parse.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { root } from './harness.js';

const REACT_APP = `
/// <reference types="@paperos/elements/types/react" />
import type { PaperOSRecordList as RecordListElement } from '@paperos/elements';
import { PaperOSRecordList, PaperOSWorkflowLauncher } from '@paperos/elements/react';

export const page = (
  <paperos-provider base-url="https://app.paperos.com" org-id="org_1" token-url="/paperos/token">
    <paperos-workflow-launcher templates="flow_a,flow_b" auto-submit />
    <paperos-document-list email="ada@example.com" sort="name" />
    <paperos-record-list type="company" limit={5} editable className="records"
      ref={(el: RecordListElement | null) => void el?.limit} />
  </paperos-provider>
);

// @ts-expect-error \`limit\` is a number
export const badLimit = <paperos-record-list limit={{ max: 5 }} />;
// @ts-expect-error \`sort\` is "folder" or "name"
export const badSort = <paperos-document-list sort="size" />;
// @ts-expect-error \`templates\` belongs to the launcher
export const wrongElement = <paperos-record-list templates="flow_a" />;
// @ts-expect-error a misspelt attribute (TypeScript never checks names with a dash)
export const typo = <paperos-document-list emial="ada@example.com" />;

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

const SVELTE_USE = `
/// <reference types="@paperos/elements/types/svelte" />
export const ok: svelteHTML.IntrinsicElements['paperos-record-list'] = { type: 'company', limit: 5, class: 'x' };
// @ts-expect-error \`limit\` is a number
export const bad: svelteHTML.IntrinsicElements['paperos-record-list'] = { limit: 'five' };
`;

describe('framework typings in a user project', { timeout: 120_000 }, () => {
  let project: string;

  before(() => {
    project = mkdtempSync(join(tmpdir(), 'paperos-typings-'));
    const pkg = join(project, 'node_modules/@paperos/elements');
    mkdirSync(join(pkg, 'dist/types'), { recursive: true });
    mkdirSync(join(pkg, 'dist/react'), { recursive: true });
    copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
    cpSync(join(root, 'types'), join(pkg, 'types'), { recursive: true });
    copyFileSync(join(root, 'src/types/attributes.d.ts'), join(pkg, 'dist/types/attributes.d.ts'));
    // Declarations standing in for the built ones: this repository's sources.
    writeFileSync(join(pkg, 'dist/index.d.ts'), `export * from '${join(root, 'src/index.js')}';\n`);
    writeFileSync(join(pkg, 'dist/react/index.d.ts'), `export * from '${join(root, 'src/react/index.js')}';\n`);
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(root, 'node_modules/react'), join(project, 'node_modules/react'));
    symlinkSync(join(root, 'node_modules/@types/react'), join(project, 'node_modules/@types/react'));
    writeFileSync(join(project, 'app.tsx'), REACT_APP);
    writeFileSync(join(project, 'svelte-use.ts'), SVELTE_USE);
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  function diagnostics(file: string): string[] {
    const program = ts.createProgram([join(project, file)], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      strict: true,
      experimentalDecorators: true,
      useDefineForClassFields: false,
      skipLibCheck: true,
      types: [],
      noEmit: true,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(project))
      .map((d) => {
        const line = d.file!.getLineAndCharacterOfPosition(d.start!).line + 1;
        return `${d.file!.fileName.replace(project, '')}:${line} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
  }

  it('React 19: the elements in JSX and the wrappers take their attributes, props and callbacks, and only those', () => {
    assert.deepEqual(diagnostics('app.tsx'), []);
  });

  it('Svelte: checked attributes with no framework installed', () => {
    assert.deepEqual(diagnostics('svelte-use.ts'), []);
  });

  it('Preact, Solid, Vue: parse as declaration files', () => {
    const files = readdirSync(join(root, 'types')).filter((f) => f.endsWith('.d.ts'));
    assert.deepEqual(files.sort(), ['preact.d.ts', 'react.d.ts', 'solid.d.ts', 'svelte.d.ts', 'vue.d.ts']);
    for (const file of files) {
      const text = ts.sys.readFile(join(root, 'types', file))!;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
      const parse = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      assert.deepEqual(
        parse.map((d) => d.messageText),
        [],
        file,
      );
    }
  });
});
