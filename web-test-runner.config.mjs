// Browser tests: headless Debian Chromium through playwright-core, Firefox ESR
// through puppeteer (Playwright's own Firefox build cannot be downloaded here),
// and WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb, which the
// launcher starts and stops itself (scripts/webkit.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions, firefoxLaunchOptions, wantedBrowsers } from './scripts/browsers.mjs';
import { holdKeyPlugin, webkitLauncher } from './scripts/webkit.mjs';
import { reactEsmPlugin } from './test/embedding/react-esm-plugin.mjs';

const chromium = playwrightLauncher({
  product: 'chromium',
  launchOptions: chromiumLaunchOptions(),
});

const firefox = puppeteerLauncher({
  launchOptions: firefoxLaunchOptions(),
});

// BROWSERS=chromium (or firefox or webkit) narrows the run; CI runs all three.
const wanted = wantedBrowsers();
const browsers = [
  wanted.includes('chromium') && chromium,
  wanted.includes('firefox') && firefox,
  wanted.includes('webkit') && webkitLauncher(),
].filter(Boolean);

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One file at a time per browser: keyboard tests need the focused window.
  concurrency: 1,
  // Two engines at a time: three at once starve each other on a 2-core machine.
  concurrentBrowsers: 2,
  // Firefox can take over 30 s to open its first page on a busy 2-core machine.
  browserStartTimeout: 120000,
  browsers,
  testFramework: {
    config: { timeout: 10000 },
  },
  testsFinishTimeout: 300000,
  plugins: [
    // A held key (test/helpers/keyboard.ts) in every engine.
    holdKeyPlugin(),
    // React is CommonJS: served to the React wrapper tests as bundled ES modules.
    reactEsmPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
};
