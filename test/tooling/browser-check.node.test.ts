// The browser check that `npm test` and `npm run bench` run first: with a
// browser missing, it stops at once with one line saying what to do.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

function runCheck(args: string[], env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['scripts/browsers.mjs', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

const nowhere = {
  CHROME_PATH: '/nonexistent/chromium',
  FIREFOX_PATH: '/nonexistent/firefox-esr',
  WEBKIT_PATH: '/nonexistent/MiniBrowser',
  WEBKITDRIVER_PATH: '/nonexistent/WebKitWebDriver',
  XVFB_RUN_PATH: '/nonexistent/xvfb-run',
};

describe('browser check', () => {
  it('stops within seconds with one line naming the browsers, where they were looked for and the install command', () => {
    const result = runCheck([], nowhere);
    assert.notEqual(result.status, 0);
    assert.ok(result.seconds < 10, `took ${result.seconds} s`);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    const [line] = lines;
    assert.match(line, /Chromium not found at \/nonexistent\/chromium/);
    assert.match(line, /Firefox ESR not found at \/nonexistent\/firefox-esr/);
    assert.match(line, /WebKit MiniBrowser not found at \/nonexistent\/MiniBrowser/);
    assert.match(line, /WebKitWebDriver not found at \/nonexistent\/WebKitWebDriver/);
    assert.match(line, /xvfb-run not found at \/nonexistent\/xvfb-run/);
    assert.match(line, /apt-get install -y chromium firefox-esr webkit2gtk-driver xvfb`/);
    for (const variable of ['CHROME_PATH', 'FIREFOX_PATH', 'WEBKIT_PATH', 'WEBKITDRIVER_PATH', 'XVFB_RUN_PATH']) {
      assert.match(line, new RegExp(variable));
    }
  });

  it('for WebKit, wants its driver and the virtual X server too, each package once', () => {
    const result = runCheck([], {
      BROWSERS: 'webkit',
      WEBKITDRIVER_PATH: '/nonexistent/WebKitWebDriver',
      XVFB_RUN_PATH: '/nonexistent/xvfb-run',
    });
    assert.notEqual(result.status, 0);
    assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /MiniBrowser not found|Chromium|Firefox/);
    assert.match(result.stderr, /WebKitWebDriver not found at \/nonexistent\/WebKitWebDriver/);
    assert.match(result.stderr, /apt-get install -y webkit2gtk-driver xvfb`/);
  });

  it('checks only the browsers that BROWSERS names', () => {
    const result = runCheck([], { ...nowhere, BROWSERS: 'firefox' });
    assert.notEqual(result.status, 0);
    assert.doesNotMatch(result.stderr, /Chromium|WebKit|xvfb-run not/);
    assert.match(result.stderr, /Firefox ESR not found at \/nonexistent\/firefox-esr/);
  });

  it('refuses a BROWSERS entry it does not know, in one line', () => {
    const result = runCheck([], { BROWSERS: 'chromium,netscape' });
    assert.notEqual(result.status, 0);
    assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    assert.match(result.stderr, /netscape/);
  });

  it('for the benchmarks, wants Chromium and its driver', () => {
    const result = runCheck(['bench'], {
      CHROME_PATH: '/nonexistent/chromium',
      CHROMEDRIVER_PATH: '/nonexistent/chromedriver',
    });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /^npm run bench: /);
    assert.match(result.stderr, /ChromeDriver not found at \/nonexistent\/chromedriver/);
    assert.match(result.stderr, /apt-get install -y chromium chromium-driver/);
  });

  it('passes silently when the browsers are where it looks (this machine has them)', () => {
    const result = runCheck([], {});
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
  });
});
