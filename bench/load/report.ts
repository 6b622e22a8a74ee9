/** The load figures' section of bench/RESULTS.md, between its markers. */

export interface Scenario {
  id: string;
  label: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
}

export interface Measured {
  requestsPerSecond: number;
  requests: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Response bytes received, headers included. */
  bytes: number;
  idleRss: number;
  peakRss: number;
}

export interface LoadRun {
  date: string;
  durationS: number;
  seconds: number;
  rounds: number;
  documents: number;
  machine: string;
  node: string;
  trees: Array<{ name: string; commit: string }>;
  scenarios: Scenario[];
  /** tree name -> scenario id -> one entry per round */
  results: Record<string, Record<string, Measured[]>>;
}

export const LOAD_START = '<!-- load:start (written by npm run load; npm run bench keeps it) -->';
export const LOAD_END = '<!-- load:end -->';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Each figure is the median over the rounds (or the worst, for errors and memory). */
function summary(runs: Measured[]) {
  const growth = Math.max(...runs.map((r) => r.peakRss - r.idleRss));
  return {
    rate: median(runs.map((r) => r.requestsPerSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    failed: Math.max(...runs.map((r) => r.errors + r.non2xx)),
    perRequest: median(runs.map((r) => r.bytes / Math.max(1, r.requests))),
    idle: median(runs.map((r) => r.idleRss)),
    peak: Math.max(...runs.map((r) => r.peakRss)),
    growth,
  };
}

export function loadSection(run: LoadRun): string {
  const lines = [
    '## Server toolkit under load (`npm run load`)',
    '',
    `Written by \`npm run load\` (bench/load/run.ts) on ${run.date.slice(0, 16).replace('T', ' ')} UTC; the run took ${run.durationS.toFixed(0)} s.`,
    '',
    `- Machine: ${run.machine}; Node ${run.node}.`,
    `- The sandbox (with a ${run.documents.toLocaleString('en-US')}-document organization) and autocannon in one process; the host backend (bench/load/backend.ts: the token endpoint and the BFF proxy in Node's \`http\`) in its own, fresh for each scenario and warmed up with three requests. autocannon: 10 connections, ${run.seconds} s per scenario, ${run.rounds} round(s)${run.trees.length > 1 ? ', the trees alternating which goes first' : ''}. Figures are medians over the rounds; memory is the backend's resident set (VmRSS, sampled every 50 ms): idle just before the run, and the peak during it.`,
    `- Trees: ${run.trees.map((t) => `**${t.name}** at ${t.commit}`).join(', ')}.`,
    '',
    '| scenario | tree | requests/s | p50 | p99 | errors | bytes per answer | backend RSS idle → peak (growth) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const scenario of run.scenarios) {
    for (const tree of run.trees) {
      const runs = run.results[tree.name]?.[scenario.id];
      if (!runs?.length) continue;
      const s = summary(runs);
      lines.push(
        `| ${scenario.label} | ${tree.name} | ${s.rate.toFixed(1)} | ${s.p50} ms | ${s.p99} ms | ${s.failed} | ${(s.perRequest / 1e3).toFixed(1)} kB | ${mb(s.idle)} → ${mb(s.peak)} (+${mb(s.growth)}) |`,
      );
    }
  }
  const current = run.results.current ?? {};
  const verdicts: string[] = [];
  if (current.large?.length) {
    const growth = summary(current.large).growth;
    verdicts.push(
      `- ${run.documents.toLocaleString('en-US')}-document list, 10 connections: the backend grew by ${mb(growth)} over idle (target ≤ 100 MB): **${growth <= 100e6 ? 'met' : 'missed'}**.`,
    );
  }
  if (current.large?.length && current.largeGzip?.length) {
    const ratio = summary(current.large).perRequest / summary(current.largeGzip).perRequest;
    verdicts.push(
      `- The same list with \`Accept-Encoding: gzip\`: ${ratio.toFixed(1)}x fewer bytes per answer (target ≥ 5x): **${ratio >= 5 ? 'met' : 'missed'}**.`,
    );
  }
  const baseline = run.results.baseline;
  if (baseline?.small?.length && current.small?.length) {
    const ratio = summary(current.small).rate / summary(baseline.small).rate;
    verdicts.push(
      `- Small list through the proxy: ${(ratio * 100).toFixed(0)}% of the baseline's requests a second (target ≥ 90%): **${ratio >= 0.9 ? 'met' : 'missed'}**.`,
    );
  }
  if (verdicts.length) lines.push('', ...verdicts);
  return lines.join('\n');
}

/** `markdown` with its load section replaced by this run's (appended when it has none). */
export function replaceLoadSection(markdown: string, run: LoadRun): string {
  return withLoadSection(markdown, `${LOAD_START}\n\n${loadSection(run)}\n\n${LOAD_END}`);
}

/** The load section of `markdown`, markers included, if it has one. */
export function loadSectionOf(markdown: string): string | undefined {
  const start = markdown.indexOf(LOAD_START);
  const end = markdown.indexOf(LOAD_END);
  return start >= 0 && end > start ? markdown.slice(start, end + LOAD_END.length) : undefined;
}

/** `markdown` with `section` (markers included) in place of its own, or at its end. */
export function withLoadSection(markdown: string, section: string): string {
  const old = loadSectionOf(markdown);
  if (old) return markdown.replace(old, () => section);
  return `${markdown.trimEnd()}\n\n${section}\n`;
}
