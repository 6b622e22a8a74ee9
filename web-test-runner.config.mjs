// Browser tests: headless Debian Chromium through playwright-core, and Firefox ESR
// through puppeteer (Playwright's own Firefox build cannot be downloaded here).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, executablePath, wantedBrowsers } from './scripts/browsers.mjs';
import { reactEsmPlugin } from './test/embedding/react-esm-plugin.mjs';

const chromium = playwrightLauncher({
  product: 'chromium',
  launchOptions: {
    executablePath: executablePath('chromium'),
    args: CHROMIUM_ARGS,
  },
});

const firefox = puppeteerLauncher({
  launchOptions: {
    browser: 'firefox',
    executablePath: executablePath('firefox'),
    headless: true,
  },
});

// BROWSERS=chromium (or firefox) narrows the run; CI runs both.
const wanted = wantedBrowsers();
const browsers = [wanted.includes('chromium') && chromium, wanted.includes('firefox') && firefox].filter(Boolean);

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One file at a time per browser: keyboard tests need the focused window.
  concurrency: 1,
  concurrentBrowsers: 2,
  // Firefox can take over 30 s to open its first page on a busy 2-core machine.
  browserStartTimeout: 120000,
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
