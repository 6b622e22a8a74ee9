// `npm run screenshots`: every element in each of its states (loading, empty,
// error, populated), light and dark, English and German, at 390 px and
// 1280 px: 96 pictures in screenshots/ (SCREENSHOTS_DIR to change), with an
// index.html that shows them side by side for a reviewer.
//
// The data comes from the real sandbox on a free loopback port, the states
// from its own controls: a held answer (a 30 s latency fault) for loading, a
// 500 on every try for the error, the sandbox's organization without records
// or documents for empty (the launcher offers an id no template has, as
// PaperOS's templates are the same for every organization). The page is a
// blank one with the elements bundled from src/, in the system Chromium.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_ORG_ID, OTHER_ORG_ID, startSandbox, type FaultRule } from '../src/sandbox/index.js';
import { elementsBundle } from '../test/helpers/elements-page.js';
import { chromiumLaunchOptions, missingBrowsers } from './browsers.mjs';

const OUT = resolve(process.env.SCREENSHOTS_DIR || 'screenshots');

interface Subject {
  name: string;
  tag: string;
  attrs: Record<string, string>;
  /** The API paths it loads from (a regular expression), where the faults go. */
  paths: string;
  /** What shows once its data is on screen. */
  data: string;
  /** Attributes that leave it nothing to show in an organization without data. */
  emptyAttrs?: Record<string, string>;
  /** A row a person opens in the populated state, to show its detail too. */
  open?: { row: string; shows: string };
}

const SUBJECTS: Subject[] = [
  { name: 'document-list', tag: 'paperos-document-list', attrs: {}, paths: '/documents$', data: '[role="treeitem"]' },
  {
    name: 'record-list',
    tag: 'paperos-record-list',
    attrs: { editable: '', creatable: '', limit: '50' },
    paths: '/records$',
    data: '[role="option"]',
    open: { row: '[role="option"]:last-child', shows: '[part="detail"]' },
  },
  {
    name: 'workflow-launcher',
    tag: 'paperos-workflow-launcher',
    attrs: {},
    paths: '/workflow-templates$|/workflows$',
    data: '[part~="template"]',
    emptyAttrs: { templates: 'flow_none' },
  },
];

type State = 'loading' | 'empty' | 'error' | 'populated';
const STATES: State[] = ['loading', 'empty', 'error', 'populated'];
const THEMES = ['light', 'dark'] as const;
const LANGS = ['en', 'de'] as const;
const WIDTHS = [390, 1280] as const;

/** The sandbox's faults for a state, on the subject's paths. */
function faultsFor(state: State, subject: Subject): FaultRule[] {
  if (state === 'loading') return [{ kind: 'latency', ms: 30_000, path: subject.paths }];
  if (state === 'error') return [{ kind: 'status', status: 500, path: subject.paths }];
  return [];
}

/** What is on screen once the element is in the state (the loading state once its label shows). */
function readySelector(state: State, subject: Subject): string {
  return { loading: '[part~="loading"]', empty: '[part~="empty"]', error: '[part~="error"]', populated: subject.data }[
    state
  ];
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <style>
      :root { color-scheme: light dark; font-family: system-ui, sans-serif; background: Canvas; color: CanvasText; }
      body { margin: 0; padding: 16px; }
    </style>
    <script type="module" src="/app.js"></script>
  </head>
  <body></body>
</html>`;

// Chromium only: stop at once with the one line that says how to get it.
const missing = missingBrowsers({ env: { ...process.env, BROWSERS: 'chromium' } });
if (missing) {
  console.error(`npm run screenshots: ${missing}`);
  process.exit(1);
}

const started = Date.now();
const sandbox = await startSandbox({ port: 0, quiet: true } as Parameters<typeof startSandbox>[0]);
const script = await elementsBundle();
const server = createServer((req, res) => {
  const js = req.url === '/app.js';
  res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
  res.end(js ? script : PAGE);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch(chromiumLaunchOptions());
const problems: string[] = [];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

/** One page per width and theme, reused for every picture it takes. */
const pages = await Promise.all(
  WIDTHS.flatMap((width) =>
    THEMES.map(async (theme) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: theme });
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`${width} ${theme}: ${error.message}`));
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => !!customElements.get('paperos-record-list'));
      return { width, theme, page };
    }),
  ),
);

const tokens = {
  [DEMO_ORG_ID]: await sandbox.mintAccessToken(),
  [OTHER_ORG_ID]: await sandbox.mintAccessToken({ orgId: OTHER_ORG_ID }),
};

async function shoot(page: Page, subject: Subject, state: State, lang: string, file: string): Promise<void> {
  const org = state === 'empty' ? OTHER_ORG_ID : DEMO_ORG_ID;
  const attrs = { ...subject.attrs, ...(state === 'empty' ? subject.emptyAttrs : {}) };
  await page.evaluate(
    ({ tag, attrs, token, base, org, lang }) => {
      (window as unknown as { clearPaperOSCache(): void }).clearPaperOSCache();
      document.documentElement.lang = lang;
      const el = document.createElement(tag) as HTMLElement & { token: string };
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      el.setAttribute('base-url', base);
      el.setAttribute('org-id', org);
      el.token = token;
      document.body.replaceChildren(el);
    },
    { tag: subject.tag, attrs, token: tokens[org], base: sandbox.url, org, lang },
  );
  await page.waitForFunction(
    ({ tag, selector, lang }) => {
      const shown = document.querySelector(tag)?.shadowRoot?.querySelector(selector);
      const locale = (window as unknown as { paperosLocale(): string }).paperosLocale();
      return !!shown && /\p{L}/u.test(shown.textContent ?? '') && locale === lang;
    },
    { tag: subject.tag, selector: readySelector(state, subject), lang },
    { timeout: 20_000 },
  );
  if (state === 'populated' && subject.open) {
    await page.locator(`${subject.tag} ${subject.open.row}`).click();
    await page.locator(`${subject.tag} ${subject.open.shows}`).waitFor();
  }
  // Two frames: the last update painted, and the focus ring of an opened row with it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // The page's body: the element and the page's margin around it, on the page's own background.
  await page.locator('body').screenshot({ path: join(OUT, file) });
}

const files: { subject: string; state: State; theme: string; lang: string; width: number; file: string }[] = [];
try {
  for (const state of STATES) {
    for (const subject of SUBJECTS) {
      sandbox.setFaults(faultsFor(state, subject));
      // The four pages (two widths, two themes) at once: faults are the same for all of them.
      await Promise.all(
        pages.map(async ({ width, theme, page }) => {
          for (const lang of LANGS) {
            const file = `${subject.name}-${state}-${theme}-${lang}-${width}.png`;
            await shoot(page, subject, state, lang, file).catch((error: Error) => {
              problems.push(`${file}: ${error.message.split('\n')[0]}`);
            });
            files.push({ subject: subject.name, state, theme, lang, width, file });
          }
        }),
      );
      sandbox.clearFaults();
    }
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}

// One page to look at all of them: a row per element and state, a picture per theme, language and width.
const columns = THEMES.flatMap((theme) => LANGS.flatMap((lang) => WIDTHS.map((width) => ({ theme, lang, width }))));
const rows = SUBJECTS.flatMap((subject) => STATES.map((state) => ({ subject: subject.name, state })));
const cell = (file: string) => `<td><a href="${file}"><img src="${file}" alt="${file}" loading="lazy"></a></td>`;
writeFileSync(
  join(OUT, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>PaperOS Elements: every element, state, theme, language and width</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px;vertical-align:top}img{max-width:260px;display:block}</style>
<table><tr><th></th>${columns.map((c) => `<th>${c.theme} ${c.lang} ${c.width}</th>`).join('')}</tr>
${rows
  .map(
    (row) =>
      `<tr><th>${row.subject}<br>${row.state}</th>${columns
        .map((c) => cell(`${row.subject}-${row.state}-${c.theme}-${c.lang}-${c.width}.png`))
        .join('')}</tr>`,
  )
  .join('\n')}
</table>`,
);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const shot = files.length - problems.filter((p) => p.includes('.png:')).length;
console.log(`${shot} pictures in ${seconds} s: ${OUT}/ (index.html shows them all)`);
if (problems.length > 0) {
  console.error(`Problems:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}
// Held answers (the loading state's latency fault) would keep the sandbox open for their 30 s.
await sandbox.close().catch(() => undefined);
process.exit();
