/** The figures and tables every scenario's section is written with. */
import { ratio, summarize, type RatioSummary, type Summary } from '../stats.js';
import type { TachSamples } from '../tachometer.js';

/** What a scenario adds to the report: its section, its rows of the targets table, and why a target missed. */
export interface Section {
  lines: string[];
  targets: Target[];
  notes: string[];
}

export interface Target {
  scenario: string;
  target: string;
  measured: string;
  verdict: Verdict;
}

export type Verdict = 'met' | 'met on the median' | 'missed' | 'not measured';

export const NAMES: Record<string, string> = {
  element: 'element',
  plain: 'plain DOM (floor)',
  repeat: 'lit `repeat()`',
  'element-10k': 'element, 10,000 rows',
};
export const nameOf = (candidate: string) => NAMES[candidate] ?? candidate;

export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
export const fmtSummary = (s: Summary) => `${ms(s.median)} [${ms(s.low)}–${ms(s.high)}]`;
export const fmtRatio = (r: RatioSummary) => {
  if (!Number.isFinite(r.ratio)) return 'n/a';
  const digits = r.ratio < 0.5 ? 3 : 2;
  return `${r.ratio.toFixed(digits)}x [${r.low.toFixed(digits)}–${r.high.toFixed(digits)}]`;
};
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const int = (n: number) => new Intl.NumberFormat('en').format(Math.round(n));
export const median = (list: number[]) => summarize(list).median;

/** ≤ target: met when the whole interval is within it, "on the median" when only the point estimate is. */
export function verdictAtMost(r: RatioSummary | Summary, target: number): Verdict {
  const point = 'ratio' in r ? r.ratio : r.median;
  if (!Number.isFinite(point)) return 'not measured';
  if (r.high <= target) return 'met';
  return point <= target ? 'met on the median' : 'missed';
}

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A tachometer series as a table of paint and layout figures, each with its ratio to `baseline`. */
export function renderTable(
  samples: TachSamples,
  order: string[],
  baseline = 'plain',
): { text: string; ratios: Record<string, { paint: RatioSummary; work: RatioSummary }> } {
  const ratios: Record<string, { paint: RatioSummary; work: RatioSummary }> = {};
  const rows = order
    .filter((name) => samples[name])
    .map((name) => {
      const s = samples[name]!;
      const b = samples[baseline]!;
      const paint = ratio(s.paint!, b.paint!);
      const work = ratio(s.work!, b.work!);
      ratios[name] = { paint, work };
      return [
        nameOf(name),
        fmtSummary(summarize(s.paint!)),
        name === baseline ? '1' : fmtRatio(paint),
        fmtSummary(summarize(s.work!)),
        name === baseline ? '1' : fmtRatio(work),
        s.paint!.length,
      ];
    });
  return {
    text: table(['candidate', 'first paint, ms', 'ratio to plain DOM', 'rows laid out, ms', 'ratio', 'samples'], rows),
    ratios,
  };
}

/** A table of CPU profile shares by bucket, one column per candidate. */
export function profileTable(profile: Record<string, { buckets: Record<string, number> }>, what: string): string[] {
  const names = Object.keys(profile);
  const buckets = [...new Set(names.flatMap((n) => Object.keys(profile[n]!.buckets)))];
  const share = (n: string, b: string) => {
    const all = Object.values(profile[n]!.buckets).reduce((s, v) => s + v, 0);
    const v = profile[n]!.buckets[b] ?? 0;
    return v >= 0.5 ? `${((v / all) * 100).toFixed(0)}%` : '—';
  };
  const order = buckets.sort((a, b) => (profile.element?.buckets[b] ?? 0) - (profile.element?.buckets[a] ?? 0));
  return [
    `Where ${what} spends its time: CPU profiles (sampled every 0.5 ms, median of the runs) of unminified twins of the pages, from the clock's start to its stop, by the module each sample is in. Profiling slows cold code a lot, so read the shares, not milliseconds. Forced style and layout are charged to the script that forced them; the browser's own bucket also holds compiling scripts on first use.`,
    '',
    table(
      ['where', ...names.map(nameOf)],
      order.map((b) => [b, ...names.map((n) => share(n, b))]),
    ),
    '',
  ];
}

/** "Rows in the DOM once settled" from the validation of `n` documents. */
export function settledRows(rows: Record<string, number> | undefined): string {
  return rows
    ? Object.entries(rows)
        .map(([c, n]) => `${NAMES[c]} ${int(n)}`)
        .join(', ')
    : '?';
}
