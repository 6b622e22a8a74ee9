/** Scenario 8: the heap after rendering 10,000 documents. */
import { ratio, summarize, type RatioSummary } from '../stats.js';
import { fmtRatio, int, mb, median, nameOf, table, verdictAtMost, type Section } from './format.js';
import type { RunData } from './run-data.js';

export function heapSection(d: RunData): Section {
  const plainHeap = d.heap.plain!.map((s) => s.jsHeapUsed);
  const plainTotal = d.heap.plain!.map((s) => s.jsHeapUsed + (s.embedderHeapUsed ?? 0));
  let heapRatio: RatioSummary = { ratio: NaN, low: NaN, high: NaN };
  const rows = Object.entries(d.heap).map(([c, list]) => {
    const js = list.map((s) => s.jsHeapUsed);
    const total = list.map((s) => s.jsHeapUsed + (s.embedderHeapUsed ?? 0));
    const r = ratio(js, plainHeap);
    if (c === 'element') heapRatio = r;
    const sj = summarize(js);
    const st = summarize(total);
    return [
      nameOf(c),
      `${mb(sj.median)} [${mb(sj.low)}–${mb(sj.high)}]`,
      c === 'plain' ? '1' : fmtRatio(r),
      list[0]!.embedderHeapUsed === null ? 'n/a' : `${mb(st.median)}`,
      c === 'plain' ? '1' : list[0]!.embedderHeapUsed === null ? 'n/a' : fmtRatio(ratio(total, plainTotal)),
      int(median(list.map((s) => s.domNodes))),
      int(median(list.map((s) => s.rows))),
      list.length,
    ];
  });
  return {
    lines: [
      '## 8. Memory after 10,000 documents',
      '',
      'A fresh page per sample renders 10,000 documents and settles; then CDP `HeapProfiler.collectGarbage` (three times) and `Runtime.getHeapUsage`. "JS heap" is V8\'s used size (`usedSize`); "DOM heap" is Blink\'s (`embedderHeapUsedSize`, the DOM nodes themselves). The harness drops its own copy of the data first, so what is left is the page, the code of the candidate and whatever it keeps (its parsed documents, its rows and their DOM).',
      '',
      table(
        [
          'candidate',
          'JS heap',
          'ratio to plain DOM',
          'JS + DOM heap',
          'ratio',
          'DOM nodes',
          'rows in the DOM',
          'samples',
        ],
        rows,
      ),
      '',
    ],
    targets: [
      {
        scenario: '8',
        target: 'JS heap after 10,000 documents: ≤ 1.5x plain DOM',
        measured: fmtRatio(heapRatio),
        verdict: verdictAtMost(heapRatio, 1.5),
      },
    ],
    notes: [],
  };
}
