// For Node tests that drive Chromium against real servers: every element as one
// ES module, and a blank page that loads it.
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The elements bundled for a test page. The page may empty the page-wide cache
 * (`window.clearPaperOSCache()`, a hook for tests only), so an element mounted
 * anew really asks PaperOS, and read the language the elements' strings are in
 * (`window.paperosLocale()`), to wait for a translation to load.
 */
export async function elementsBundle(): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const bundle = await build({
    stdin: {
      contents: `import './src/index.ts'; import { pageCache } from './src/client/cache.ts'; import { currentLocale } from './src/i18n/localization.ts'; Object.assign(window, { clearPaperOSCache: () => pageCache.clear(), paperosLocale: currentLocale });`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: `${root}tsconfig.json`,
    conditions: ['browser'],
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

/** Answers `/app.js` with `script`, anything else with a blank page that loads it. */
export function servePage(url: string | undefined, res: ServerResponse, script: string): void {
  if (url === '/app.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(script);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(
    '<!doctype html><html lang="en"><head><script type="module" src="/app.js"></script></head><body></body></html>',
  );
}
