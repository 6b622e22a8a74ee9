export interface BrowserEntry {
  label: string;
  env: string;
  path: string;
  apt: string;
}
export declare const BROWSERS: Record<'chromium' | 'firefox' | 'webkit', BrowserEntry>;
export declare const WEBKIT_TOOLS: Record<'webkitdriver' | 'xvfb-run', BrowserEntry>;
export declare const CHROMEDRIVER: BrowserEntry;
export declare const CHROMIUM_ARGS: string[];
export declare function executablePath(
  name: 'chromium' | 'firefox' | 'webkit' | 'webkitdriver' | 'xvfb-run' | 'chromedriver',
  env?: NodeJS.ProcessEnv,
): string;
export declare function chromiumLaunchOptions(env?: NodeJS.ProcessEnv): { executablePath: string; args: string[] };
export declare function firefoxLaunchOptions(env?: NodeJS.ProcessEnv): {
  browser: 'firefox';
  executablePath: string;
  headless: true;
};
export declare function wantedBrowsers(env?: NodeJS.ProcessEnv): string[];
export declare function missingBrowsers(options?: { env?: NodeJS.ProcessEnv; purpose?: 'test' | 'bench' }): string;
