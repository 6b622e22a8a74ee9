/** The report's opening (the run, the machine, how to read the figures) and its closing notes. */
import type { RunData } from './run-data.js';

export function opening(d: RunData): string[] {
  const m = d.machine;
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${d.date.replace('T', ' ').slice(0, 16)} UTC; the run took ${Math.round(d.durationS)} s.` +
      (d.quick ? ' **BENCH_QUICK=1: a smoke run with too few samples to judge anything.**' : ''),
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores (shared: load average ${m.loadBefore.map((x) => x.toFixed(2)).join(' / ')} before the run, ${d.loadAfter.map((x) => x.toFixed(2)).join(' / ')} after), ${m.memoryGb.toFixed(0)} GB RAM, ${m.os}`,
    `- Browser: Chromium ${d.chromium.version} (${d.chromium.executablePath}, headless, 1024x768; \`${d.chromium.args.join(' ')}\`)`,
    `- Tools: Node ${m.node}, tachometer ${m.versions.tachometer} with /usr/bin/chromedriver, playwright-core ${m.versions['playwright-core']}, esbuild ${m.versions.esbuild}, lit ${m.versions.lit}, @lit-labs/virtualizer ${m.versions['@lit-labs/virtualizer']}`,
    `- Code: commit ${m.commit}${m.dirty ? ' plus uncommitted changes in src/ or bench/ of the working tree' : ''}; elements found: ${d.elements.map((t) => `\`<${t}>\``).join(', ')}`,
    '',
    '## How to read this',
    '',
    '- Every figure is a median with its 95% confidence interval in brackets (distribution-free, from order statistics).',
    "- Ratios are median(candidate) / median(plain DOM) from the same run, with a 95% bootstrap interval; candidates were measured in interleaved rounds (tachometer takes one sample of each in turn; the playwright scenarios rotate the order each round) and the bootstrap resamples rounds, so drift in the shared machine's load hits both sides of a ratio alike.",
    '- **First render**, the same for every candidate: the response body (UTF-8 JSON bytes) is in memory; the clock starts; the candidate reads it through a `Response` (the element through its own client, token and cache, from a `fetch` replaced by test/helpers/mock-api.ts that answers at once with those bytes; the baselines with `new Response(bytes).json()`), builds its rows and puts them in the DOM; the clock stops at a double `requestAnimationFrame` after the expected first row is in the DOM ("first paint"). Each sample is a fresh page load (tachometer), so the code runs cold, as on a real first visit.',
    '- The "rows laid out" figure stops the clock instead as soon as the expected first row is in the DOM and style and layout are forced: no frame wait, so it shows differences that the frame-aligned paint figure rounds to 16.7 ms steps. Targets are judged on the paint figure, as defined.',
    '- Baselines, in the same pages, styles and data: **plain DOM** (bench/baselines/plain-dom.ts: template cloning, no framework, every row in the DOM; refetch patches rows in place by key; filter hides rows) is the practical floor; **lit `repeat()`** (bench/baselines/lit-repeat.ts) renders every row through a keyed `repeat()`. Both group, sort and count rows exactly as the element does (bench/baselines/rows.ts), and the run checks that all three show the same first 30 rows.',
    "- Pages are built with esbuild (bundled, minified, lit's production build, the translations and the virtualizer split into lazy chunks, and V8's compile hint `//# allFunctionsCalledOnLoad` on top of every script, the baselines' too, as in the published bundle, so Chrome compiles them while they load, before the clock starts) and served from a static server on 127.0.0.1 with `cache-control: no-store`.",
    "- Data: `manyDocs(n, 20)` from test/fixtures/documents.ts (20 folders, no recipients), the generator the document list's tests use; 70 templates repeat the API documentation's six examples.",
    '',
  ];
}

export function closing(d: RunData): string[] {
  return [
    '## Validation',
    '',
    `Before timing, each candidate rendered 1,000 and 10,000 documents in its own page and the first 30 rows (keys, in order) were compared, and so were the 70 template labels: ${d.validation.every((v) => v.same) ? 'identical in all three' : 'DIFFERENT'}.`,
    '',
    '## Tooling notes',
    '',
    '- Render timings (scenarios 1 to 4) run in tachometer (`expression` measurements of `window.benchResults`), one fresh tab per sample, the candidates of a table in one tachometer run. Tachometer would install the npm `chromedriver` package (a driver download); bench/lib/tachometer.ts gives it a stub module instead and Selenium uses /usr/bin/chromedriver, with Selenium Manager offline.',
    "- Scenarios 5 to 8 run in playwright-core against the same Chromium, with CDP for CPU throttling, garbage collection and heap figures; scenario 7 reads the test server's own request log.",
    `- Samples per candidate: ${Object.entries(d.samples)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. Raw samples of this run: bench/.results/last-run.json (not committed).`,
    '',
  ];
}
