// The framework typings type-check. React's (src/types/react-jsx.d.ts) is
// compiled against a fixture that uses the elements in JSX: right attributes
// pass and wrong ones fail (each `@ts-expect-error` must be needed). The
// opt-in files for Preact, Solid, Vue and Svelte (types/) must at least parse;
// Svelte's needs no framework and type-checks fully.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { root } from './harness.js';

function compilerOptions(): ts.CompilerOptions {
  const file = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(file.config, ts.sys, root);
  return { ...parsed.options, noEmit: true, types: [] };
}

/** `checkDeclarations`: check .d.ts files too (slower: the DOM lib is checked with them). */
function diagnostics(files: string[], checkDeclarations = false): string[] {
  const program = ts.createProgram(files, { ...compilerOptions(), skipLibCheck: !checkDeclarations });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || !d.file.fileName.includes('/node_modules/'))
    .map((d) => {
      const where = d.file
        ? `${d.file.fileName.replace(root, '')}:${d.file.getLineAndCharacterOfPosition(d.start!).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

describe('framework typings', { timeout: 120_000 }, () => {
  it('React 19 JSX: the elements take their attributes, and only those', () => {
    assert.deepEqual(diagnostics([join(root, 'test/embedding/types/react-jsx.fixture.tsx')]), []);
  });

  it('Svelte: type-checks with no framework installed', () => {
    // Laid out as in the published package (types/ beside dist/types/), without needing a build.
    const pkg = mkdtempSync(join(tmpdir(), 'paperos-types-'));
    try {
      mkdirSync(join(pkg, 'types'));
      mkdirSync(join(pkg, 'dist/types'), { recursive: true });
      copyFileSync(join(root, 'types/svelte.d.ts'), join(pkg, 'types/svelte.d.ts'));
      copyFileSync(join(root, 'src/types/attributes.d.ts'), join(pkg, 'dist/types/attributes.d.ts'));
      assert.deepEqual(diagnostics([join(pkg, 'types/svelte.d.ts')], true), []);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });

  it('Preact, Solid, Vue: parse as declaration files', () => {
    const files = readdirSync(join(root, 'types')).filter((f) => f.endsWith('.d.ts'));
    assert.deepEqual(files.sort(), ['preact.d.ts', 'solid.d.ts', 'svelte.d.ts', 'vue.d.ts']);
    for (const file of files) {
      const source = ts.createSourceFile(file, ts.sys.readFile(join(root, 'types', file))!, ts.ScriptTarget.ES2022);
      assert.deepEqual(
        (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => d.messageText),
        [],
        file,
      );
    }
  });
});
