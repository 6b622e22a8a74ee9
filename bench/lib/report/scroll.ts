/** Scenario 6: two seconds of scrolling through 10,000 documents. */
import { median, ms, nameOf, table, type Section } from './format.js';
import type { RunData } from './run-data.js';

export function scrollSection(d: RunData): Section {
  return {
    lines: [
      '## 6. Two seconds of scrolling through 10,000 documents',
      '',
      'The tree is scrolled by script, one step per animation frame, for 2 s, CPU not slowed: a fling at 10,000 px/s, and a drag from the top to the bottom of the list (as with the scrollbar). "Blank frames": frames in which the point at the centre of the tree shows no row. Long animation frames from `PerformanceObserver` type `long-animation-frame` in that window (blocking: the part of each beyond 50 ms). Medians over the runs.',
      '',
      table(
        [
          'scroll',
          'candidate',
          'frames in 2 s',
          'blank frames',
          'longest frame gap, ms',
          'long animation frames',
          'over 50 ms',
          'longest, ms',
          'blocking, ms',
          'runs',
        ],
        d.scroll.flatMap(({ label, results }) =>
          Object.entries(results).map(([c, runs]) => [
            label,
            nameOf(c),
            ms(median(runs.map((r) => r.frames))),
            ms(median(runs.map((r) => r.blankFrames))),
            ms(median(runs.map((r) => r.longestFrameGap))),
            ms(median(runs.map((r) => r.loafCount))),
            ms(median(runs.map((r) => r.loafsOver50))),
            ms(median(runs.map((r) => r.longestLoaf))),
            ms(median(runs.map((r) => r.blockingMs))),
            runs.length,
          ]),
        ),
      ),
      '',
    ],
    targets: [],
    notes: [],
  };
}
