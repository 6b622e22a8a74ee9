import { repeatDocuments, repeatTemplates } from '../baselines/lit-repeat.js';
import type { BenchTemplate } from './data.js';
import { baselineHandle, readJson } from './baseline-handle.js';
import { startPage } from './harness.js';
import { templatesSheets } from './templates-sheets.js';

startPage({
  name: 'repeat',
  mountDocs(container, bytes) {
    const view = repeatDocuments();
    container.append(view.host);
    return baselineHandle(view, bytes);
  },
  async mountTemplates(container, bytes) {
    const view = repeatTemplates(templatesSheets());
    container.append(view.host);
    view.setData(await readJson<{ workflow_templates: BenchTemplate[] }>(bytes));
  },
});
