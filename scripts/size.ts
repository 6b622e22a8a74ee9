// `npm run size`: the script-tag bundle's budget, checked on the built files.
//
// Fails when the eagerly loaded part of dist/paperos-elements.js (the entry and
// every chunk it imports statically) is over its ceiling (BUDGET_BYTES in
// scripts/bundle.ts; the goal, 25 KB min+gzip, is printed beside it), or when a
// lazy-only package (the virtualizer) is in that part instead of its own
// `import()`-ed chunk, or when a lazy chunk carries its own copy of lit-html.
// Likewise each per-element script in dist/elements/ (ELEMENT_BUDGETS), whose
// lit must come from the shared chunk.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  BUDGET_BYTES,
  ELEMENT_BUDGETS,
  ELEMENTS_DIR,
  SHARED_CHUNK,
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

// the all-in-one's lazy chunks and the per-element scripts' own
const chunks = [join(dist, 'chunks'), join(dist, ELEMENTS_DIR, 'chunks')]
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dir, f)),
  )
  .filter((f) => !eagerFiles.includes(f));
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

// One script per element: each budgeted up front (the script and what it imports statically).
const elementsDir = join(dist, ELEMENTS_DIR);
const elementScripts = existsSync(elementsDir)
  ? readdirSync(elementsDir)
      .filter((f) => /^paperos-.+\.js$/.test(f) && f !== SHARED_CHUNK)
      .sort()
  : [];
if (!elementScripts.length) failures.push(`${elementsDir} holds no per-element scripts.`);
console.log(`One script per element (${relative(process.cwd(), elementsDir)}/), up front with what each imports:`);
for (const name of elementScripts) {
  const files = await eagerFilesOf(join(elementsDir, name));
  const up = total(files.map((file) => measure(file)));
  const { budget, goal } = ELEMENT_BUDGETS[name] ?? {};
  const names = files.map((file) => relative(elementsDir, file)).join(' + ');
  console.log(
    `  ${name}: ${kb(up.gzip)} min+gzip (${names})${budget ? `, budget ${kb(budget)}` : ''}${
      goal ? `, goal ${kb(goal)} ${up.gzip <= goal ? 'met' : `not met yet (${kb(up.gzip - goal)} over)`}` : ''
    }`,
  );
  if (budget === undefined) failures.push(`${name} has no budget in ELEMENT_BUDGETS (scripts/bundle.ts).`);
  else if (up.gzip > budget)
    failures.push(`${name} loads ${kb(up.gzip)} min+gzip up front; the budget is ${kb(budget)}.`);
  for (const file of files) {
    if (
      !file.endsWith(`/${SHARED_CHUNK}`) &&
      sourcesIn(file).some((s) => s.endsWith('node_modules/lit-html/lit-html.js'))
    ) {
      failures.push(
        `${relative(process.cwd(), file)} holds its own copy of lit-html; it must import ${SHARED_CHUNK}'s.`,
      );
    }
    for (const pkg of LAZY_ONLY) {
      if (packagesIn(file).has(pkg))
        failures.push(`${relative(process.cwd(), file)} holds ${pkg}, which must be loaded with import().`);
    }
  }
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
console.log(
  `OK: within ${kb(BUDGET_BYTES)} min+gzip and each element script within its budget, ${LAZY_ONLY.join(', ')} only in lazy chunks.`,
);
