/** Scenario 2: a first render of 1,000 documents in 20 folders. */
import { fmtRatio, renderTable, settledRows, verdictAtMost, type Section } from './format.js';
import type { RunData } from './run-data.js';

export function documentsSection(d: RunData): Section {
  const v1k = d.validation.find((v) => v.kind === 'docs' && v.n === 1000);
  const t1k = renderTable(d.tach.docs1k, ['element', 'plain', 'repeat']);
  const paint = t1k.ratios.element!.paint;
  return {
    lines: [
      '## 2. Documents, 1,000 rows in 20 folders, first render',
      '',
      t1k.text,
      '',
      `Rows in the DOM once settled: ${settledRows(v1k?.rows)} (the element virtualizes above 200 rows: its first paint shows the first 24 rows while the virtualizer chunk loads, then only the rows around the visible window).`,
      '',
    ],
    targets: [
      {
        scenario: '2',
        target: '1,000 documents: first render ≤ 1.2x plain DOM',
        measured: fmtRatio(paint),
        verdict: verdictAtMost(paint, 1.2),
      },
    ],
    notes: [],
  };
}
