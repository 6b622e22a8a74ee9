import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { listDocuments } from '../../client/documents.js';
import type { PaperOSDocument } from '../../client/types.js';
import { baseStyles } from '../base/base.styles.js';
import { formatCount, perLocale } from '../base/format.js';
import { PaperOSElement } from '../base/paperos-element.js';
import { RevalidateOnReturn } from '../base/revalidate.js';
import { RovingFocusController } from '../base/roving-focus.js';
import { documentCount } from './document-format.js';
import { DocumentLinks } from './document-links.js';
import { cutShort, documentRow, folderRow, noMatches, notice, toolbar, type RowContext } from './document-templates.js';
import { documentListStyles } from './document-list.styles.js';
import { CollapsedFolders } from './collapsed-folders.js';
import { FilterController } from './filter-controller.js';
import {
  buildModel,
  flatten,
  normalizeQuery,
  rowByKey,
  shownIn,
  type DocumentModel,
  type FlatRows,
  type FolderNode,
  type Row,
  type SortMode,
} from './tree.js';
import { LazyVirtualizer, VIRTUALIZE_ABOVE, importVirtualizer } from './virtualizer.js';

export { VIRTUALIZE_ABOVE } from './virtualizer.js';
export { EXPIRY_MARGIN_MS } from './document-format.js';

/** Rows a long list shows while the virtualizer loads: more than a default-height (30rem) tree holds. */
const ROWS_WHILE_LOADING = 24;

const comparerFor = perLocale((locale) => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }).compare);

/**
 * @tagname paperos-document-list
 * @summary The organization's documents (or one recipient's) as a folder tree, with download and signing links.
 *
 * Documents are grouped by their folder `path` into a tree the user expands
 * and collapses (WAI-ARIA tree: arrow keys, Home/End, Enter; one row in the
 * Tab order). Each row shows the filename (a link when the URL passes the URL
 * policy), the type from its extension and the recipients with their signing
 * status; a recipient with a signing link gets a "Sign" button. A text filter
 * (filename and folder path) and a sort (folder tree or flat by name) sit
 * above the tree. Past 200 visible rows only the rows on screen are rendered.
 *
 * Document links are short-lived signed URLs: clicking one whose `exp` has
 * passed (or is less than 5 s away) refetches the list once and opens the
 * fresh link instead (`window.open`, so a popup blocker may ask first).

`refresh()` asks PaperOS whether the list changed (a conditional request
past the page cache); the rows, the open folders and the focus stay while it
runs, and a 304 changes nothing. After a document or signing link opened in
another tab, the list does so by itself when the page is visible again, so a
document signed there shows as signed on return (`revalidate="off"` turns
this off).
 *
 * @slot loading - Replaces the loading message.
 * @slot empty - Replaces the "no documents" message.
 * @slot error - Replaces the error message (the Retry button stays).
 *
 * @csspart loading - The loading state (`role="status"`).
 * @csspart empty - The empty state.
 * @csspart error - The error state (`role="alert"`).
 * @csspart retry-button - The error state's Retry button.
 * @csspart toolbar - The bar holding the filter, the sort and the summary.
 * @csspart filter-label - The filter's label.
 * @csspart filter - The filter text field.
 * @csspart sort-label - The sort's label.
 * @csspart sort - The sort select.
 * @csspart summary - The document count (`role="status"`).
 * @csspart notice - A message about opening a document (progress, or a failure as `role="alert"`).
 * @csspart tree - The tree (`role="tree"`); scrolls past `--paperos-document-list-height`.
 * @csspart folder - A folder row (`role="treeitem"`, `aria-expanded`).
 * @csspart folder-name - A folder's name.
 * @csspart folder-count - The number of (matching) documents in a folder.
 * @csspart document - A document row (`role="treeitem"`).
 * @csspart type - A document's type (its extension, upper case).
 * @csspart filename - A document's filename (the link, or plain text when its URL is refused).
 * @csspart download - The filename link (only when the URL passes the URL policy).
 * @csspart recipients - A document's recipient list.
 * @csspart recipient - One recipient.
 * @csspart recipient-name - A recipient's name.
 * @csspart recipient-status - A recipient's signing status.
 * @csspart sign-button - A recipient's "Sign" button.
 * @csspart link-unavailable - "link unavailable", after a name or a recipient whose link the URL policy refused.
 * @csspart no-matches - Shown when the filter matches nothing.
 * @csspart more - Shown when a long list cannot be virtualized and is cut short.
 *
 * @cssprop --paperos-color-accent - Links, buttons and the focus ring.
 * @cssprop --paperos-color-accent-text - Text on accent backgrounds.
 * @cssprop --paperos-color-text - Text.
 * @cssprop --paperos-color-muted - Secondary text (counts, types, statuses).
 * @cssprop --paperos-color-surface - Background of the tree and the states.
 * @cssprop --paperos-color-border - Borders.
 * @cssprop --paperos-color-danger - Errors and declined signatures.
 * @cssprop --paperos-color-success - Completed signatures.
 * @cssprop --paperos-focus-ring - The focus outline.
 * @cssprop --paperos-radius - Corner radius.
 * @cssprop --paperos-space - Spacing unit.
 * @cssprop --paperos-font - Font (inherits the page's by default).
 * @cssprop --paperos-loading-height - Height the loading state reserves (default: skeleton rows of the real row height, as many as the last load had, else three).
 * @cssprop --paperos-document-list-height - Height of the tree before it scrolls (default 30rem).
 *
 * @fires paperos-document-open - Cancelable; `{document, url}` before a document link opens.
 * @fires paperos-sign - Cancelable; `{document, recipient, url}` before a signing link opens in a new tab.
 * @fires paperos-load - `{count}` once the documents have loaded.
 * @fires paperos-error - `{status, code, message}` when loading or opening a document fails.
 */
export class PaperOSDocumentList extends PaperOSElement {
  /** Reactive properties (static, not decorated: the decorators' code stays out of the bundle). */
  static override properties: PropertyDeclarations = {
    email: { reflect: true },
    sort: { reflect: true },
    filter: {},
  };

  static override styles = [baseStyles, documentListStyles];

  /** Only documents that have this recipient (sent as `?email=`). */
  declare email?: string;

  /** Row order: `folder` (the folder tree, default) or `name` (a flat list by filename). */
  sort: SortMode = 'folder';

  /**
   * Text filter over filename and folder path, case-insensitive. The filter
   * field sets it once what was typed has painted (a frame later; of fast
   * typing, the latest value only); a value set meanwhile wins.
   */
  filter = '';

  #model?: DocumentModel;
  #source?: readonly PaperOSDocument[];
  #flat: FlatRows = { rows: [], pos: [], size: [], filter: { query: '', matched: 0 } };
  /** What `#flat` was made from: rebuilt only when one of these changes. */
  #flatFrom: unknown[] = [];
  readonly #folders = new CollapsedFolders();
  /** Bumped by a new filter or sort: the tree then scrolls back to the top. */
  #view = 0;
  #viewShown = 0;

  readonly #documentsTask = this.dataTask(
    () => [this.client, this.settings.orgId, this.email] as const,
    async ([client, orgId, email], { signal, cache }): Promise<PaperOSDocument[]> => {
      const org = await this.resolveOrgId(client, orgId, signal);
      const documents = await listDocuments(client, org, email ? { email } : {}, { signal, cache });
      const list: PaperOSDocument[] = Array.isArray(documents) ? documents : [];
      // A long list will want the virtualizer: fetch it while the folder model is built.
      if (list.length > VIRTUALIZE_ABOVE) void importVirtualizer().catch(() => undefined);
      return list;
    },
    (documents) => documents.length,
  );

  readonly #filter = new FilterController(this);
  readonly #virtualizer = new LazyVirtualizer(this);
  readonly #revalidate = new RevalidateOnReturn(this, () => this.revalidate !== 'off');
  readonly #roving = new RovingFocusController<Row>(this, {
    rows: () => this.#flat.rows,
    key: (row) => row.key,
    itemSelector: '[role="treeitem"]',
    reveal: (index) => this.#virtualTree()?.element(index)?.scrollIntoView({ block: 'nearest' }),
  });
  readonly #links = new DocumentLinks(this, {
    baseUrl: () => this.settings.baseUrl,
    reload: async () => {
      await this.refresh();
      const task = this.#documentsTask;
      return task.status === TaskStatus.COMPLETE ? task.value : undefined;
    },
    opened: () => this.#revalidate.arm(),
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const documents = this.#documentsTask.value;
    if (documents !== this.#source) {
      this.#source = documents;
      this.#model = documents ? buildModel(documents, comparerFor(this.locale)) : undefined;
    }
    const query = normalizeQuery(this.filter ?? '');
    if (this.#folders.follow(query) || changed.has('sort')) this.#view++;
    const model = this.#model;
    if (!model) return;
    const filter = this.#filter.resultFor(model, query);
    const sort: SortMode = this.sort === 'name' ? 'name' : 'folder';
    const from = [model, filter, sort, this.#folders.version];
    if (from.some((value, i) => value !== this.#flatFrom[i])) {
      this.#flatFrom = from;
      this.#flat = flatten(model, filter, sort, (f) => this.#folders.has(f.key));
    }
    if (this.#flat.rows.length > VIRTUALIZE_ABOVE) this.#virtualizer.want();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#view === this.#viewShown) return;
    this.#viewShown = this.#view;
    this.#virtualizer.scrollToTop(this.renderRoot.querySelector('[part="tree"]'));
  }

  protected override render(): TemplateResult {
    const task = this.#documentsTask;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    const model = this.#model;
    if (!this.shown(task) || !model) return this.renderLoading(msg('Loading documents…'));
    const total = model.entries.length;
    if (total === 0) {
      return this.renderEmpty(
        this.email
          ? msg(str`No documents for ${this.email}.`)
          : msg('No documents yet. They appear here once a workflow creates them.'),
      );
    }
    const { locale } = this;
    const summary = this.#flat.filter.query
      ? msg(str`${formatCount(this.#flat.filter.matched, locale)} of ${documentCount(total, locale)}`)
      : documentCount(total, locale);
    return html`${toolbar({
      filter: this.filter ?? '',
      sort: this.sort,
      summary,
      onInput: this.#onFilterInput,
      onSort: this.#onSortChange,
    })}${notice(this.#links.notice)}${this.#renderTree()}`;
  }

  #renderTree(): TemplateResult {
    const { rows } = this.#flat;
    if (rows.length === 0) return noMatches(this.filter ?? '');
    const long = rows.length > VIRTUALIZE_ABOVE;
    const { module, failed } = this.#virtualizer;
    const virtual = long && module;
    // Short lists render directly. A long one shows its first rows until the virtualizer arrives.
    // The tree has tabindex="-1": Firefox would make its scroll box a Tab stop of its own.
    const shown = long ? rows.slice(0, failed ? VIRTUALIZE_ABOVE : ROWS_WHILE_LOADING) : rows;
    return html`<div
        part="tree"
        class="tree scroll-fade ${virtual ? 'tree--virtual' : ''}"
        role="tree"
        tabindex="-1"
        aria-label=${msg('Documents')}
        @click=${this.#onTreeClick}
        @keydown=${this.#onTreeKeydown}
        @focusin=${this.#onTreeFocusin}
        @rangeChanged=${this.#onRangeChanged}
        @unpinned=${() => this.#roving.onUnpinned()}
      >
        ${
          virtual
            ? module.virtualize({
                items: rows as Row[],
                keyFunction: (row: Row) => row.key,
                renderItem: (row: Row, index: number) => this.#renderRow(row, index),
                scroller: true,
                layout: module.layout,
              })
            : repeat(
                shown,
                (row) => row.key,
                (row, index) => this.#renderRow(row, index),
              )
        }
      </div>
      ${long && failed ? cutShort(VIRTUALIZE_ABOVE, rows.length, this.locale) : nothing}`;
  }

  #renderRow(row: Row, index: number): TemplateResult {
    const at: RowContext = {
      tab: this.#roving.tabIndex(row),
      level: this.sort === 'name' ? 1 : row.level,
      posinset: this.#flat.pos[index]!,
      setsize: this.#flat.size[index]!,
      locale: this.locale,
      baseUrl: this.settings.baseUrl,
      host: this,
    };
    if (row.kind === 'doc') return documentRow(row, at);
    return folderRow(row, at, !this.#folders.has(row.key), shownIn(this.#flat.filter, row));
  }

  #virtualTree() {
    return this.#virtualizer.at(this.renderRoot.querySelector('.tree--virtual'));
  }

  #rowOf(target: EventTarget | null): { row: Row; element: HTMLElement } | undefined {
    const element = (target as Element | null)?.closest?.<HTMLElement>('[role="treeitem"]');
    const key = element?.dataset.key;
    const row = key !== undefined && this.#model ? rowByKey(this.#model, key) : undefined;
    return element && row ? { row, element } : undefined;
  }

  #toggle(folder: FolderNode, expand?: boolean): void {
    if (this.#folders.toggle(folder.key, expand)) this.requestUpdate();
  }

  // ---- events ----

  readonly #onFilterInput = (event: Event): void => {
    this.#roving.cancelFocus();
    this.#filter.input((event.target as HTMLInputElement).value, this.#model);
  };

  readonly #onSortChange = (event: Event): void => {
    this.#roving.cancelFocus();
    this.sort = (event.target as HTMLSelectElement).value === 'name' ? 'name' : 'folder';
  };

  #onRangeChanged(event: Event & { first?: number; last?: number }): void {
    this.#virtualizer.first = event.first ?? 0;
    if (event.first !== undefined && event.last !== undefined) this.#roving.onRangeChanged(event.first, event.last);
  }

  #onTreeFocusin(event: FocusEvent): void {
    this.#roving.onFocusin(event);
  }

  #onTreeClick(event: MouseEvent): void {
    const hit = this.#rowOf(event.target);
    if (!hit) return;
    const { row } = hit;
    const target = event.target as Element;
    if (row.kind === 'folder') return this.#toggle(row);
    if (target.closest('a')) return this.#links.onDownloadClick(event, row);
    const button = target.closest<HTMLElement>('button[data-recipient]');
    if (button) this.#links.sign(row, Number(button.dataset.recipient));
  }

  #onTreeKeydown(event: KeyboardEvent): void {
    const hit = this.#rowOf(event.target);
    // Keys on a link or button inside a row keep their own meaning.
    if (!hit || hit.element !== event.target || this.#roving.onKeydown(event)) return;
    const { row, element } = hit;
    const { rows } = this.#flat;
    const collapsed = row.kind === 'folder' && this.#folders.has(row.key);
    if (event.key === 'ArrowRight') {
      const index = this.#roving.indexOf(row);
      if (row.kind !== 'folder') return event.preventDefault();
      if (collapsed) this.#toggle(row, true);
      else if (rows[index + 1]?.level === row.level + 1) this.#roving.moveTo(index + 1);
    } else if (event.key === 'ArrowLeft') {
      const parent = row.kind === 'folder' ? row.parent : row.folder;
      if (row.kind === 'folder' && !collapsed) this.#toggle(row, false);
      else if (this.sort !== 'name' && parent && parent.level > 0) this.#roving.moveTo(rows.indexOf(parent));
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (row.kind === 'folder') this.#toggle(row);
      else if (event.key === 'Enter') element.querySelector('a')?.click();
    } else {
      return;
    }
    event.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paperos-document-list': PaperOSDocumentList;
  }
}
