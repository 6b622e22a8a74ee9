// `npm run screenshots` writes its 96 pictures: each element in each state,
// theme, language and width, each a PNG as wide as its page, and the index
// that shows them together. (How long it takes is printed by the script; no
// timing is asserted here.)
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const ELEMENTS = ['document-list', 'record-list', 'workflow-launcher'];
const STATES = ['loading', 'empty', 'error', 'populated'];
const THEMES = ['light', 'dark'];
const LANGS = ['en', 'de'];
const WIDTHS = [390, 1280];

/** A PNG's width, from its IHDR chunk. */
const pngWidth = (bytes: Buffer) => {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return bytes.readUInt32BE(16);
};

describe('npm run screenshots', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperos-screenshots-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every element in every state, theme, language and width, and an index of them', async () => {
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/screenshots.ts'], {
        env: { ...process.env, SCREENSHOTS_DIR: dir },
      });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('close', (code) => resolve({ code, text }));
    });
    assert.equal(output.code, 0, output.text);
    assert.match(output.text, /^96 pictures in [\d.]+ s/m);

    const expected = ELEMENTS.flatMap((element) =>
      STATES.flatMap((state) =>
        THEMES.flatMap((theme) =>
          LANGS.flatMap((lang) =>
            WIDTHS.map((width) => ({ file: `${element}-${state}-${theme}-${lang}-${width}.png`, width })),
          ),
        ),
      ),
    );
    assert.equal(expected.length, 96);
    assert.deepEqual(readdirSync(dir).sort(), [...expected.map((e) => e.file), 'index.html'].sort());
    for (const { file, width } of expected) assert.equal(pngWidth(readFileSync(join(dir, file))), width, file);
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const { file } of expected) assert.ok(index.includes(`src="${file}"`), `index shows ${file}`);
  });
});
