/** Scenario 4: a refetch of 1,000 documents with 10% of them changed. */
import { fmtRatio, renderTable, verdictAtMost, type Section } from './format.js';
import type { RunData } from './run-data.js';

export function refetchSection(d: RunData): Section {
  const tRe = renderTable(d.tach.refetch, ['element', 'plain', 'repeat']);
  const paint = tRe.ratios.element!.paint;
  const verdict = verdictAtMost(paint, 1.2);
  return {
    lines: [
      '## 4. Refetch with 10% of rows changed (1,000 documents)',
      '',
      'After the first render has settled (not timed), the list is fetched again and every tenth document has a new filename; timed from the new body in memory to a double rAF after the first changed row shows its new name. The element refetches the way its expired-link refresh does (rows stay up, the page cache is bypassed); plain DOM patches rows in place by key; lit `repeat()` re-renders every row.',
      '',
      tRe.text,
      '',
    ],
    targets: [{ scenario: '4', target: 'Refetch, 10% changed: ≤ 1.2x plain DOM', measured: fmtRatio(paint), verdict }],
    notes:
      verdict === 'missed'
        ? [
            '- **Refetch:** see scenario 4; at 1,000 documents every candidate finishes within two frames, so the paint figure is mostly frame alignment.',
          ]
        : [],
  };
}
