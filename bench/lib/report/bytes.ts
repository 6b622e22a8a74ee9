/** Scenario 9: bytes, min+gzip, of the script-tag bundle and of each element. */
import { kb, table, type Section } from './format.js';
import type { RunData } from './run-data.js';

export function bytesSection(d: RunData): Section {
  const b = d.bytes;
  const s = b.scriptTag;
  const eager = s.eager.gzip;
  const eagerVirtualizer = s.eagerPackages.includes('@lit-labs/virtualizer');
  const verdict = eager <= s.targetBytes ? 'met' : 'missed';
  const scriptGoals = b.elementScripts.filter((e): e is typeof e & { goal: number } => e.goal !== undefined);
  const scriptsMissed = scriptGoals.filter((e) => e.upFront.gzip > e.goal);
  return {
    lines: [
      '## 9. Bytes (min+gzip)',
      '',
      'The script-tag bundle is built by scripts/bundle.ts (Rollup, with esbuild compiling and minifying and terser minifying once more: one file up front, lazy chunks importing lit from it). The per-element figures are single-file builds with esbuild and terser the same way (es2022, tsconfig.build.json, whitespace in html`` and css`` templates collapsed); the lazy chunks listed with them are esbuild-split and minified by esbuild only. gzip level 9; eagerly loaded code only (dynamic imports left out and listed below).',
      '',
      `- Script-tag bundle \`dist/paperos-elements.js\` (scripts/bundle.ts, the build that \`npm run size\` checks: goal ${kb(s.targetBytes)}, CI ceiling ${kb(s.budgetBytes)}): **${kb(eager)}** loaded eagerly (${kb(s.eager.min)} min); IIFE twin ${kb(s.iife.gzip)}; on demand: ${s.lazy.map((l) => `${l.file} ${kb(l.gzip)}`).join(', ')}.`,
      `- All elements (${b.allEntry}): **${kb(b.all.gzip)}** (${kb(b.all.min)} min).`,
      `- lit alone (\`export * from 'lit'\`): ${kb(b.lit.gzip)}; lit + the shared element base (client, token, cache, validation, states): ${kb(b.litAndBase.gzip)}.`,
      `- Loaded on demand: ${b.lazyChunks.map((c) => `${c.name.replace(/-[A-Z0-9]{8}\.js$/, '')} ${kb(c.gzip)} (${c.packages.join(', ')})`).join('; ')}.`,
      '',
      table(
        ['element', 'alone (with lit and the base)', 'over lit + base', 'added to the all-elements bundle'],
        b.elements.map((e) => [`\`<${e.tag}>\``, kb(e.alone.gzip), kb(e.overLitAndBase), kb(e.marginalInAll)]),
      ),
      '',
      `One script per element (\`dist/elements/\`, scripts/bundle.ts, the build \`npm run size\` checks per entry): up front is the script and what it imports statically, the shared chunk \`paperos-shared.js\` (lit, the base, the client, the provider: ${kb(b.sharedChunk.gzip)}, ${kb(b.sharedChunk.min)} min), which two scripts on a page load once.`,
      '',
      table(
        ['script', 'its own file', 'up front', 'CI ceiling', 'goal'],
        b.elementScripts.map((e) => [
          `\`${e.file}\``,
          kb(e.own.gzip),
          `**${kb(e.upFront.gzip)}**`,
          e.budget === undefined ? '–' : kb(e.budget),
          e.goal === undefined ? '–' : `${kb(e.goal)} (${e.upFront.gzip <= e.goal ? 'met' : 'missed'})`,
        ]),
      ),
      `| all-in-one \`paperos-elements.js\` | ${kb(eager)} | **${kb(eager)}** | ${kb(s.budgetBytes)} | ${kb(s.targetBytes)} (${verdict}) |`,
      '',
    ],
    targets: [
      {
        scenario: '9',
        target: `Script-tag bundle with all elements: ≤ ${kb(s.targetBytes)} min+gzip loaded eagerly`,
        measured: kb(eager),
        verdict,
      },
      {
        scenario: '9',
        target: 'The virtualizer loaded only for long lists',
        measured: eagerVirtualizer ? 'in the eager part' : 'a lazy chunk (npm run size checks it)',
        verdict: eagerVirtualizer ? 'missed' : 'met',
      },
      ...scriptGoals.map((e) => ({
        scenario: '9',
        target: `A page with only \`${e.file}\`: ≤ ${kb(e.goal)} min+gzip up front`,
        measured: kb(e.upFront.gzip),
        verdict: e.upFront.gzip <= e.goal ? ('met' as const) : ('missed' as const),
      })),
    ],
    notes: [
      ...(scriptsMissed.length
        ? [
            `- **Bytes, one script per element:** ${scriptsMissed.map((e) => `\`${e.file}\` loads ${kb(e.upFront.gzip)} up front, ${kb(e.upFront.gzip - e.goal)} over its goal`).join('; ')}. Of that, the shared chunk (lit, the base with its controllers and styles, the client with its validation) is ${kb(b.sharedChunk.gzip)}; scripts/bundle.ts (ELEMENT_BUDGETS) says what is left in it and what taking it out would cost.`,
          ]
        : []),
      ...(verdict === 'missed'
        ? [
            `- **Bytes:** the script-tag bundle loads ${kb(eager)} up front, ${kb(eager - s.targetBytes)} over the goal. lit alone is ${kb(b.lit.gzip)} and lit with the shared base (the API client with its retries, token refresh, page cache and validation; @lit/task, @lit/context, @lit/localize; the states) ${kb(b.litAndBase.gzip)}, which leaves ${kb(Math.max(0, s.targetBytes - b.litAndBase.gzip))} for four elements that add ${kb(Math.max(0, b.all.gzip - b.litAndBase.gzip))} together (table above). The feature-preserving cuts are taken (static reactive properties instead of decorators, context controllers instead of decorators, #private members the minifier shortens, valibot's record and summarize left out). What is left is a feature or a prescribed library each, as measured on earlier builds: hand-written checks instead of valibot (about 1.8 KB), no @lit/localize runtime (about 1.25 KB), no @lit/context (about 1 KB), the record list's create form loaded on demand (at most 0.7 KB, less its loading and error paths). Even all of them would not reach the goal. CI holds the ceiling below against regressions.`,
          ]
        : []),
    ],
  };
}
