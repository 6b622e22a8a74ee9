/**
 * The naive lit baseline: every row through `repeat()` (keyed), no
 * virtualization, rendered with lit's `render()` into a shadow root with the
 * element's stylesheet. Refetch and filter re-render the whole row list.
 */
import { html, nothing, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BenchDoc } from '../pages/data.js';
import { buildTree, documentCount, flattenRows, formatCount, summaryText, templateRows, type Row } from './rows.js';
import { documentListSheet, shadowHost, type DocsView, type TemplatesView } from './shared.js';

const rowTemplate = (row: Row, index: number) => {
  const tab = index === 0 ? 0 : -1;
  if (row.kind === 'folder') {
    return html`<div
      role="treeitem"
      part="folder"
      class="row row--folder"
      data-key=${row.key}
      aria-level=${row.level}
      aria-posinset=${row.pos}
      aria-setsize=${row.size}
      aria-expanded="true"
      aria-label=${`${row.name}, ${documentCount(row.shown)}`}
      tabindex=${tab}
    >
      <span class="twisty" aria-hidden="true"></span>
      <span part="folder-name" class="name">${row.name}</span>
      <span part="folder-count" class="count" aria-hidden="true">${formatCount(row.shown)}</span>
    </div>`;
  }
  return html`<div
    role="treeitem"
    part="document"
    class="row row--doc"
    data-key=${row.key}
    aria-level=${row.level}
    aria-posinset=${row.pos}
    aria-setsize=${row.size}
    tabindex=${tab}
  >
    <span part="type" class="type">${row.type || 'File'}</span>
    ${
      row.href
        ? html`<a
            part="filename download"
            class="name"
            href=${row.href}
            target="_blank"
            rel="noopener noreferrer"
            tabindex=${tab}
            >${row.name}</a
          >`
        : html`<span part="filename" class="name">${row.name}</span>`
    }
  </div>`;
};

export function repeatDocuments(): DocsView {
  const { host, root } = shadowHost('repeat-document-list', [documentListSheet()]);
  let docs: BenchDoc[] = [];
  let treeModel = buildTree([]);
  let query = '';
  const onInput = (event: Event) => {
    const q = (event.target as HTMLInputElement).value.trim().toLowerCase();
    if (q === query) return;
    query = q;
    update();
    view.tree.scrollTop = 0;
  };
  const update = () => {
    const { rows, matched } = flattenRows(treeModel, query);
    render(
      html`<div part="toolbar" class="toolbar">
          <div class="field">
            <label part="filter-label" for="filter">Filter</label>
            <input id="filter" part="filter" type="search" autocomplete="off" spellcheck="false" @input=${onInput} />
          </div>
          <div class="field">
            <label part="sort-label" for="sort">Sort by</label>
            <select id="sort" part="sort">
              <option value="folder" selected>Folder</option>
              <option value="name">Name</option>
            </select>
          </div>
          <p part="summary" class="summary" role="status">${summaryText(matched, docs.length, query)}</p>
        </div>
        <div part="tree" class="tree" role="tree" aria-label="Documents">
          ${repeat(rows, (row) => row.key, rowTemplate)}
        </div>
        ${nothing}`,
      root,
    );
  };
  update();
  const view: DocsView = {
    host,
    input: root.querySelector('input')!,
    tree: root.querySelector<HTMLElement>('[part="tree"]')!,
    setData(response) {
      docs = response.documents;
      treeModel = buildTree(docs);
      update();
    },
  };
  return view;
}

/** The workflow launcher's catalog through one keyed `repeat()` under an empty Started section, laid out as `<paperos-workflow-launcher>` does. */
export function repeatTemplates(sheets: CSSStyleSheet[]): TemplatesView {
  const { host, root } = shadowHost('repeat-workflow-launcher', sheets);
  return {
    host,
    setData(response) {
      const rows = templateRows(response.workflow_templates);
      render(
        html`<section part="started-section" class="started-section" aria-labelledby="started-heading">
            <h3 class="heading" id="started-heading">Started workflows (0)</h3>
            <p part="start-announcement" class="announcement" role="status"></p>
            <p class="none-started">None started yet.</p>
          </section>
          <section part="catalog" class="catalog" aria-labelledby="catalog-heading">
            <h3 class="heading" id="catalog-heading">Start a workflow</h3>
            <div class="toolbar">
              <label class="field">
                <span>Search workflows</span>
                <input part="filter" type="search" autocomplete="off" />
              </label>
              <span part="match-count" class="count" role="status">${formatCount(rows.length)} workflows</span>
            </div>
            <ul
              part="templates"
              class="templates scroll-fade"
              id="templates"
              tabindex="-1"
              aria-labelledby="catalog-heading"
            >
              ${repeat(
                rows,
                (t) => t.key,
                (t, i) =>
                  html`<li part="template" class="template">
                    <div class="template-text">
                      <span part="template-label" class="template-label">${t.label}</span>
                      <span part="template-description" class="template-description" id=${`d${i}`}
                        >${t.description}</span
                      >
                    </div>
                    <button
                      part="start-button"
                      class="button start"
                      type="button"
                      data-key=${t.key}
                      tabindex=${i === 0 ? 0 : -1}
                      aria-disabled="false"
                      aria-label=${`Start ${t.label}`}
                      aria-describedby=${`d${i}`}
                    >
                      Start
                    </button>
                  </li>`,
              )}
            </ul>
          </section>`,
        root,
      );
    },
  };
}
