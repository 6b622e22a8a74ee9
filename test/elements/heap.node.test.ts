// Mounting and unmounting the three data elements 1,000 times in one page, as
// a single-page app does, leaves the JS heap (after garbage collection) where
// it was: nothing is kept per mount. Chromium only (the heap is read and
// collected through the DevTools protocol).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, executablePath } from '../../scripts/browsers.mjs';
import { buildScripts, serve, type Site } from '../embedding/harness.js';

const CYCLES = 1000;
/**
 * Cycles before the first measurement: V8 compiles and optimizes the code
 * these cycles run (about 40 KB of optimized code and bytecode arrive over
 * the first few hundred), which is the engine settling, not memory kept.
 */
const WARM_UP = 800;
const BUDGET_BYTES = 50 * 1024;

let dir: string;
let site: Site;
let browser: Browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paperos-heap-'));
  await buildScripts(dir, { page: 'test/elements/heap-page.ts' }, 'esm');
  site = await serve(dir);
  site.page(
    '/index.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>heap</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script></head><body></body></html>',
  );
  browser = await chromium.launch({ executablePath: executablePath('chromium'), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The used JS heap after full garbage collections. */
async function heapAfterGc(page: Page): Promise<number> {
  // Idle work queued by the last mounts (the search keys' preparation) runs first.
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  let used = Infinity;
  // A few rounds: finalizers and weak references need more than one.
  for (let i = 0; i < 4; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    used = Math.min(used, (await cdp.send('Runtime.getHeapUsage')).usedSize);
  }
  await cdp.detach();
  return used;
}

it(
  `${CYCLES} mounts and unmounts of the three data elements keep the heap within 50 KB`,
  { timeout: 600_000 },
  async () => {
    assert.ok(existsSync(executablePath('chromium')));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/index.html`);
    await page.waitForFunction(() => 'cycle' in window);
    const run = (n: number) =>
      page.evaluate((count) => (window as unknown as { cycle(n: number): Promise<void> }).cycle(count), n);
    // Warm up: first renders, lazy chunks, per-locale caches, the page cache's entries, the JIT.
    await run(WARM_UP);
    const before = await heapAfterGc(page);
    await run(CYCLES);
    const afterCycles = await heapAfterGc(page);
    const grown = afterCycles - before;
    console.log(
      `heap: ${(before / 1024).toFixed(1)} KB -> ${(afterCycles / 1024).toFixed(1)} KB after ${CYCLES} cycles (${(grown / CYCLES).toFixed(1)} B per cycle)`,
    );
    assert.deepEqual(errors, []);
    assert.ok(grown < BUDGET_BYTES, `the heap grew by ${(grown / 1024).toFixed(1)} KB over ${CYCLES} cycles`);
  },
);
