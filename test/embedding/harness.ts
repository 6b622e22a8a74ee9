// A small harness for the embedding tests that need more than one module graph
// in a page (built bundles, server-rendered HTML): builds with esbuild into a
// temporary directory, serves the files over HTTP and opens them in the system
// Chromium (playwright-core), Firefox ESR (puppeteer) and WebKit (MiniBrowser
// through WebKitWebDriver and webdriverio).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { chromiumLaunchOptions, executablePath, firefoxLaunchOptions } from '../../scripts/browsers.mjs';
import { startWebKitDriver, webkitCapabilities } from '../../scripts/webkit.mjs';

export const root = new URL('../../', import.meta.url).pathname;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
  '.txt': 'text/plain',
};

export interface Site {
  url: string;
  /** Serve `body` at `path` (HTML pages the test composes). */
  page(path: string, body: string): void;
  close(): Promise<void>;
}

/**
 * What the page itself reports of its errors, for WebKit, whose WebDriver has no
 * log events: uncaught errors, unhandled rejections and console.error calls.
 * (Chromium and Firefox report these through their own protocols as well.)
 */
const ERROR_RECORDER = `(() => {
  const errors = (window.__harnessErrors = []);
  addEventListener('error', (e) => errors.push('pageerror: ' + e.message));
  addEventListener('unhandledrejection', (e) => errors.push('pageerror: ' + ((e.reason && e.reason.message) || e.reason)));
  const error = console.error.bind(console);
  console.error = (...args) => {
    errors.push('console: ' + args.map(String).join(' '));
    error(...args);
  };
})();`;

/**
 * A composed page with the error recorder as its first script, ahead of
 * everything it loads; inline, so the page loads no file it did not name.
 */
function withErrorRecorder(html: string): string {
  const tag = `<script>${ERROR_RECORDER}</script>`;
  return /<head>/i.test(html) ? html.replace(/<head>/i, (head) => head + tag) : tag + html;
}

/** Serves `dir` (and pages added with `page`, each with the error recorder) on an ephemeral port. */
export async function serve(dir: string): Promise<Site> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(withErrorRecorder(page));
      return;
    }
    // A path may name a copy of a file: /copy-2/x.js serves x.js as another URL.
    const file = normalize(join(dir, path.replace(/^\/copy-\d+\//, '/')));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    page: (path, body) => pages.set(path, body),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Builds test-only page scripts (TypeScript from this repo) into `outdir`. */
export async function buildScripts(
  outdir: string,
  entries: Record<string, string>,
  format: 'esm' | 'iife',
): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    format,
    splitting: false,
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    // React's CommonJS entry reads this.
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
}

/** What a test does with one open page; both drivers implement it. */
export interface TestPage {
  goto(url: string): Promise<void>;
  /** Evaluates a function in the page (its source is sent, so it must be self-contained). */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Polls `fn` in the page until it returns truthy. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  /**
   * Uncaught errors and console errors seen so far. In WebKit, those the page's
   * recorder (served pages only) had reported by the last goto, evaluate or waitFor.
   */
  errors: string[];
  close(): Promise<void>;
}

export interface TestBrowser {
  name: string;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

type BrowserName = 'chromium' | 'firefox' | 'webkit';

/** The browsers to run in: each one that is installed (BROWSERS narrows it). */
export function browserNames(supported: BrowserName[] = ['chromium', 'firefox', 'webkit']): BrowserName[] {
  const wanted = process.env.BROWSERS ? process.env.BROWSERS.split(',').map((name) => name.trim()) : supported;
  return supported.filter((name) => wanted.includes(name) && existsSync(executablePath(name)));
}

/** One MiniBrowser window under WebKitWebDriver; a new page reuses it. */
async function launchWebKit(): Promise<TestBrowser> {
  const driver = await startWebKitDriver();
  try {
    const browser = await remote({
      hostname: '127.0.0.1',
      port: driver.port,
      logLevel: 'error',
      connectionRetryTimeout: 120_000,
      capabilities: webkitCapabilities(),
    });
    return {
      name: 'webkit',
      async close() {
        try {
          await browser.deleteSession();
        } finally {
          await driver.stop();
        }
      },
      async newPage() {
        // The function's source goes to the page with its argument; WebDriver
        // awaits a returned promise.
        const run = <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> =>
          browser.execute(`return (${fn.toString()})(arguments[0]);`, arg) as Promise<T>;
        const errors: string[] = [];
        const readErrors = async () => {
          const seen = await run(
            // a served page without its recorder would hide every error: say so instead
            () =>
              (window as unknown as { __harnessErrors?: string[] }).__harnessErrors ??
              (location.protocol === 'http:' ? ['harness: this page has no error recorder'] : []),
            null,
          );
          errors.splice(0, errors.length, ...seen);
        };
        return {
          errors,
          goto: async (url) => {
            await browser.url(url);
            await readErrors();
          },
          async evaluate(fn, arg) {
            try {
              return await run(fn, arg);
            } finally {
              await readErrors();
            }
          },
          async waitFor(fn, arg, timeout = 15_000) {
            try {
              await browser.waitUntil(async () => Boolean(await run(fn, arg)), {
                timeout,
                interval: 50,
                timeoutMsg: `waitFor timed out after ${timeout} ms: ${fn.toString().slice(0, 200)}`,
              });
            } finally {
              await readErrors();
            }
          },
          close: async () => void (await browser.url('about:blank')),
        };
      },
    };
  } catch (error) {
    await driver.stop();
    throw error;
  }
}

export async function launch(name: string): Promise<TestBrowser> {
  if (name === 'webkit') return launchWebKit();
  if (name === 'chromium') {
    const browser = await chromium.launch(chromiumLaunchOptions());
    return {
      name,
      close: () => browser.close(),
      async newPage() {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console: ${message.text()}`);
        });
        return {
          errors,
          goto: async (url) => void (await page.goto(url)),
          evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
          waitFor: async (fn, arg, timeout = 15_000) =>
            void (await page.waitForFunction(fn as never, arg, { timeout })),
          close: () => page.close(),
        };
      },
    };
  }
  const browser = await puppeteer.launch(firefoxLaunchOptions());
  return {
    name,
    close: () => browser.close(),
    async newPage() {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${(error as Error).message ?? error}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      return {
        errors,
        goto: async (url) => void (await page.goto(url)),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        waitFor: async (fn, arg, timeout = 15_000) =>
          void (await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg)),
        close: () => page.close(),
      };
    },
  };
}
