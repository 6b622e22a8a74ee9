/**
 * The scenarios driven with playwright-core (interaction, network, memory),
 * and a validation pass that every candidate renders the same rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { VIEWPORT } from './browser.js';
import type { BenchServer, LoggedRequest } from './server.js';

export type Log = (line: string) => void;

interface BenchApi {
  firstRenderMs: number;
  rowCount(): number;
  domNodes(): number;
  firstKeys(count: number): Promise<string[]>;
  loafSupported: boolean;
  focusFilter(): void;
  release(): void;
  clearFilter(): Promise<void>;
  arm(typed: string): void;
  keystrokeResult(): Promise<KeystrokeResult>;
  scroll(ms: number, pxPerSecond: number): Promise<ScrollResult>;
}

export interface KeystrokeResult {
  toRowsPainted: number;
  toRowsInDom: number;
  eventDuration: number | null;
  longestLoaf: number;
  loafsOver50: number;
  /** The longest animation frame's breakdown. */
  longest: { duration: number; scriptMs: number; renderMs: number; styleLayoutMs: number } | null;
}

export interface ScrollResult {
  frames: number;
  blankFrames: number;
  longestFrameGap: number;
  scrolledPx: number;
  loafCount: number;
  loafsOver50: number;
  longestLoaf: number;
  blockingMs: number;
}

declare global {
  interface Window {
    bench?: unknown;
    benchError?: string;
    benchResults?: { paint: number; work: number };
    benchGo?: () => void;
  }
}

async function openBench(browser: Browser, url: string, timeoutMs = 120_000): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url);
  await page.waitForFunction(() => window.bench !== undefined || window.benchError !== undefined, null, {
    timeout: timeoutMs,
  });
  const failure = await page.evaluate(() => window.benchError);
  if (failure || errors.length) throw new Error(`${url}: ${failure ?? errors.join('; ')}`);
  return { page, cdp };
}

/** Round-robin order for a round, rotated so no candidate always goes first. */
const rotate = <T>(list: T[], round: number): T[] => list.map((_, i) => list[(i + round) % list.length]!);

// ---- validation ----

export interface Validation {
  kind: string;
  n: number;
  rows: Record<string, number>;
  firstRows: Record<string, number>;
  same: boolean;
}

export async function validate(
  browser: Browser,
  origin: string,
  candidates: string[],
  sizes: number[],
  log: Log,
): Promise<Validation[]> {
  const out: Validation[] = [];
  for (const n of sizes) {
    const keys: Record<string, string[]> = {};
    const rows: Record<string, number> = {};
    const firstRows: Record<string, number> = {};
    for (const candidate of candidates) {
      const { page } = await openBench(browser, `${origin}/${candidate}.html?mode=interactive&n=${n}`);
      keys[candidate] = await page.evaluate(() => (window.bench as BenchApi).firstKeys(30));
      rows[candidate] = await page.evaluate(() => (window.bench as BenchApi).rowCount());
      firstRows[candidate] = await page.evaluate(() => (window.bench as BenchApi).firstRenderMs);
      await page.close();
    }
    const reference = JSON.stringify(keys[candidates[0]!]);
    const same = candidates.every((c) => JSON.stringify(keys[c]) === reference) && keys[candidates[0]!]!.length === 30;
    out.push({ kind: 'docs', n, rows, firstRows, same });
    log(`  validate ${n}: same first 30 rows: ${same}; rows in the DOM: ${JSON.stringify(rows)}`);
    if (!same) throw new Error(`The candidates do not render the same first rows at ${n}: ${JSON.stringify(keys)}`);
  }
  return out;
}

/** The template pages: each candidate shows the same number of templates, with the same labels in order. */
export async function validateTemplates(
  browser: Browser,
  origin: string,
  pages: Record<string, string>,
  n: number,
  log: Log,
) {
  const labels: Record<string, string[]> = {};
  for (const [candidate, file] of Object.entries(pages)) {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${origin}/${file}?kind=templates&n=${n}`);
    await page.waitForFunction(() => window.benchResults !== undefined, null, { timeout: 60_000 });
    labels[candidate] = await page.evaluate(() =>
      [...document.querySelector('#app > *')!.shadowRoot!.querySelectorAll('[part~="template-label"]')].map((el) =>
        el.textContent!.trim(),
      ),
    );
    await page.close();
  }
  const reference = JSON.stringify(labels.plain);
  const same = Object.values(labels).every((l) => JSON.stringify(l) === reference) && labels.plain!.length === n;
  log(`  validate templates ${n}: same ${n} labels: ${same}`);
  if (!same) throw new Error(`The template candidates differ: ${JSON.stringify(labels)}`);
  return {
    kind: 'templates',
    n,
    rows: Object.fromEntries(Object.entries(labels).map(([c, l]) => [c, l.length])),
    firstRows: {},
    same,
  };
}

// ---- scenario 5 and issue 5: a filter keystroke ----

export interface FilterRun {
  n: number;
  typed: string;
  throttle: number;
  samples: Record<string, KeystrokeResult[]>;
  loafSupported: boolean;
}

export async function filterKeystroke(
  browser: Browser,
  origin: string,
  options: { n: number; candidates: string[]; rounds: number; typed: string; throttle: number },
  log: Log,
): Promise<FilterRun> {
  const { n, candidates, rounds, typed, throttle } = options;
  const pages: Record<string, { page: Page; cdp: CDPSession }> = {};
  for (const c of candidates) pages[c] = await openBench(browser, `${origin}/${c}.html?mode=interactive&n=${n}`);
  const samples: Record<string, KeystrokeResult[]> = Object.fromEntries(candidates.map((c) => [c, []]));
  const loafSupported = await pages[candidates[0]!]!.page.evaluate(() => (window.bench as BenchApi).loafSupported);
  for (let round = 0; round < rounds; round++) {
    for (const c of rotate(candidates, round)) {
      const { page, cdp } = pages[c]!;
      await page.bringToFront();
      await page.evaluate(() => (window.bench as BenchApi).clearFilter());
      await page.evaluate(() => (window.bench as BenchApi).focusFilter());
      await page.evaluate((q) => (window.bench as BenchApi).arm(q), typed);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      try {
        await page.keyboard.press(typed);
        samples[c]!.push(await page.evaluate(() => (window.bench as BenchApi).keystrokeResult()));
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      }
    }
  }
  for (const { page } of Object.values(pages)) await page.close();
  log(
    `  filter ${n}: ` +
      candidates.map((c) => `${c} ${samples[c]!.map((s) => Math.round(s.toRowsPainted)).join('/')}`).join(', '),
  );
  return { n, typed, throttle, samples, loafSupported };
}

// ---- scenario 6: scrolling ----

export async function scrolling(
  browser: Browser,
  origin: string,
  options: { n: number; candidates: string[]; rounds: number; ms: number; pxPerSecond: number },
  log: Log,
): Promise<Record<string, ScrollResult[]>> {
  const { n, candidates, rounds, ms, pxPerSecond } = options;
  const pages: Record<string, Page> = {};
  for (const c of candidates) pages[c] = (await openBench(browser, `${origin}/${c}.html?mode=interactive&n=${n}`)).page;
  const out: Record<string, ScrollResult[]> = Object.fromEntries(candidates.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of rotate(candidates, round)) {
      await pages[c]!.bringToFront();
      out[c]!.push(
        await pages[c]!.evaluate(([t, v]) => (window.bench as BenchApi).scroll(t, v), [ms, pxPerSecond] as const),
      );
    }
  }
  for (const page of Object.values(pages)) await page.close();
  log(
    `  scroll ${n}: ` +
      candidates
        .map((c) => `${c} ${out[c]!.map((s) => `${s.frames}f/${Math.round(s.longestLoaf)}ms`).join(' ')}`)
        .join(', '),
  );
  return out;
}

// ---- scenario 8: heap ----

export interface HeapSample {
  jsHeapUsed: number;
  embedderHeapUsed: number | null;
  domNodes: number;
  rows: number;
}

export async function heap(
  browser: Browser,
  origin: string,
  options: { n: number; candidates: string[]; rounds: number },
  log: Log,
): Promise<Record<string, HeapSample[]>> {
  const { n, candidates, rounds } = options;
  const out: Record<string, HeapSample[]> = Object.fromEntries(candidates.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of rotate(candidates, round)) {
      const { page, cdp } = await openBench(browser, `${origin}/${c}.html?mode=interactive&n=${n}`);
      await page.evaluate(() => (window.bench as BenchApi).release());
      await page.waitForTimeout(300);
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
      const rows = await page.evaluate(() => (window.bench as BenchApi).rowCount());
      out[c]!.push({
        jsHeapUsed: usage.usedSize,
        embedderHeapUsed: usage.embedderHeapUsedSize ?? null,
        domNodes: nodes,
        rows,
      });
      await page.close();
    }
  }
  log(
    `  heap ${n}: ` +
      candidates.map((c) => `${c} ${out[c]!.map((s) => (s.jsHeapUsed / 1e6).toFixed(1)).join('/')} MB`).join(', '),
  );
  return out;
}

// ---- the floor under any first render: reading the response ----

export async function parseFloor(browser: Browser, origin: string, sizes: number[]): Promise<Record<number, number>> {
  const { page } = await openBench(browser, `${origin}/plain.html?mode=interactive&n=10`);
  const out: Record<number, number> = {};
  for (const n of sizes) {
    out[n] = await page.evaluate(async (count) => {
      const docs = [];
      for (let i = 0; i < count; i++) {
        const id = String(i).padStart(6, '0');
        docs.push({
          pub_id: `doc_${id}`,
          path: `/Folder ${String(i % 20).padStart(3, '0')}`,
          filename: `Document ${id}.pdf`,
          url: `https://paperos.test/api/public/documents/${id}/x`,
          recipients: [],
        });
      }
      const bytes = new TextEncoder().encode(JSON.stringify({ success: true, documents: docs }));
      const times: number[] = [];
      for (let i = 0; i < 11; i++) {
        const t0 = performance.now();
        await new Response(bytes).json();
        if (i >= 2) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[4]!;
    }, n);
  }
  await page.close();
  return out;
}

// ---- scenario 7: five elements, requests ----

export interface RequestsRun {
  tags: string[];
  loaded: string[];
  late: string;
  first: LoggedRequest[];
  lateRequests: LoggedRequest[];
  latencyMs: number;
}

export async function fiveElements(browser: Browser, server: BenchServer, log: Log): Promise<RequestsRun> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  server.log.length = 0;
  await page.goto(`${server.origin}/five.html`);
  await page.waitForFunction(() => window.five !== undefined);
  const loaded = await page.evaluate(() => window.five!.loaded);
  await page.waitForTimeout(200);
  const first = server.log.filter((r) => r.path === '/token' || r.path.startsWith('/api/'));
  const tags = await page.evaluate(() =>
    [...document.querySelectorAll('#app *')].map((el) => el.localName).filter((name) => name.startsWith('paperos-')),
  );
  // Past the page cache's 3 s, a sixth element asks again: with the ETag it has, conditionally.
  await page.waitForTimeout(3300);
  const mark = server.log.length;
  const late = await page.evaluate(() => window.five!.addLate());
  await page.waitForTimeout(200);
  const lateRequests = server.log.slice(mark);
  await page.close();
  if (errors.length) throw new Error(`five.html: ${errors.join('; ')}`);
  log(`  five elements: ${first.length} requests, then ${lateRequests.length} for a late element`);
  return { tags, loaded, late, first, lateRequests, latencyMs: server.latencyMs };
}

declare global {
  interface Window {
    five?: { loaded: Promise<string[]>; addLate(): Promise<string> };
  }
}

// ---- where a first render's time goes: CPU profiles by module ----

/** Buckets for a profile's self time, by the module (or the VM's pseudo-frame) a sample is in. */
function bucketOf(module: string): string {
  if (module === '(program)') return 'browser: parsing, style, layout, paint';
  if (module === '(garbage collector)') return 'garbage collection';
  if (module === '(idle)') return 'idle (waiting for the next frame)';
  if (module === '(native)') return 'DOM and built-in calls';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(module))
    return 'lit: templates and updates';
  if (module.includes('@lit-labs/virtualizer')) return 'virtualizer';
  if (module.includes('valibot') || module.includes('src/client/schemas') || module.includes('src/client/documents'))
    return 'validating the documents';
  if (module.includes('node_modules/@lit/')) return 'lit: task, context, localize';
  if (module.includes('src/client/') || module.includes('node_modules/jose'))
    return 'client: token, cache, request, response';
  if (module.includes('src/elements/document-list/tree')) return 'folder model: group, sort, filter, flatten';
  if (module.includes('src/elements/') || module.includes('src/i18n/') || module.includes('src/locales/'))
    return 'element code';
  if (module.includes('test/helpers/mock-api')) return 'the mocked fetch';
  if (module.includes('bench/baselines/')) return 'baseline code';
  if (module.includes('bench/')) return 'harness';
  return 'other';
}

/** For each built file, the module each line belongs to (esbuild marks modules with `// path` comments when not minifying). */
function moduleMap(dir: string, file: string, cache: Map<string, string[]>): string[] {
  let lines = cache.get(file);
  if (!lines) {
    const text = readFileSync(join(dir, file), 'utf8').split('\n');
    lines = [];
    let current = '?';
    for (const line of text) {
      const m = /^\/\/ ((?:node_modules|src|bench|test)\/\S+)$/.exec(line);
      if (m) current = m[1]!;
      lines.push(current);
    }
    cache.set(file, lines);
  }
  return lines;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export async function profileFirstRender(
  browser: Browser,
  origin: string,
  dir: string,
  options: { candidates: Record<string, string>; n: number; runs: number; kind?: 'docs' | 'templates' },
  log: Log,
): Promise<Record<string, { buckets: Record<string, number>; totalMs: number }>> {
  const out: Record<string, { buckets: Record<string, number>; totalMs: number }> = {};
  const cache = new Map<string, string[]>();
  for (const [name, page] of Object.entries(options.candidates)) {
    const runs: Record<string, number>[] = [];
    const totals: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const tab = await browser.newPage({ viewport: VIEWPORT });
      const cdp = await tab.context().newCDPSession(tab);
      await tab.goto(`${origin}/${page}?mode=first&kind=${options.kind ?? 'docs'}&n=${options.n}&hold=1`);
      await tab.waitForFunction(() => window.benchGo !== undefined, null, { timeout: 60_000 });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      await tab.evaluate(() => window.benchGo!());
      await tab.waitForFunction(() => window.benchResults !== undefined, null, { timeout: 60_000 });
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      totals.push((await tab.evaluate(() => window.benchResults!.paint)) as number);
      await tab.close();
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const nameAt = (i: number) => byId.get(profile.samples[i]!)!.callFrame.functionName;
      // Only the timed part: after the last sample in the start marker, before the first in the end marker.
      let from = 0;
      for (let i = 0; i < profile.samples.length; i++) if (nameAt(i) === 'benchProfileStart') from = i + 1;
      let to = profile.samples.length;
      for (let i = from; i < profile.samples.length; i++) {
        if (nameAt(i) === 'benchProfileEnd') {
          to = i;
          break;
        }
      }
      const buckets: Record<string, number> = {};
      for (let i = from; i < to; i++) {
        const frame = byId.get(profile.samples[i]!)!.callFrame;
        // Native functions (DOM calls, JSON, Intl) have no script URL.
        let module = frame.functionName.startsWith('(') ? frame.functionName : frame.url ? 'other' : '(native)';
        const file = frame.url ? new URL(frame.url).pathname.slice(1) : '';
        if (file.endsWith('.js') && frame.lineNumber >= 0)
          module = moduleMap(dir, file, cache)[frame.lineNumber] ?? 'other';
        const bucket = bucketOf(module);
        buckets[bucket] = (buckets[bucket] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
      }
      runs.push(buckets);
    }
    const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
    const med = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    out[name] = {
      buckets: Object.fromEntries(keys.map((k) => [k, med(runs.map((r) => r[k] ?? 0))])),
      totalMs: med(totals),
    };
    log(
      `  profile ${name} ${options.n}: ${Object.entries(out[name]!.buckets)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}`,
    );
  }
  return out;
}
