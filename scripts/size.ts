// `npm run size`: the script-tag bundle's budget, checked on the built files.
//
// Fails when the eagerly loaded part of dist/paperos-elements.js (the entry and
// every chunk it imports statically) is over its ceiling (BUDGET_BYTES in
// scripts/bundle.ts; the goal, 25 KB min+gzip, is printed beside it), or when a
// lazy-only package (the virtualizer) is in that part instead of its own
// `import()`-ed chunk, or when a lazy chunk carries its own copy of lit-html.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  BUDGET_BYTES,
  TARGET_BYTES,
  ESM_BUNDLE,
  IIFE_BUNDLE,
  LAZY_ONLY,
  eagerFilesOf,
  kb,
  measure,
  packagesIn,
  sourcesIn,
  total,
} from './bundle.js';

const dist = resolve(process.argv[2] ?? 'dist');
const entry = join(dist, ESM_BUNDLE);
if (!existsSync(entry)) {
  console.error(`${entry} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const failures: string[] = [];
const eagerFiles = await eagerFilesOf(entry);
const eager = eagerFiles.map((file) => measure(file));
const sum = total(eager);
console.log(
  `${ESM_BUNDLE}, loaded eagerly (${eager.length} file(s)): ${kb(sum.minified)} min, ${kb(sum.gzip)} min+gzip`,
);
for (const s of eager) console.log(`  ${relative(process.cwd(), s.file)}: ${kb(s.gzip)} min+gzip`);
console.log(
  `  goal ${kb(TARGET_BYTES)}: ${sum.gzip <= TARGET_BYTES ? 'met' : `not met yet (${kb(sum.gzip - TARGET_BYTES)} over)`}`,
);
if (sum.gzip > BUDGET_BYTES) {
  failures.push(`${ESM_BUNDLE} loads ${kb(sum.gzip)} min+gzip eagerly; the budget is ${kb(BUDGET_BYTES)}.`);
}

for (const file of eagerFiles) {
  for (const pkg of LAZY_ONLY) {
    if (packagesIn(file).has(pkg)) {
      failures.push(
        `${relative(process.cwd(), file)} holds ${pkg}, which must be a separate chunk loaded with import().`,
      );
    }
  }
}

const chunks = existsSync(join(dist, 'chunks'))
  ? readdirSync(join(dist, 'chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dist, 'chunks', f))
      .filter((f) => !eagerFiles.includes(f))
  : [];
for (const chunk of chunks) {
  // a lazy chunk with its own lit would render with a second lit-html (and pay for it again)
  if (sourcesIn(chunk).some((source) => source.endsWith('node_modules/lit-html/lit-html.js'))) {
    failures.push(`${relative(process.cwd(), chunk)} holds its own copy of lit-html; it must import the entry's.`);
  }
  const pkgs = [...packagesIn(chunk)].filter((p) => LAZY_ONLY.includes(p));
  const s = measure(chunk);
  console.log(
    `  on demand: ${relative(process.cwd(), chunk)}: ${kb(s.gzip)} min+gzip${pkgs.length ? ` (${pkgs.join(', ')})` : ''}`,
  );
}

const iife = join(dist, IIFE_BUNDLE);
if (existsSync(iife)) {
  const s = measure(iife);
  console.log(`${IIFE_BUNDLE} (everything inlined): ${kb(s.minified)} min, ${kb(s.gzip)} min+gzip`);
} else {
  failures.push(`${iife} is missing.`);
}

if (failures.length) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}
console.log(`OK: within ${kb(BUDGET_BYTES)} min+gzip, ${LAZY_ONLY.join(', ')} only in lazy chunks.`);
