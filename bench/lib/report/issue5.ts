/** The documents summary that issue 5 asked for: first render and filter keystroke, element vs. plain DOM. */
import { ratio, summarize } from '../stats.js';
import { fmtRatio, fmtSummary, int, table } from './format.js';
import type { RunData } from './run-data.js';

export function documentsSummary(d: RunData): string[] {
  const rows = (
    [
      [1000, d.tach.docs1k],
      [10_000, d.tach.docs10k],
      [100_000, d.tach.docs100k],
    ] as const
  ).map(([n, samples]) => {
    const f = d.filter.find((run) => run.n === n);
    const fe = f?.samples.element?.map((s) => s.toRowsPainted) ?? [];
    const fp = f?.samples.plain?.map((s) => s.toRowsPainted) ?? [];
    return [
      int(n),
      fmtSummary(summarize(samples.element!.paint!)),
      fmtSummary(summarize(samples.plain!.paint!)),
      fmtRatio(ratio(samples.element!.paint!, samples.plain!.paint!)),
      fe.length ? fmtSummary(summarize(fe)) : '—',
      fp.length ? fmtSummary(summarize(fp)) : '—',
      fe.length ? fmtRatio(ratio(fe, fp)) : '—',
    ];
  });
  return [
    '## Issue 5: documents, element vs. plain DOM',
    '',
    table(
      [
        'documents',
        'first paint, element (ms)',
        'plain DOM (ms)',
        'ratio',
        'filter keystroke at 4x, element (ms)',
        'plain DOM (ms)',
        'ratio',
      ],
      rows,
    ),
    '',
  ];
}
