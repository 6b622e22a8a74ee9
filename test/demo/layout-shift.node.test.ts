// Layout shift on the demo page, against the real sandbox: the three elements
// load from their skeletons to their data at a phone width and a desktop
// width, and Chromium's own layout-shift entries (without recent input) add up
// to under 0.05, half of what Web Vitals calls good.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { startDemo, type RunningDemo } from '../../demo/start.js';
import { chromiumLaunchOptions } from '../../scripts/browsers.mjs';

/** Before any page script: collect every layout-shift entry, with the nodes that moved. */
const OBSERVE = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        nodes: entry.sources.map((s) => (s.node && (s.node.localName || s.node.nodeName)) + ' ' + JSON.stringify([Math.round(s.previousRect.y), Math.round(s.currentRect.y), Math.round(s.previousRect.height), Math.round(s.currentRect.height)])),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** True once every element shows its data (rows, not the skeleton). */
const LOADED = `['paperos-record-list [role=option]', 'paperos-workflow-launcher [part=template]', 'paperos-document-list [role=treeitem]']
  .every((pair) => { const [host, sel] = pair.split(' '); return !!document.querySelector(host)?.shadowRoot?.querySelector(sel); })`;

interface Shift {
  value: number;
  at: number;
  nodes: string[];
}

describe('layout shift on the demo page', { timeout: 180_000 }, () => {
  let demo: RunningDemo;
  let browser: Browser;

  before(async () => {
    demo = await startDemo({ port: 0, sandboxPort: 0, quiet: true });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`stays under 0.05 at ${width} px while the three elements load`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      try {
        await page.addInitScript(OBSERVE);
        // A slower token answer, so the skeletons are certainly painted before the data arrives.
        await page.route('**/api/paperos-token*', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          await route.continue();
        });
        await page.goto(`${demo.url}/`);
        await page.waitForFunction(LOADED, undefined, { timeout: 30_000 });
        // Shifts are reported after the frame that made them: let a few frames and the loading delay pass.
        await page.waitForTimeout(1000);
        const shifts = (await page.evaluate('window.__shifts')) as Shift[];
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        assert.ok(
          total < 0.05,
          `cumulative layout shift ${total.toFixed(3)} at ${width} px:\n${shifts.map((s) => `  ${s.value.toFixed(4)} at ${s.at} ms: ${s.nodes.join(', ')}`).join('\n')}`,
        );
      } finally {
        await page.close();
      }
    });
  }
});
