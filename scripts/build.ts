// `npm run build`: everything the package publishes, into dist/.
//
// 1. `tsc -p tsconfig.build.json`: one ES module per source file with its
//    `.d.ts`, dependencies left as bare imports (dist/index.js,
//    dist/client/index.js, dist/server/index.js, dist/sandbox/index.js,
//    dist/react/index.js, ...).
// 2. The attribute types the opt-in framework typings (types/*.d.ts) import:
//    dist/types/attributes.d.ts, generated from custom-elements.json.
// 3. dist/paperos-elements.js: one self-registering ES module with lit bundled,
//    minified, with a source map; translations and the virtualizer are split
//    into lazily imported chunks (dist/chunks/).
// 4. dist/paperos-elements.iife.js: the same for classic <script> tags
//    (global `PaperOSElements`), everything inlined.
// 5. dist/elements/paperos-<name>.js: one script per element (with the
//    provider), all importing dist/elements/paperos-shared.js (lit, the base,
//    the client), with lazy chunks of their own in dist/elements/chunks/.
//
// Prints each bundle's size (min+gzip); `npm run size` enforces the budget.
import { rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles, describeBundles } from './bundle.js';
import { compileModules, writeAttributeTypes } from './typings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function step(name: string): void {
  console.log(`\n> ${name}`);
}

rmSync(dist, { recursive: true, force: true });

step('tsc -p tsconfig.build.json');
if (!compileModules(root, dist)) process.exit(1);

step('attribute types for the framework typings, from custom-elements.json');
console.log(`  ${relative(root, writeAttributeTypes(root, dist))}`);

step('script-tag bundles (Rollup, esbuild, terser)');
const bundles = await buildBundles({ root, outdir: dist });
for (const line of describeBundles(bundles)) console.log(line);
console.log(`\nBuilt into ${relative(process.cwd(), dist) || '.'}/. Check the budget with \`npm run size\`.`);
