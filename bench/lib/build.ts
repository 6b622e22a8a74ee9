/**
 * Builds the benchmark pages with esbuild (bundled, minified, lit's production
 * build, lazy chunks split as in the published bundle) into a temporary folder.
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILE_HINT } from '../../scripts/bundle.js';
import { listElements, type ElementEntry } from './elements.js';

export interface BuiltPages {
  dir: string;
  /** Page file names by candidate: element, plain, repeat, launcher, five, and the unminified twins. */
  pages: Record<string, string>;
  elements: ElementEntry[];
}

const html = (script: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${script}</title>
    <style>
      body { margin: 0; font: 14px/1.4 system-ui, sans-serif; }
      #app { padding: 8px; }
    </style>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="./${script}.js"></script>
  </body>
</html>
`;

/** `bench:all-elements`: every element the package has, for the five-elements page. */
function virtuals(elements: ElementEntry[]): Plugin {
  const modules: Record<string, string> = {
    'bench:all-elements': elements.map((e) => `import ${JSON.stringify(e.define)};`).join('\n'),
  };
  return {
    name: 'bench-virtuals',
    setup(b) {
      b.onResolve({ filter: /^bench:/ }, (args) => ({ path: args.path, namespace: 'bench' }));
      b.onLoad({ filter: /.*/, namespace: 'bench' }, (args) => ({
        contents: modules[args.path],
        loader: 'js',
        resolveDir: '/',
      }));
      // The package's `sideEffects` lists only dist/ files; the pages import src/ define modules for their effect.
      b.onResolve({ filter: /define\.(js|ts)$/ }, async (args) => {
        if (args.pluginData?.fromBench) return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { fromBench: true },
        });
        return resolved.errors.length ? undefined : { ...resolved, sideEffects: true };
      });
    },
  };
}

export async function buildPages(root: string, dir: string, options: { minify?: boolean } = {}): Promise<BuiltPages> {
  mkdirSync(dir, { recursive: true });
  const elements = listElements(root);
  const page = (name: string) => join(root, `bench/pages/${name}.ts`);
  const entries: Record<string, string> = {
    element: page('element'),
    plain: page('plain'),
    repeat: page('repeat'),
    five: page('five'),
    launcher: page('launcher'),
    // Unminified twins, for the CPU profiles that say where a first render's time goes (by module).
    'element-unminified': page('element'),
    'plain-unminified': page('plain'),
    'launcher-unminified': page('launcher'),
  };
  const pages: Record<string, string> = {};
  // One build per page, so a page loads only its own code (the baselines never load the element's).
  for (const [name, entry] of Object.entries(entries)) {
    await build({
      absWorkingDir: root,
      entryPoints: { [name]: entry },
      outdir: dir,
      bundle: true,
      minify: name.endsWith('-unminified') ? false : (options.minify ?? true),
      format: 'esm',
      splitting: true,
      chunkNames: `chunks/${name}-[name]-[hash]`,
      target: 'es2022',
      platform: 'browser',
      tsconfig: join(root, 'tsconfig.json'),
      legalComments: 'none',
      // As the published bundle: V8 compiles every page's code, the baselines' too, while it loads.
      banner: { js: COMPILE_HINT },
      logLevel: 'warning',
      plugins: [virtuals(elements)],
    });
    writeFileSync(join(dir, `${name}.html`), html(name));
    pages[name] = `${name}.html`;
  }
  // Lit's development build would warn in the console: make sure the production one was bundled.
  if (readFileSync(join(dir, 'repeat.js'), 'utf8').includes('Lit is in dev mode')) {
    throw new Error('The pages were built with lit in development mode.');
  }
  return { dir, pages, elements };
}
