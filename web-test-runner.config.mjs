// Browser tests: headless Debian Chromium through playwright-core, and Firefox ESR
// through puppeteer (Playwright's own Firefox build cannot be downloaded here).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { fileURLToPath } from 'node:url';
import { reactEsmPlugin } from './test/embedding/react-esm-plugin.mjs';

const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const chromium = playwrightLauncher({
  product: 'chromium',
  launchOptions: {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: chromiumArgs,
  },
});

const firefox = puppeteerLauncher({
  launchOptions: {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
  },
});

// BROWSERS=chromium (or firefox) narrows the run; CI runs both.
const wanted = (process.env.BROWSERS || 'chromium,firefox').split(',');
const browsers = [wanted.includes('chromium') && chromium, wanted.includes('firefox') && firefox].filter(Boolean);

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One file at a time per browser: keyboard tests need the focused window.
  concurrency: 1,
  concurrentBrowsers: 2,
  browsers,
  testFramework: {
    config: { timeout: 10000 },
  },
  testsFinishTimeout: 300000,
  plugins: [
    // React is CommonJS: served to the React wrapper tests as bundled ES modules.
    reactEsmPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
};
