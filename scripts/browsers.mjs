// The system browsers that the tests and the benchmarks drive, in one place:
// where each one is looked for, and a check that stops a run at once with one
// clear line when one is missing (nothing here ever downloads a browser).
//
// `node scripts/browsers.mjs [test|bench]` runs the check; `npm test` and
// `npm run bench` call it first. BROWSERS=chromium (or firefox or webkit,
// comma-separated) narrows both the check and the run.
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every browser the project knows, with its override variable and Debian package. */
export const BROWSERS = {
  chromium: { label: 'Chromium', env: 'CHROME_PATH', path: '/usr/bin/chromium', apt: 'chromium' },
  firefox: { label: 'Firefox ESR', env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
  webkit: {
    label: 'WebKit MiniBrowser',
    env: 'WEBKIT_PATH',
    path: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    apt: 'webkit2gtk-driver',
  },
};

/** WebKit runs through its WebDriver, under a virtual X server (scripts/webkit.mjs). */
export const WEBKIT_TOOLS = {
  webkitdriver: {
    label: 'WebKitWebDriver',
    env: 'WEBKITDRIVER_PATH',
    path: '/usr/bin/WebKitWebDriver',
    apt: 'webkit2gtk-driver',
  },
  'xvfb-run': { label: 'xvfb-run', env: 'XVFB_RUN_PATH', path: '/usr/bin/xvfb-run', apt: 'xvfb' },
};

/** Tachometer (the render timings in `npm run bench`) drives Chromium through its driver. */
export const CHROMEDRIVER = {
  label: 'ChromeDriver',
  env: 'CHROMEDRIVER_PATH',
  path: '/usr/bin/chromedriver',
  apt: 'chromium-driver',
};

/** Chromium's flags for a headless run as root, with no background traffic on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Where the named browser's executable is expected: its variable, or the Debian path. */
export function executablePath(name, env = process.env) {
  const browser = BROWSERS[name] ?? WEBKIT_TOOLS[name] ?? (name === 'chromedriver' ? CHROMEDRIVER : undefined);
  if (!browser) throw new Error(`unknown browser "${name}"`);
  return env[browser.env] || browser.path;
}

/** Playwright's launch options for the system Chromium (the test runner, the Node tests and the bench). */
export function chromiumLaunchOptions(env = process.env) {
  return { executablePath: executablePath('chromium', env), args: CHROMIUM_ARGS };
}

/** Puppeteer's launch options for the system Firefox ESR, headless. */
export function firefoxLaunchOptions(env = process.env) {
  return { browser: 'firefox', executablePath: executablePath('firefox', env), headless: true };
}

/** The browsers this run wants: every known one, or the BROWSERS list. */
export function wantedBrowsers(env = process.env) {
  const names = env.BROWSERS
    ? env.BROWSERS.split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : Object.keys(BROWSERS);
  const unknown = names.filter((name) => !(name in BROWSERS));
  if (unknown.length > 0) {
    throw new Error(`BROWSERS names ${unknown.join(', ')}; known: ${Object.keys(BROWSERS).join(', ')}`);
  }
  return names;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is missing, as one line: which executables, where each was looked for,
 * and how to get them; empty when everything is in place.
 */
export function missingBrowsers({ env = process.env, purpose = 'test' } = {}) {
  // The benchmarks run in Chromium only, partly through its driver.
  const needed =
    purpose === 'bench'
      ? [BROWSERS.chromium, CHROMEDRIVER]
      : wantedBrowsers(env).flatMap((name) =>
          name === 'webkit' ? [BROWSERS.webkit, ...Object.values(WEBKIT_TOOLS)] : [BROWSERS[name]],
        );
  const missing = needed.filter((browser) => !isExecutable(env[browser.env] || browser.path));
  if (missing.length === 0) return '';
  const packages = [...new Set(missing.map((browser) => browser.apt))];
  return (
    missing.map((browser) => `${browser.label} not found at ${env[browser.env] || browser.path}`).join(', ') +
    `: install with \`sudo apt-get install -y ${packages.join(' ')}\`` +
    `, or set ${missing.map((browser) => browser.env).join(' / ')} to where it is` +
    (purpose === 'bench' ? '' : ` (BROWSERS=${Object.keys(BROWSERS).join(',')} narrows the browser tests)`)
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const purpose = process.argv[2] === 'bench' ? 'bench' : 'test';
  let problem;
  try {
    problem = missingBrowsers({ purpose });
  } catch (error) {
    problem = error.message;
  }
  if (problem) {
    console.error(`npm ${purpose === 'bench' ? 'run bench' : 'test'}: ${problem}`);
    process.exit(1);
  }
}
