import type { BrowserLauncher } from '@web/test-runner-core';

export declare function webkitCapabilities(env?: NodeJS.ProcessEnv): WebdriverIO.Capabilities;
export declare function startWebKitDriver(options?: {
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}): Promise<{ port: number; stop(): Promise<void> }>;
export declare function webkitLauncher(): BrowserLauncher;
