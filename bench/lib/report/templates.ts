/** Scenario 1: a first render of 70 workflow templates. */
import { summarize } from '../stats.js';
import { fmtRatio, ms, profileTable, renderTable, verdictAtMost, type Section } from './format.js';
import type { RunData } from './run-data.js';

export function templatesSection(d: RunData): Section {
  const t = d.tach.templates;
  const table = renderTable(t, ['element', 'plain', 'repeat']);
  const paint = table.ratios.element!.paint;
  const verdict = verdictAtMost(paint, 1.2);
  const notes =
    verdict === 'met' || verdict === 'not measured'
      ? []
      : [
          `- **70 templates:** \`<paperos-workflow-launcher>\` lays its rows out after ${ms(summarize(t.element!.work!).median)} ms against ${ms(summarize(t.plain!.work!).median)} ms for plain DOM and ${ms(summarize(t.repeat!.work!).median)} ms for lit \`repeat()\` of the same rows, so the rows as such are not what costs. The profile under scenario 1 puts most of the difference in the browser's own work on a cold page: style, layout and paint, with a loading state painted before the rows, and what is left of compiling the element's larger code on first use (the pages carry V8's compile hint, as the published bundle does, so most of it happens on a background thread while the script loads, before the clock starts); its scripts (client, validation, lit) are a small share. A few milliseconds more decide whether the first paint lands a frame later.`,
        ];
  return {
    lines: [
      '## 1. Workflow templates, 70 rows, first render',
      '',
      table.text,
      '',
      ...profileTable(d.profileTemplates, 'a first render of 70 templates'),
    ],
    targets: [
      { scenario: '1', target: '70 templates: first render ≤ 1.2x plain DOM', measured: fmtRatio(paint), verdict },
    ],
    notes,
  };
}
