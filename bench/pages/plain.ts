import { plainDocuments, plainTemplates } from '../baselines/plain-dom.js';
import type { BenchTemplate } from './data.js';
import { baselineHandle, readJson } from './baseline-handle.js';
import { startPage } from './harness.js';
import { templatesSheets } from './templates-sheets.js';

startPage({
  name: 'plain',
  mountDocs(container, bytes) {
    const view = plainDocuments();
    container.append(view.host);
    return baselineHandle(view, bytes);
  },
  async mountTemplates(container, bytes) {
    const view = plainTemplates(templatesSheets());
    container.append(view.host);
    view.setData(await readJson<{ workflow_templates: BenchTemplate[] }>(bytes));
  },
});
