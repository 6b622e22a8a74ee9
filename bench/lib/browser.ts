import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMEDRIVER = process.env.CHROMEDRIVER_FILEPATH || '/usr/bin/chromedriver';
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/** Tachometer's default window, used by the playwright scenarios too. */
export const VIEWPORT = { width: 1024, height: 768 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
}
