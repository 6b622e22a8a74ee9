// `npm run size` on real builds: the script-tag bundle as built passes, a build
// whose entry imports the virtualizer statically (so it lands in the eagerly
// loaded part) fails, naming the file and the package, and so does a lazy chunk
// with a lit-html of its own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { COMPILE_HINT, buildBundles } from '../../scripts/bundle.js';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { root } from './harness.js';

function size(dist: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/size.ts'), dist], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('npm run size', { timeout: 300_000 }, () => {
  let dir: string;
  /** One build as `npm run build` makes it, which the tests below read or copy to break. */
  let built: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperos-size-'));
    built = join(dir, 'built');
    await buildBundles({ root, outdir: built });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the bundle as built, and prints its eager and lazy parts', () => {
    const dist = built;
    const { status, out } = size(dist);
    assert.equal(status, 0, out);
    assert.match(out, /paperos-elements\.js, loaded eagerly \(\d+ file\(s\)\): [\d.]+ KB min, [\d.]+ KB min\+gzip/);
    assert.match(out, /on demand: .*virtualize-\w+\.js: [\d.]+ KB min\+gzip \(@lit-labs\/virtualizer\)/);
    assert.match(out, /paperos-elements\.iife\.js \(everything inlined\)/);
  });

  it('puts the compile hint on top of every script, and the source maps still point into the sources and carry them', () => {
    const dist = built;
    const scripts = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'));
    assert.ok(scripts.length >= 4, scripts.join());
    for (const file of scripts) {
      assert.ok(readFileSync(join(dist, file), 'utf8').startsWith(`${COMPILE_HINT}\n`), file);
    }
    const code = readFileSync(join(dist, 'paperos-elements.js'), 'utf8');
    const map = new TraceMap(readFileSync(join(dist, 'paperos-elements.js.map'), 'utf8'));
    const lines = code.split('\n');
    const line = lines.findIndex((text) => text.includes('Loading documents'));
    const at = originalPositionFor(map, { line: line + 1, column: lines[line]!.indexOf('Loading documents') });
    assert.match(at.source ?? '', /src\/elements\/document-list\/document-list\.ts$/);
    const source = readFileSync(join(root, 'src/elements/document-list/document-list.ts'), 'utf8').split('\n');
    assert.match(source[at.line! - 1]!, /Loading documents/);
    // the package ships no src/: every map carries the sources it points at
    for (const file of scripts) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      // (terser names the IIFE wrapper's few generated characters as the source '')
      const missing = sources.filter((source, i) => source !== '' && typeof sourcesContent?.[i] !== 'string');
      assert.deepEqual(missing, [], `${file}.map`);
    }
  });

  it('fails when a lazy chunk carries its own copy of lit-html', () => {
    const dist = join(dir, 'second-lit');
    cpSync(built, dist, { recursive: true });
    // as a chunk built without the entry's lit would be: lit-html's core among its sources
    const chunk = readdirSync(join(dist, 'chunks')).find((f) => f.startsWith('virtualize-') && f.endsWith('.js'))!;
    const mapFile = join(dist, 'chunks', `${chunk}.map`);
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
    map.sources.push('../../node_modules/lit-html/lit-html.js');
    writeFileSync(mapFile, JSON.stringify(map));
    const { status, out } = size(dist);
    assert.equal(status, 1, out);
    assert.match(out, /FAIL \S+virtualize-\S+\.js holds its own copy of lit-html; it must import the entry's\./);
  });

  it('fails when the virtualizer is loaded eagerly', async () => {
    const entry = join(dir, 'eager-virtualizer.ts');
    writeFileSync(
      entry,
      `import '${join(root, 'node_modules/@lit-labs/virtualizer/virtualize.js')}';\nexport * from '${join(root, 'src/index.js')}';\n`,
    );
    const dist = join(dir, 'bad');
    await buildBundles({ root, outdir: dist, entry: relative(root, entry) });
    const { status, out } = size(dist);
    assert.equal(status, 1, out);
    assert.match(
      out,
      /FAIL \S+\.js holds @lit-labs\/virtualizer, which must be a separate chunk loaded with import\(\)/,
    );
  });
});
