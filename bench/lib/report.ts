/**
 * Turns one run's raw figures into bench/RESULTS.md: the opening, the targets
 * with why any missed, and one section per scenario, each written by its own
 * module in bench/lib/report/.
 */
import { closing, opening } from './report/about.js';
import { bytesSection } from './report/bytes.js';
import { documentsSection } from './report/documents.js';
import { filterSection } from './report/filter.js';
import { table, type Section } from './report/format.js';
import { heapSection } from './report/heap.js';
import { documentsSummary } from './report/issue5.js';
import { largeDocumentsSection } from './report/large-documents.js';
import { refetchSection } from './report/refetch.js';
import { requestsSection } from './report/requests.js';
import type { RunData } from './report/run-data.js';
import { scrollSection } from './report/scroll.js';
import { templatesSection } from './report/templates.js';

export type { RunData } from './report/run-data.js';

/** Scenarios 1 to 9, in order. */
const SCENARIOS: ((d: RunData) => Section)[] = [
  templatesSection,
  documentsSection,
  largeDocumentsSection,
  refetchSection,
  filterSection,
  scrollSection,
  requestsSection,
  heapSection,
  bytesSection,
];

export function writeReport(d: RunData): string {
  const sections = SCENARIOS.map((section) => section(d));
  const targets = sections.flatMap((s) => s.targets);
  const notes = sections.flatMap((s) => s.notes);
  return [
    ...opening(d),
    '## Targets',
    '',
    table(
      ['scenario', 'target', 'measured (element)', 'verdict'],
      targets.map((t) => [t.scenario, t.target, t.measured, t.verdict]),
    ),
    '',
    '"met": the whole 95% interval is within the target; "met on the median": only the median is.',
    '',
    ...(notes.length ? ['### Why the missed targets are missed', '', ...notes, ''] : []),
    ...documentsSummary(d),
    ...sections.flatMap((s) => s.lines),
    ...closing(d),
  ].join('\n');
}
