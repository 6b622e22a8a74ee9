/**
 * The practical floor: the document list's rows rendered with plain DOM
 * (template cloning, no framework, no virtualization), in a shadow root with
 * the element's stylesheet.
 *
 * - First render: group and sort (bench/baselines/rows.ts), clone one
 *   row template per row, one append.
 * - Refetch: keyed in place; a row whose text, link or position changed is
 *   patched, new rows are inserted, gone rows removed.
 * - Filter: rows stay in the DOM; non-matching ones get `hidden`, counts and
 *   posinset/setsize of the visible ones are patched.
 */
import type { BenchDoc } from '../pages/data.js';
import { buildTree, documentCount, flattenRows, formatCount, summaryText, templateRows, type Row } from './rows.js';
import { documentListSheet, shadowHost, type DocsView, type TemplatesView } from './shared.js';

const toolbarTemplate = document.createElement('template');
toolbarTemplate.innerHTML =
  '<div part="toolbar" class="toolbar">' +
  '<div class="field"><label part="filter-label" for="filter">Filter</label>' +
  '<input id="filter" part="filter" type="search" autocomplete="off" spellcheck="false"></div>' +
  '<div class="field"><label part="sort-label" for="sort">Sort by</label>' +
  '<select id="sort" part="sort"><option value="folder" selected>Folder</option><option value="name">Name</option></select></div>' +
  '<p part="summary" class="summary" role="status"></p></div>' +
  '<div part="tree" class="tree" role="tree" aria-label="Documents"></div>';

const folderTemplate = document.createElement('template');
folderTemplate.innerHTML =
  '<div role="treeitem" part="folder" class="row row--folder" aria-expanded="true" tabindex="-1">' +
  '<span class="twisty" aria-hidden="true"></span><span part="folder-name" class="name"></span>' +
  '<span part="folder-count" class="count" aria-hidden="true"></span></div>';

const docTemplate = document.createElement('template');
docTemplate.innerHTML =
  '<div role="treeitem" part="document" class="row row--doc" tabindex="-1">' +
  '<span part="type" class="type"></span>' +
  '<a part="filename download" class="name" target="_blank" rel="noopener noreferrer" tabindex="-1"></a></div>';

const plainNameTemplate = document.createElement('template');
plainNameTemplate.innerHTML = '<span part="filename" class="name"></span>';

interface Rendered {
  row: Row;
  el: HTMLElement;
}

function createRow(row: Row): HTMLElement {
  if (row.kind === 'folder') {
    const el = folderTemplate.content.firstChild!.cloneNode(true) as HTMLElement;
    el.dataset.key = row.key;
    el.setAttribute('aria-level', String(row.level));
    el.setAttribute('aria-posinset', String(row.pos));
    el.setAttribute('aria-setsize', String(row.size));
    el.setAttribute('aria-label', `${row.name}, ${documentCount(row.shown)}`);
    el.children[1]!.textContent = row.name;
    el.children[2]!.textContent = formatCount(row.shown);
    return el;
  }
  const el = docTemplate.content.firstChild!.cloneNode(true) as HTMLElement;
  el.dataset.key = row.key;
  el.setAttribute('aria-level', String(row.level));
  el.setAttribute('aria-posinset', String(row.pos));
  el.setAttribute('aria-setsize', String(row.size));
  el.firstChild!.textContent = row.type || 'File';
  if (row.href) {
    const a = el.lastChild as HTMLAnchorElement;
    a.href = row.href;
    a.textContent = row.name;
  } else {
    const span = plainNameTemplate.content.firstChild!.cloneNode(true);
    span.textContent = row.name;
    el.lastChild!.replaceWith(span);
  }
  return el;
}

/** Patches a rendered row to show `row` (same key). */
function patchRow(r: Rendered, row: Row): void {
  const old = r.row;
  r.row = row;
  const { el } = r;
  if (old.pos !== row.pos) el.setAttribute('aria-posinset', String(row.pos));
  if (old.size !== row.size) el.setAttribute('aria-setsize', String(row.size));
  if (row.kind === 'folder') {
    const before = old as typeof row;
    if (before.shown !== row.shown || before.name !== row.name) {
      el.setAttribute('aria-label', `${row.name}, ${documentCount(row.shown)}`);
      el.children[1]!.textContent = row.name;
      el.children[2]!.textContent = formatCount(row.shown);
    }
    return;
  }
  const before = old as typeof row;
  if (before.type !== row.type) el.firstChild!.textContent = row.type || 'File';
  if (before.href !== row.href || before.name !== row.name) {
    if (row.href && before.href) {
      const a = el.lastChild as HTMLAnchorElement;
      if (before.href !== row.href) a.href = row.href;
      if (before.name !== row.name) a.textContent = row.name;
    } else {
      el.replaceWith((r.el = createRow(row)));
    }
  }
}

export function plainDocuments(): DocsView {
  const { host, root } = shadowHost('plain-document-list', [documentListSheet()]);
  root.append(toolbarTemplate.content.cloneNode(true));
  const input = root.querySelector('input')!;
  const summary = root.querySelector('[part="summary"]')!;
  const tree = root.querySelector<HTMLElement>('[part="tree"]')!;
  let rendered = new Map<string, Rendered>();
  let order: Rendered[] = [];
  let docs: BenchDoc[] = [];
  let treeModel = buildTree([]);
  let query = '';

  const firstRender = (rows: Row[]) => {
    const fragment = document.createDocumentFragment();
    for (const row of rows) {
      const el = createRow(row);
      const r = { row, el };
      rendered.set(row.key, r);
      order.push(r);
      fragment.append(el);
    }
    if (order[0]) order[0].el.tabIndex = 0;
    tree.append(fragment);
  };

  const reconcile = (rows: Row[]) => {
    const next = new Map<string, Rendered>();
    const nextOrder: Rendered[] = [];
    let cursor: ChildNode | null = tree.firstChild;
    for (const row of rows) {
      let r = rendered.get(row.key);
      if (r) {
        patchRow(r, row);
        rendered.delete(row.key);
        if (r.el !== cursor) tree.insertBefore(r.el, cursor);
        else cursor = cursor.nextSibling;
      } else {
        r = { row, el: createRow(row) };
        tree.insertBefore(r.el, cursor);
      }
      next.set(row.key, r);
      nextOrder.push(r);
    }
    for (const gone of rendered.values()) gone.el.remove();
    rendered = next;
    order = nextOrder;
  };

  const view: DocsView = {
    host,
    input,
    tree,
    setData(response) {
      docs = response.documents;
      treeModel = buildTree(docs);
      const { rows, matched } = flattenRows(treeModel, query);
      summary.textContent = summaryText(matched, docs.length, query);
      if (order.length === 0) firstRender(rows);
      else reconcile(rows);
    },
  };

  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    if (q === query) return;
    query = q;
    const { rows, matched } = flattenRows(treeModel, q);
    summary.textContent = summaryText(matched, docs.length, q);
    const visible = new Map<string, Row>();
    for (const row of rows) visible.set(row.key, row);
    for (const r of order) {
      const row = visible.get(r.row.key);
      if (!row) {
        if (!r.el.hidden) r.el.hidden = true;
        continue;
      }
      if (r.el.hidden) r.el.hidden = false;
      patchRow(r, row);
    }
    tree.scrollTop = 0;
  });
  return view;
}

// ---- workflow templates ----

const launcherTemplate = document.createElement('template');
launcherTemplate.innerHTML =
  '<section part="started-section" class="started-section" aria-labelledby="started-heading">' +
  '<h3 class="heading" id="started-heading">Started workflows (0)</h3>' +
  '<p part="start-announcement" class="announcement" role="status"></p>' +
  '<p class="none-started">None started yet.</p></section>' +
  '<section part="catalog" class="catalog" aria-labelledby="catalog-heading">' +
  '<h3 class="heading" id="catalog-heading">Start a workflow</h3><div class="toolbar">' +
  '<label class="field"><span>Search workflows</span><input part="filter" type="search" autocomplete="off"></label>' +
  '<span part="match-count" class="count" role="status"></span></div>' +
  '<ul part="templates" class="templates scroll-fade" id="templates" tabindex="-1" aria-labelledby="catalog-heading"></ul></section>';

const templateRowTemplate = document.createElement('template');
templateRowTemplate.innerHTML =
  '<li part="template" class="template"><div class="template-text">' +
  '<span part="template-label" class="template-label"></span>' +
  '<span part="template-description" class="template-description"></span></div>' +
  '<button part="start-button" class="button start" type="button" aria-disabled="false">Start</button></li>';

/**
 * The workflow launcher's catalog (label, description, one Start button per
 * row, the first the list's one Tab stop) under an empty Started section, as
 * `<paperos-workflow-launcher>` lays them out.
 */
export function plainTemplates(sheets: CSSStyleSheet[]): TemplatesView {
  const { host, root } = shadowHost('plain-workflow-launcher', sheets);
  root.append(launcherTemplate.content.cloneNode(true));
  const list = root.querySelector('ul')!;
  const count = root.querySelector('.count')!;
  return {
    host,
    setData(response) {
      const fragment = document.createDocumentFragment();
      const rows = templateRows(response.workflow_templates);
      for (const [i, t] of rows.entries()) {
        const li = templateRowTemplate.content.firstChild!.cloneNode(true) as HTMLElement;
        const text = li.firstChild as HTMLElement;
        text.firstChild!.textContent = t.label;
        const description = text.lastChild as HTMLElement;
        description.textContent = t.description;
        description.id = `d${i}`;
        const button = li.lastChild as HTMLElement;
        button.dataset.key = t.key;
        button.tabIndex = i === 0 ? 0 : -1;
        button.setAttribute('aria-label', `Start ${t.label}`);
        button.setAttribute('aria-describedby', `d${i}`);
        fragment.append(li);
      }
      list.replaceChildren(fragment);
      count.textContent = `${formatCount(rows.length)} workflows`;
    },
  };
}
