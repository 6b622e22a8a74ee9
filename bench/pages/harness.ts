/**
 * The page side of every benchmark. One bundle per candidate (element.ts,
 * plain.ts, repeat.ts, launcher*.ts) calls `startPage()` with its candidate; the
 * query string picks what to do:
 *
 *   mode=first        first render, result in `window.benchResults` (ms)
 *   mode=refetch      first render (not timed), then a refetch with 10% of rows changed (timed)
 *   mode=interactive  mount and settle, then wait for the driver (window.bench)
 *   kind=docs|templates   n=<rows>   folders=<folders>   order=shuffled (documents in a seeded random order)
 *
 * "First render", identically for every candidate: the response body (UTF-8
 * JSON bytes) is in memory; the clock starts; the candidate reads it through a
 * `Response` (the element: its client, through a mocked `fetch` that answers at
 * once with those bytes; the baselines: `new Response(bytes).json()`), builds its
 * rows and puts them in the DOM; the clock stops at a double
 * requestAnimationFrame after the expected first row is in the DOM. A second
 * figure, `work`, stops the clock instead right after the rows are in the DOM
 * and style and layout are forced: it has no frame alignment, so it shows
 * differences smaller than a frame (16.7 ms) that the paint figure rounds away.
 */
import { buildTree, flattenRows, type Tree } from '../baselines/rows.js';
import { envelope, manyDocs, manyTemplates, refetchedDocs, templatesEnvelope, type BenchDoc } from './data.js';

/** A response body as it comes off the network. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface DocsHandle {
  /** The first `limit` rows in the DOM (and not hidden), in order. Must stay cheap for huge lists. */
  rows(limit: number): HTMLElement[];
  /** How many rows are in the DOM (and not hidden). */
  count(): number;
  /** Resolves once any lazy work after the first rows (the element's virtualizer) is done; `total` rows are visible. */
  settled(total: number): Promise<void>;
  refetch(body: Bytes): void;
  input(): HTMLInputElement;
  scroller(): HTMLElement;
  /** Where mutations show up. */
  root(): Node;
}

export interface Candidate {
  name: string;
  mountDocs?(container: HTMLElement, body: Bytes): DocsHandle;
  /** Mounts the templates; resolves when the rows are in the DOM. */
  mountTemplates?(container: HTMLElement, body: Bytes): Promise<void>;
}

declare global {
  interface Window {
    /** For tachometer: `paint` (to the double rAF) and `work` (to rows laid out, no frame wait), ms. */
    benchResults?: { paint: number; work: number };
    bench?: unknown;
    benchError?: string;
    benchGo?: () => void;
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'first';
const kind = params.get('kind') ?? 'docs';
const n = Number(params.get('n') ?? 1000);
const folders = Number(params.get('folders') ?? 20);

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const doubleRaf = async () => {
  await frame();
  await frame();
  return performance.now();
};
/** Resolves after the next paint: a task queued from the next animation frame runs once that frame is rendered. */
const afterNextPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves as soon as `check()` holds: checked now, on every DOM mutation under `root`, and every frame. */
export function whenDom(root: Node, check: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (check()) return resolve(performance.now());
    let done = false;
    const finish = () => {
      if (done || !check()) return;
      done = true;
      observer.disconnect();
      resolve(performance.now());
    };
    const observer = new MutationObserver(finish);
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden'],
    });
    const poll = () => {
      finish();
      if (!done) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

/** A response body as it comes off the network: UTF-8 bytes. */
const encode = (json: unknown): Bytes => new TextEncoder().encode(JSON.stringify(json)) as Bytes;

const rowKeys = (rows: HTMLElement[]) => rows.map((row) => row.dataset.key ?? '');

function fail(error: unknown): void {
  const message = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  window.benchError = message;
  console.error(message);
  // Tachometer polls for a number: give it one it can never mistake for a timing.
  if (mode !== 'interactive') window.benchResults = { paint: -1, work: -1 };
}

export function startPage(candidate: Candidate): void {
  run(candidate).catch(fail);
}

async function run(candidate: Candidate): Promise<void> {
  const container = document.getElementById('app')!;
  // Let the page finish loading and its garbage settle before any clock starts.
  await new Promise((resolve) => (document.readyState === 'complete' ? resolve(0) : addEventListener('load', resolve)));
  await sleep(50);

  if (kind === 'templates') {
    if (!candidate.mountTemplates) throw new Error(`${candidate.name} has no templates view`);
    const body = encode(templatesEnvelope(manyTemplates(n)));
    await hold();
    await frame();
    performance.mark('bench-start');
    const t0 = performance.now();
    await candidate.mountTemplates(container, body);
    const laidOut = layout();
    const t1 = await doubleRaf();
    report(t1 - t0, laidOut - t0);
    return;
  }

  if (!candidate.mountDocs) throw new Error(`${candidate.name} has no documents view`);
  const docs = params.get('order') === 'shuffled' ? shuffled(manyDocs(n, folders)) : manyDocs(n, folders);
  const body = encode(envelope(docs));
  const expected = flattenRows(buildTree(docs)).rows;
  const firstKey = expected[0]!.key;

  await hold();
  await frame();
  // For traces: where the clock starts.
  performance.mark('bench-start');
  const t0 = performance.now();
  const handle = candidate.mountDocs(container, body);
  await whenDom(handle.root(), () => handle.rows(1)[0]?.dataset.key === firstKey);
  const laidOut = layout();
  const t1 = await doubleRaf();

  if (mode === 'first') {
    report(t1 - t0, laidOut - t0);
    return;
  }

  await handle.settled(expected.length);
  await sleep(100);

  if (mode === 'refetch') {
    const changed = refetchedDocs(docs);
    const nextBody = encode(envelope(changed));
    const changedName = changed[0]!.filename;
    const firstDocKey = `d${changed[0]!.pub_id}`;
    await frame();
    const r0 = performance.now();
    handle.refetch(nextBody);
    await whenDom(handle.root(), () => {
      const row = handle.rows(5).find((el) => el.dataset.key === firstDocKey);
      return !!row && (row.textContent ?? '').includes(changedName);
    });
    const laidOutAgain = layout();
    const r1 = await doubleRaf();
    report(r1 - r0, laidOutAgain - r0);
    return;
  }

  if (mode === 'interactive') {
    window.bench = interactive(handle, docs, t1 - t0, expected.length);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

const profiling = params.get('hold') === '1';

/** hold=1: waits for the driver (which starts a CPU profile first) before the clock starts. */
async function hold(): Promise<void> {
  if (!profiling) return;
  await new Promise<void>((resolve) => (window.benchGo = resolve));
  benchProfileStart();
}

/** Marks in a CPU profile (busy for 3 ms, so the sampler sees them) where the timed part starts and ends. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}
function benchProfileStart(): void {
  busy(3);
}
function benchProfileEnd(): void {
  busy(3);
}

/**
 * Forces style and layout now (the frame would do it next); returns when done.
 * Not while profiling: the profile would charge the forced work to this function.
 */
function layout(): number {
  if (profiling) return NaN;
  void document.body.offsetHeight;
  return performance.now();
}

function report(paint: number, work: number): void {
  if (profiling) benchProfileEnd();
  window.benchResults = { paint, work };
}

interface LoafEntry {
  startTime: number;
  duration: number;
  blockingDuration: number;
  /** Where the frame's time went: scripts, then rendering (style, layout, paint) from renderStart on. */
  scriptMs: number;
  renderMs: number;
  styleLayoutMs: number;
}

interface RawLoaf {
  startTime: number;
  duration: number;
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { duration: number }[];
}

/** What the playwright driver calls (page.evaluate). */
function interactive(handle: DocsHandle, docs: BenchDoc[], firstRenderMs: number, total: number) {
  const loafs: LoafEntry[] = [];
  const events: { name: string; startTime: number; duration: number; interactionId: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as RawLoaf[]) {
        const end = e.startTime + e.duration;
        loafs.push({
          startTime: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration,
          scriptMs: e.scripts.reduce((sum, script) => sum + script.duration, 0),
          renderMs: e.renderStart ? end - e.renderStart : 0,
          styleLayoutMs: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Reported by the driver as "not supported".
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      events.push({
        name: e.name,
        startTime: e.startTime,
        duration: e.duration,
        interactionId: (e as PerformanceEventTiming & { interactionId?: number }).interactionId ?? 0,
      });
    }
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);

  // The harness's own copy of the rows, to know what each keystroke should show; `release()` drops it.
  let tree: Tree | undefined = buildTree(docs);
  const loafsIn = (from: number, to: number) =>
    loafs.filter((e) => e.startTime + e.duration > from && e.startTime < to);
  let keystroke: Promise<unknown> | undefined;

  return {
    firstRenderMs,
    rowCount: () => handle.count(),
    domNodes: () => document.querySelectorAll('*').length,
    /** The keys of the first `count` rows; a virtualized list is scrolled (and back) to reach them. */
    async firstKeys(count: number) {
      const keys = rowKeys(handle.rows(count));
      const seen = new Set(keys);
      const scroller = handle.scroller();
      while (keys.length < count && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight) {
        // Half a window at a time, so each new window overlaps the last and no row is skipped.
        scroller.scrollTop += scroller.clientHeight / 2;
        await doubleRaf();
        for (const key of rowKeys(handle.rows(count * 4))) {
          if (!seen.has(key) && keys.length < count) {
            seen.add(key);
            keys.push(key);
          }
        }
      }
      scroller.scrollTop = 0;
      await doubleRaf();
      return keys;
    },
    loafSupported: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
    /** Drops the harness's data, so a heap snapshot holds the candidate's (and the page's) only. */
    release() {
      tree = undefined;
    },
    focusFilter() {
      handle.input().focus();
    },
    /** Clears the filter (not timed) and waits until the full list is back and idle. */
    async clearFilter() {
      const input = handle.input();
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const first = flattenRows(tree!).rows[0]!.key;
      await whenDom(handle.root(), () => handle.rows(1)[0]?.dataset.key === first);
      await handle.settled(total);
      await doubleRaf();
      await sleep(150);
    },
    /**
     * Arms the keystroke measurement: the next keydown starts the clock; it
     * stops after the paint that follows the filtered rows' arrival in the DOM.
     */
    arm(typed: string) {
      const query = typed.trim().toLowerCase();
      const want = flattenRows(tree!, query)
        .rows.slice(0, 10)
        .map((row) => row.key);
      keystroke = new Promise((resolve) => {
        addEventListener(
          'keydown',
          (event) => {
            const t0 = event.timeStamp;
            void whenDom(handle.root(), () => {
              const got = rowKeys(handle.rows(want.length));
              return got.length === want.length && got.every((key, i) => key === want[i]);
            })
              .then(async (rowsAt) => ({ t0, rowsAt, paintedAt: await afterNextPaint() }))
              .then(resolve);
          },
          { capture: true, once: true },
        );
      });
    },
    /** The armed keystroke's figures, once its paint is done (and event timing has reported). */
    async keystrokeResult() {
      const { t0, rowsAt, paintedAt } = (await keystroke) as { t0: number; rowsAt: number; paintedAt: number };
      await sleep(300);
      const related = events.filter(
        (e) => e.startTime >= t0 - 1 && e.startTime <= paintedAt && /^(key|input|beforeinput)/.test(e.name),
      );
      const inFrame = loafsIn(t0, paintedAt);
      return {
        toRowsPainted: paintedAt - t0,
        toRowsInDom: rowsAt - t0,
        // Event Timing: keystroke to the next paint (INP's definition); absent when under 16 ms.
        eventDuration: related.length ? Math.max(...related.map((e) => e.duration)) : null,
        longestLoaf: inFrame.length ? Math.max(...inFrame.map((e) => e.duration)) : 0,
        loafsOver50: inFrame.filter((e) => e.duration > 50).length,
        longest: inFrame.sort((a, b) => b.duration - a.duration)[0] ?? null,
      };
    },
    /** Scrolls the tree down at a steady speed for `ms`, one step per frame (`pxPerSecond` < 0: through the whole list). */
    async scroll(ms: number, pxPerSecond: number) {
      const scroller = handle.scroller();
      scroller.scrollTop = 0;
      await doubleRaf();
      await sleep(200);
      const rect = scroller.getBoundingClientRect();
      const probe = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      const rootNode = handle.root() as ShadowRoot;
      const start = performance.now();
      let frames = 0;
      let blank = 0;
      let last = start;
      let longestGap = 0;
      await new Promise<void>((resolve) => {
        const step = (now: number) => {
          frames++;
          longestGap = Math.max(longestGap, now - last);
          last = now;
          const hit = rootNode.elementFromPoint?.(probe.x, probe.y);
          if (!hit?.closest('[role="treeitem"]')) blank++;
          const elapsed = now - start;
          if (elapsed >= ms) return resolve();
          // A negative speed drags through the whole list in `ms` (as a scrollbar drag would).
          scroller.scrollTop =
            pxPerSecond < 0
              ? (elapsed / ms) * (scroller.scrollHeight - scroller.clientHeight)
              : (elapsed / 1000) * pxPerSecond;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      const end = performance.now();
      await sleep(300);
      const inWindow = loafsIn(start, end);
      return {
        frames,
        blankFrames: blank,
        longestFrameGap: longestGap,
        scrolledPx: scroller.scrollTop,
        loafCount: inWindow.length,
        loafsOver50: inWindow.filter((e) => e.duration > 50).length,
        longestLoaf: inWindow.length ? Math.max(...inWindow.map((e) => e.duration)) : 0,
        blockingMs: inWindow.reduce((sum, e) => sum + e.blockingDuration, 0),
      };
    },
  };
}

/** The same documents in an order fixed by a seed (a Park-Miller generator), so every sample sees the same body. */
function shuffled<T>(items: T[]): T[] {
  let seed = 42;
  for (let i = items.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
