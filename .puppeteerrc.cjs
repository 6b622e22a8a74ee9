// Puppeteer drives the system Firefox ESR in the browser tests (see
// web-test-runner.config.mjs); it must never download a browser of its own,
// on a developer's machine or in CI, whatever the environment says.
/** @type {import('puppeteer').Configuration} */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
