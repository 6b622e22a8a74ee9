/**
 * `npm run bench`: builds the benchmark pages, serves them on 127.0.0.1,
 * checks that every candidate renders the same rows, runs the render timings
 * with tachometer and the interaction, network and memory scenarios with
 * playwright-core (system Chromium), measures bytes with esbuild, and writes
 * bench/RESULTS.md (raw samples in bench/.results/last-run.json).
 *
 * BENCH_QUICK=1 takes a few samples of everything (a smoke run, minutes less;
 * its RESULTS.md says so). BENCH_ONLY=docs10k,filter (a comma-separated list
 * of SCENARIOS) runs those only and writes bench/.results/only-<date>.json
 * and a summary on the console instead of RESULTS.md. Nothing here is part of
 * `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAUNCH_OPTIONS, launch } from './lib/browser.js';
import { buildPages } from './lib/build.js';
import { measureBytes } from './lib/bytes.js';
import { bytesSection } from './lib/report/bytes.js';
import { writeReport, type RunData } from './lib/report.js';
import { loadSectionOf, withLoadSection } from './load/report.js';
import {
  filterKeystroke,
  fiveElements,
  heap,
  parseFloor,
  profileFirstRender,
  scrolling,
  validate,
  validateTemplates,
} from './lib/scenarios.js';
import { startServer } from './lib/server.js';
import { runTachometer, type TachSamples } from './lib/tachometer.js';
import { ratio, summarize } from './lib/stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.env.BENCH_QUICK === '1';
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Samples per candidate. Sized so a full run stays under ~10 minutes on 2 busy cores. */
const SAMPLES = quick
  ? {
      templates: 4,
      docs1k: 4,
      docs10k: 4,
      docs10kShuffled: 4,
      docs100k: 2,
      refetch: 4,
      filter: 3,
      filter100k: 2,
      scroll: 1,
      heap: 2,
    }
  : {
      templates: 24,
      docs1k: 24,
      docs10k: 16,
      docs10kShuffled: 12,
      docs100k: 6,
      refetch: 24,
      filter: 12,
      filter100k: 4,
      scroll: 3,
      heap: 5,
    };

const CANDIDATES = ['element', 'plain', 'repeat'];

/** What BENCH_ONLY may name. `filter` is the 10,000-document keystroke. */
const SCENARIOS = [
  'templates',
  'docs1k',
  'docs10k',
  'docs10kShuffled',
  'docs100k',
  'refetch',
  'filter',
  'filter1k',
  'filter100k',
  'scroll',
  'heap',
  'profile',
  'five',
  'bytes',
] as const;
type Scenario = (typeof SCENARIOS)[number];
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of only) {
  if (!(SCENARIOS as readonly string[]).includes(name)) {
    console.error(`BENCH_ONLY: unknown scenario "${name}" (known: ${SCENARIOS.join(', ')})`);
    process.exit(2);
  }
}
const want = (name: Scenario) => only.length === 0 || only.includes(name);

function sh(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function machine() {
  const osRelease = (() => {
    try {
      return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
    } catch {
      return '';
    }
  })();
  const pkg = (name: string) => {
    try {
      return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
        .version;
    } catch {
      return '?';
    }
  };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    freeGb: freemem() / 1024 ** 3,
    os: `${osRelease} (Linux ${release()})`,
    node: process.version,
    loadBefore: loadavg(),
    versions: {
      tachometer: pkg('tachometer'),
      'playwright-core': pkg('playwright-core'),
      esbuild: pkg('esbuild'),
      lit: pkg('lit'),
      '@lit-labs/virtualizer': pkg('@lit-labs/virtualizer'),
    },
    commit: sh('git', ['rev-parse', '--short', 'HEAD']),
    // the report this run is about to replace does not count
    dirty: sh('git', ['status', '--porcelain', '--', 'src', 'bench', ':!bench/RESULTS.md']).length > 0,
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'paperos-bench-'));
  const data = { date: new Date().toISOString(), quick, machine: machine(), samples: SAMPLES } as unknown as RunData;
  log(`work folder ${work}`);
  const built = await buildPages(root, join(work, 'pages'));
  data.elements = built.elements.map((e) => e.tag);
  log(`pages built (${Object.keys(built.pages).join(', ')})`);
  const server = await startServer(join(work, 'pages'));
  const url = (page: string, query: string) => `${server.origin}/${page}.html?${query}`;

  try {
    // ---- validation (and a few one-off figures) ----
    let browser = await launch();
    data.chromium = { version: browser.version(), ...LAUNCH_OPTIONS };
    log(`Chromium ${data.chromium.version}: validating the candidates`);
    data.validation = await validate(browser, server.origin, CANDIDATES, [1000, 10_000], log);
    if (want('templates')) {
      const pages = { element: 'launcher.html', plain: 'plain.html', repeat: 'repeat.html' };
      data.validation.push(await validateTemplates(browser, server.origin, pages, 70, log));
    }
    data.parseFloor = await parseFloor(browser, server.origin, [1000, 10_000, 100_000]);
    // Lit repeat() over 100,000 rows takes ~10 s a render: one sample, not a tachometer series.
    if (only.length === 0) {
      data.repeat100k = (await validate(browser, server.origin, ['repeat'], [100_000], log))[0]!.firstRows.repeat!;
    }
    await browser.close();

    // ---- render timings (tachometer) ----
    const measurements = [
      { name: 'paint', expression: 'window.benchResults && window.benchResults.paint' },
      { name: 'work', expression: 'window.benchResults && window.benchResults.work' },
    ];
    const tach = async (
      label: string,
      sampleSize: number,
      benchmarks: { name: string; url: string }[],
      minutes: number,
    ) => {
      log(`tachometer ${label}: ${benchmarks.length} benchmarks x ${sampleSize} samples`);
      const samples: TachSamples = await runTachometer({
        workDir: join(work, 'tachometer'),
        label,
        benchmarks,
        measurements,
        sampleSize,
        timeoutMs: minutes * 60_000,
      });
      return samples;
    };
    data.tach = {} as RunData['tach'];
    const docs = (query: string, candidates = CANDIDATES) => candidates.map((c) => ({ name: c, url: url(c, query) }));
    const series: {
      scenario: 'templates' | 'docs1k' | 'docs10k' | 'docs10kShuffled' | 'docs100k' | 'refetch';
      label: string;
      benchmarks: { name: string; url: string }[];
      minutes: number;
    }[] = [
      {
        scenario: 'templates',
        label: 'templates-70',
        benchmarks: [
          { name: 'element', url: url('launcher', 'kind=templates&n=70') },
          { name: 'plain', url: url('plain', 'kind=templates&n=70') },
          { name: 'repeat', url: url('repeat', 'kind=templates&n=70') },
        ],
        minutes: 4,
      },
      { scenario: 'docs1k', label: 'docs-1000', benchmarks: docs('mode=first&n=1000&folders=20'), minutes: 4 },
      { scenario: 'docs10k', label: 'docs-10000', benchmarks: docs('mode=first&n=10000&folders=20'), minutes: 5 },
      {
        // The API promises no order: the same documents shuffled (lit repeat() left out, it adds nothing here).
        scenario: 'docs10kShuffled',
        label: 'docs-10000-shuffled',
        benchmarks: docs('mode=first&n=10000&folders=20&order=shuffled', ['element', 'plain']),
        minutes: 4,
      },
      {
        scenario: 'docs100k',
        label: 'docs-100000',
        benchmarks: [
          { name: 'element-10k', url: url('element', 'mode=first&n=10000&folders=20') },
          { name: 'element', url: url('element', 'mode=first&n=100000&folders=20') },
          { name: 'plain', url: url('plain', 'mode=first&n=100000&folders=20') },
        ],
        minutes: 5,
      },
      { scenario: 'refetch', label: 'refetch-1000', benchmarks: docs('mode=refetch&n=1000&folders=20'), minutes: 5 },
    ];
    for (const { scenario, label, benchmarks, minutes } of series) {
      if (want(scenario)) data.tach[scenario] = await tach(label, SAMPLES[scenario], benchmarks, minutes);
    }

    // ---- interaction, memory, network (playwright) ----
    browser = await launch();
    log('filter keystrokes (CPU 4x slower)');
    data.filter = [];
    const keystrokes: {
      scenario: 'filter' | 'filter1k' | 'filter100k';
      n: number;
      candidates: string[];
      rounds: number;
    }[] = [
      { scenario: 'filter', n: 10_000, candidates: CANDIDATES, rounds: SAMPLES.filter },
      { scenario: 'filter1k', n: 1000, candidates: CANDIDATES, rounds: SAMPLES.filter },
      { scenario: 'filter100k', n: 100_000, candidates: ['element', 'plain'], rounds: SAMPLES.filter100k },
    ];
    for (const { scenario, ...run } of keystrokes) {
      if (want(scenario)) {
        data.filter.push(await filterKeystroke(browser, server.origin, { ...run, typed: '7', throttle: 4 }, log));
      }
    }
    data.scroll = [];
    if (want('scroll')) log('scrolling');
    for (const [label, pxPerSecond] of !want('scroll')
      ? []
      : ([
          ['a fling: 10,000 px/s', 10_000],
          ['a scrollbar drag through all 10,000 documents', -1],
        ] as const)) {
      data.scroll.push({
        label,
        results: await scrolling(
          browser,
          server.origin,
          { n: 10_000, candidates: CANDIDATES, rounds: SAMPLES.scroll, ms: 2000, pxPerSecond },
          log,
        ),
      });
    }
    if (want('heap')) {
      log('heap');
      data.heap = await heap(browser, server.origin, { n: 10_000, candidates: CANDIDATES, rounds: SAMPLES.heap }, log);
    }
    if (want('profile')) {
      log('CPU profiles of a first render');
      data.profile = await profileFirstRender(
        browser,
        server.origin,
        join(work, 'pages'),
        {
          candidates: { element: 'element-unminified.html', plain: 'plain-unminified.html' },
          n: 10_000,
          runs: quick ? 1 : 3,
        },
        log,
      );
    }
    if (want('profile') && want('templates')) {
      data.profileTemplates = await profileFirstRender(
        browser,
        server.origin,
        join(work, 'pages'),
        {
          candidates: { element: 'launcher-unminified.html', plain: 'plain-unminified.html' },
          n: 70,
          runs: quick ? 1 : 5,
          kind: 'templates',
        },
        log,
      );
    }
    if (want('five')) {
      log('five elements');
      data.requests = await fiveElements(browser, server, log);
    }
    await browser.close();

    if (want('bytes')) {
      log('bytes');
      data.bytes = await measureBytes(root, built.elements, work);
    }
  } finally {
    await server.close();
  }
  data.durationS = (Date.now() - started) / 1000;
  data.loadAfter = loadavg();
  mkdirSync(join(root, 'bench/.results'), { recursive: true });
  if (only.length > 0) {
    // A partial run: never RESULTS.md, whose tables need every scenario.
    const file = `bench/.results/only-${data.date.replace(/[:.]/g, '-')}.json`;
    writeFileSync(join(root, file), JSON.stringify(data, null, 1));
    rmSync(work, { recursive: true, force: true });
    console.log(summaryOf(data));
    log(`wrote ${file} in ${data.durationS.toFixed(0)} s`);
    return;
  }
  writeFileSync(join(root, 'bench/.results/last-run.json'), JSON.stringify(data, null, 1));
  const out = join(root, 'bench/RESULTS.md');
  // the server toolkit's load figures (npm run load) share the file and stay as they were
  const load = existsSync(out) ? loadSectionOf(readFileSync(out, 'utf8')) : undefined;
  writeFileSync(out, load ? withLoadSection(writeReport(data), load) : writeReport(data));
  rmSync(work, { recursive: true, force: true });
  log(`wrote bench/RESULTS.md in ${data.durationS.toFixed(0)} s`);
}

/** The console summary of a BENCH_ONLY run: medians [95% CI], ratios to plain DOM (or as labelled). */
function summaryOf(data: RunData): string {
  const f = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
  const med = (values: number[]) => {
    const s = summarize(values);
    return `${f(s.median)} [${f(s.low)}-${f(s.high)}] ms (n=${s.n})`;
  };
  const rat = (a: number[], b: number[]) => {
    const r = ratio(a, b);
    return `${r.ratio.toFixed(3)}x [${r.low.toFixed(3)}-${r.high.toFixed(3)}]`;
  };
  const lines: string[] = [`load ${data.machine.loadBefore.map((l) => l.toFixed(2)).join(' ')} before`];
  for (const [table, samples] of Object.entries(data.tach ?? {})) {
    if (!samples) continue;
    const base = table === 'docs100k' ? 'element-10k' : 'plain';
    for (const measure of ['paint', 'work']) {
      for (const [name, bySample] of Object.entries(samples)) {
        const values = bySample[measure] ?? [];
        const vs = samples[base]?.[measure];
        lines.push(
          `${table} ${measure} ${name}: ${med(values)}` + (vs && name !== base ? `; / ${base} ${rat(values, vs)}` : ''),
        );
      }
    }
  }
  for (const run of data.filter ?? []) {
    for (const [name, samples] of Object.entries(run.samples)) {
      const painted = samples.map((s) => s.toRowsPainted);
      const loafs = samples.map((s) => s.longestLoaf);
      const over = samples.filter((s) => s.longestLoaf > 50).length;
      lines.push(
        `filter ${run.n} ${name}: to rows painted ${med(painted)}, worst ${f(Math.max(...painted))}; ` +
          `in DOM ${med(samples.map((s) => s.toRowsInDom))}; longest LoAF ${med(loafs)}, max ${f(Math.max(...loafs))}; ` +
          `${over} of ${samples.length} with a LoAF > 50 ms`,
      );
    }
  }
  // the bytes section as RESULTS.md would print it: the table of the per-element scripts and the all-in-one
  if (data.bytes) lines.push(...bytesSection(data).lines);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
