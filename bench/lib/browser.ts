import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions, executablePath } from '../../scripts/browsers.mjs';

export const LAUNCH_OPTIONS = chromiumLaunchOptions();
export const CHROMEDRIVER = executablePath('chromedriver');
/** Tachometer's default window, used by the playwright scenarios too. */
export const VIEWPORT = { width: 1024, height: 768 };

export function launch(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}
