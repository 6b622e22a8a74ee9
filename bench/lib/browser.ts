import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, executablePath } from '../../scripts/browsers.mjs';

export const CHROMIUM = executablePath('chromium');
export const CHROMEDRIVER = executablePath('chromedriver');
export const BROWSER_ARGS = CHROMIUM_ARGS;
/** Tachometer's default window, used by the playwright scenarios too. */
export const VIEWPORT = { width: 1024, height: 768 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
}
