import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type * as VirtualizeModule from '@lit-labs/virtualizer/virtualize.js';
import type * as FlowModule from '@lit-labs/virtualizer/layouts/flow.js';
import type { DocumentRecipient, PaperOSDocument } from '../../client/types.js';
import { safeHref, signedUrlExpiry } from '../../client/url-policy.js';
import { baseStyles } from '../base/base.styles.js';
import { PaperOSErrorEvent } from '../base/events.js';
import { formatCount, perLocale } from '../base/format.js';
import { PaperOSElement } from '../base/paperos-element.js';
import { RovingFocusController } from '../base/roving-focus.js';
import { afterNextPaint, whenIdle } from '../base/schedule.js';
import { documentListStyles } from './document-list.styles.js';
import { PaperOSDocumentOpenEvent, PaperOSSignEvent } from './events.js';
import {
  applyFilter,
  buildModel,
  fileType,
  flatten,
  normalizeQuery,
  prepareSearch,
  recipientsOf,
  rowByKey,
  type DocEntry,
  type DocumentModel,
  type FlatRows,
  type FolderNode,
  type Row,
  type SortMode,
} from './tree.js';

/** Above this many visible rows only the rows on screen are rendered (through `@lit-labs/virtualizer`). */
export const VIRTUALIZE_ABOVE = 200;
/** Rows a long list shows while the virtualizer loads: more than a default-height (30rem) tree holds. */
const ROWS_WHILE_LOADING = 24;
/**
 * Pixels rendered beyond the visible window at either end (the virtualizer's
 * default, 1,000, keeps ~47 rows for a 30rem tree; this ~23). Every row
 * rendered costs a filter keystroke's frame; a fast scroll still finds its
 * rows, as the virtualizer renders a new range in the frame that scrolled.
 * `_overhang` is @lit-labs/virtualizer 2.x's layout field, set from the
 * layout config; a version without it keeps its own default.
 */
const OVERHANG_PX = 240;
/** No folder collapsed: how a new filter starts. */
const NO_FOLDERS: ReadonlySet<string> = new Set();
/** A signed link expiring within this many milliseconds counts as expired. */
export const EXPIRY_MARGIN_MS = 5000;

/** The virtualizer, with its layout given up front: left out, the virtualizer imports it on every (re)start, so a rebuilt tree paints empty for a frame or two. */
type FlowConfig = Parameters<typeof FlowModule.flow>[0];
type VirtualizerModule = typeof VirtualizeModule & { layout: ReturnType<typeof FlowModule.flow> };
interface ScrollableVirtualizer {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
}

let virtualizerModule: Promise<VirtualizerModule> | undefined;
/** The virtualizer is fetched only once some list is long; small lists never load it. */
function importVirtualizer(): Promise<VirtualizerModule> {
  virtualizerModule ??= Promise.all([
    import('@lit-labs/virtualizer/virtualize.js'),
    import('@lit-labs/virtualizer/layouts/flow.js'),
  ]).then(
    ([virtualize, { flow }]) => ({ ...virtualize, layout: flow({ _overhang: OVERHANG_PX } as FlowConfig) }),
    (error: unknown) => {
      virtualizerModule = undefined;
      throw error;
    },
  );
  return virtualizerModule;
}

const comparerFor = perLocale((locale) => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }).compare);

const expiresSoon = (url: string): boolean => {
  const exp = signedUrlExpiry(url);
  return exp !== undefined && exp * 1000 - Date.now() < EXPIRY_MARGIN_MS;
};

function documentCount(count: number, locale: string): string {
  return count === 1 ? msg('1 document') : msg(str`${formatCount(count, locale)} documents`);
}

function statusOf(status: string): { label: string; tone: 'done' | 'waiting' | 'declined' | 'other' } {
  switch (status.trim().toLowerCase()) {
    case 'signed':
    case 'completed':
    case 'complete':
      return { label: msg('Signed'), tone: 'done' };
    case 'pending':
    case 'sent':
    case 'waiting':
    case 'awaiting':
    case 'awaiting_signature':
    case 'unsigned':
      return { label: msg('Awaiting signature'), tone: 'waiting' };
    case 'viewed':
    case 'opened':
      return { label: msg('Viewed'), tone: 'waiting' };
    case 'declined':
    case 'rejected':
      return { label: msg('Declined'), tone: 'declined' };
    case '':
      return { label: msg('Status unknown'), tone: 'other' };
    default:
      // An unknown status is shown as sent, as text.
      return { label: status, tone: 'other' };
  }
}

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
runs, and a 304 changes nothing.
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
    // A `state` entry says `attribute: false` too: the manifest analyzer would list it as an attribute.
    email: { reflect: true },
    sort: { reflect: true },
    filter: {},
    collapseVersion: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    virtualizer: { state: true, attribute: false },
    virtualizerFailed: { state: true, attribute: false },
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

  private collapseVersion = 0;
  declare private notice?: { text: string; error?: boolean };
  declare private virtualizer?: VirtualizerModule;
  private virtualizerFailed = false;

  private model?: DocumentModel;
  private modelSource?: unknown;
  private flat: FlatRows = { rows: [], pos: [], size: [], shown: new Map(), matched: 0 };
  /** Rows filtered for a typed query ahead of its render (see onFilterInput). */
  private prepared?: { model: DocumentModel; query: string; sort: SortMode; flat: FlatRows };
  private query = '';
  /** Folders collapsed while browsing, and while a filter is on (reset with each new filter). */
  private readonly collapsed = new Set<string>();
  private readonly collapsedFiltered = new Set<string>();
  #virtualizerLoading = false;
  /** Bumped by a new filter or sort: the tree then scrolls back to the top. */
  private view = 0;
  #viewShown = 0;
  /** The first row the virtualizer has rendered. */
  #rangeFirst = 0;
  /** A fresh link is being fetched for an expired one. */
  #openingFresh = false;
  /** The filter field's latest value not yet applied, and `filter` when it was typed. */
  private typed?: { value: string; base: string };

  readonly #documentsTask = this.dataTask(
    () => [this.client, this.settings.orgId, this.email] as const,
    async ([client, orgId, email], { signal, cache }): Promise<PaperOSDocument[]> => {
      const org = await this.resolveOrgId(client, orgId, signal);
      const documents = await client.listDocuments(org, email ? { email } : {}, { signal, cache });
      const list: PaperOSDocument[] = Array.isArray(documents) ? documents : [];
      // A long list will want the virtualizer: fetch it while the folder model is built.
      if (list.length > VIRTUALIZE_ABOVE) void importVirtualizer().catch(() => undefined);
      return list;
    },
    (documents) => documents.length,
  );

  readonly #roving = new RovingFocusController<Row>(this, {
    rows: () => this.flat.rows,
    key: (row) => row.key,
    itemSelector: '[role="treeitem"]',
    reveal: (index) => this.#virtualizerHandle()?.element(index)?.scrollIntoView({ block: 'nearest' }),
  });

  private get sortMode(): SortMode {
    return this.sort === 'name' ? 'name' : 'folder';
  }

  private get collapsedNow(): Set<string> {
    return this.query ? this.collapsedFiltered : this.collapsed;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    let dirty = changed.has('sort') || changed.has('collapseVersion');
    if (changed.has('sort')) this.view++;
    const documents = this.#documentsTask.value;
    if (documents !== this.modelSource) {
      this.modelSource = documents;
      this.model = documents ? buildModel(documents, comparerFor(this.locale)) : undefined;
      if (this.model) this.prepareSearchWhenIdle(this.model);
      dirty = true;
    }
    const query = normalizeQuery(this.filter ?? '');
    const queryChanged = query !== this.query;
    if (queryChanged) {
      this.query = query;
      this.collapsedFiltered.clear();
      this.view++;
      dirty = true;
    }
    if (dirty && this.model) {
      const sort = this.sortMode;
      const { prepared } = this;
      this.prepared = undefined;
      if (
        prepared &&
        queryChanged &&
        !changed.has('collapseVersion') &&
        prepared.model === this.model &&
        prepared.query === query &&
        prepared.sort === sort
      ) {
        this.flat = prepared.flat;
      } else {
        this.flat = this.#filtered(this.model, query, this.collapsedNow);
      }
      if (this.flat.rows.length > VIRTUALIZE_ABOVE) this.loadVirtualizer();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.view !== this.#viewShown) {
      this.#viewShown = this.view;
      this.#scrollTreeToTop();
    }
  }

  /**
   * The tree (and its virtualizer) is kept across filters and sorts: a new
   * virtualizer would measure its rows again and paint them over several
   * frames. A virtualizer away from the top may be pinned to a row by keyboard
   * navigation, so it is pinned to the first row instead.
   */
  #scrollTreeToTop(): void {
    const tree = this.renderRoot.querySelector<HTMLElement>('[part="tree"]');
    if (!tree) return;
    const virtualizer = this.#virtualizerHandle();
    if (virtualizer && this.#rangeFirst > 0) virtualizer.element(0)?.scrollIntoView({ block: 'start' });
    else tree.scrollTop = 0;
  }

  protected override render(): TemplateResult {
    const task = this.#documentsTask;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    if (!this.shown(task) || !this.model) return this.renderLoading(msg('Loading documents…'));
    const total = this.model.entries.length;
    if (total === 0) {
      return this.renderEmpty(this.email ? msg(str`No documents for ${this.email}.`) : msg('No documents yet.'));
    }
    const summary = this.query
      ? msg(str`${formatCount(this.flat.matched, this.locale)} of ${documentCount(total, this.locale)}`)
      : documentCount(total, this.locale);
    return html`
      <div part="toolbar" class="toolbar">
        <div class="field">
          <label part="filter-label" for="filter">${msg('Filter')}</label>
          <input
            id="filter"
            part="filter"
            type="search"
            autocomplete="off"
            spellcheck="false"
            .value=${this.filter ?? ''}
            @input=${this.onFilterInput}
          />
        </div>
        <div class="field">
          <label part="sort-label" for="sort">${msg('Sort by')}</label>
          <select id="sort" part="sort" @change=${this.#onSortChange}>
            <option value="folder" ?selected=${this.sort !== 'name'}>${msg('Folder')}</option>
            <option value="name" ?selected=${this.sort === 'name'}>${msg('Name')}</option>
          </select>
        </div>
        <p part="summary" class="summary" role="status">${summary}</p>
      </div>
      ${
        this.notice
          ? html`<p
              part="notice"
              class="notice ${this.notice.error ? 'notice--error' : ''}"
              role=${this.notice.error ? 'alert' : 'status'}
            >
              ${this.notice.text}
            </p>`
          : nothing
      }
      ${this.#renderTree()}
    `;
  }

  #renderTree(): TemplateResult {
    const { rows } = this.flat;
    if (rows.length === 0) {
      const filter = (this.filter ?? '').trim();
      return html`<p part="no-matches" class="no-matches">${msg(str`No documents match “${filter}”.`)}</p>`;
    }
    const label = msg('Documents');
    const long = rows.length > VIRTUALIZE_ABOVE;
    if (long && this.virtualizer) {
      const { virtualize, layout } = this.virtualizer;
      return html`<div
        part="tree"
        class="tree tree--virtual"
        role="tree"
        aria-label=${label}
        @click=${this.#onTreeClick}
        @keydown=${this.#onTreeKeydown}
        @focusin=${this.#onTreeFocusin}
        @rangeChanged=${this.#onRangeChanged}
      >
        ${virtualize({
          items: rows,
          keyFunction: (row: Row) => row.key,
          renderItem: (row: Row, index: number) => this.#renderRow(row, index),
          scroller: true,
          layout,
        })}
      </div>`;
    }
    // Short lists render directly. A long one shows its first rows until the virtualizer arrives.
    const shown = long ? rows.slice(0, this.virtualizerFailed ? VIRTUALIZE_ABOVE : ROWS_WHILE_LOADING) : rows;
    return html`<div
        part="tree"
        class="tree"
        role="tree"
        aria-label=${label}
        @click=${this.#onTreeClick}
        @keydown=${this.#onTreeKeydown}
        @focusin=${this.#onTreeFocusin}
      >
        ${repeat(
          shown,
          (row) => row.key,
          (row, index) => this.#renderRow(row, index),
        )}
      </div>
      ${
        long && this.virtualizerFailed
          ? html`<p part="more" class="more">
              ${msg(str`Showing the first ${VIRTUALIZE_ABOVE} of ${formatCount(rows.length, this.locale)} rows. Filter to narrow the list.`)}
            </p>`
          : nothing
      }`;
  }

  #renderRow(row: Row, index: number): TemplateResult {
    const tab = this.#roving.tabIndex(row);
    const level = this.sort === 'name' ? 1 : row.level;
    const posinset = this.flat.pos[index];
    const setsize = this.flat.size[index];
    if (row.kind === 'folder') {
      const expanded = !this.collapsedNow.has(row.key);
      const shown = this.flat.shown.get(row) ?? row.shown;
      return html`<div
        role="treeitem"
        part="folder"
        class="row row--folder"
        data-key=${row.key}
        aria-level=${level}
        aria-posinset=${posinset}
        aria-setsize=${setsize}
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-label=${msg(str`${row.name}, ${documentCount(shown, this.locale)}`)}
        tabindex=${tab}
      >
        <span class="twisty" aria-hidden="true"></span>
        <span part="folder-name" class="name">${row.name}</span>
        <span part="folder-count" class="count" aria-hidden="true">${formatCount(shown, this.locale)}</span>
      </div>`;
    }
    const name = row.name || msg('Untitled document');
    const href = safeHref(row.doc.url, this.settings.baseUrl);
    const recipients = recipientsOf(row.doc);
    return html`<div
      role="treeitem"
      part="document"
      class="row row--doc"
      data-key=${row.key}
      aria-level=${level}
      aria-posinset=${posinset}
      aria-setsize=${setsize}
      tabindex=${tab}
    >
      <span part="type" class="type">${fileType(row.name) || msg('File')}</span>
      ${
        href
          ? html`<a
              part="filename download"
              class="name"
              href=${href}
              target="_blank"
              rel="noopener noreferrer"
              tabindex=${tab}
              >${name}</a
            >`
          : html`<span part="filename" class="name">${name}</span>`
      }
      ${
        recipients.length
          ? html`<ul part="recipients" class="recipients" aria-label=${msg('Recipients')}>
              ${recipients.map((recipient, j) => this.#renderRecipient(name, recipient, j, tab))}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderRecipient(documentName: string, recipient: DocumentRecipient, j: number, tab: number): TemplateResult {
    const who = recipient.name || recipient.email || msg('Unnamed recipient');
    const { label, tone } = statusOf(recipient.status ?? '');
    const signHref = recipient.sign_url ? safeHref(recipient.sign_url, this.settings.baseUrl) : null;
    return html`<li part="recipient" class="recipient">
      <span part="recipient-name">${who}</span>
      <span part="recipient-status" class="status status--${tone}">${label}</span>
      ${
        signHref
          ? html`<button
              part="sign-button"
              class="button button--quiet sign"
              type="button"
              data-recipient=${j}
              tabindex=${tab}
              aria-label=${msg(str`Sign ${documentName} as ${who}`)}
            >
              ${msg('Sign')}
            </button>`
          : nothing
      }
    </li>`;
  }

  // ---- state ----

  /** Makes the model's search keys in idle slices after the first render, so the first keystroke need not. */
  private prepareSearchWhenIdle(model: DocumentModel): void {
    whenIdle((timeLeft) => {
      if (this.model !== model || !this.isConnected) return;
      if (!prepareSearch(model, () => timeLeft() < 1)) this.prepareSearchWhenIdle(model);
    });
  }

  private loadVirtualizer(): void {
    if (this.virtualizer || this.#virtualizerLoading || this.virtualizerFailed) return;
    this.#virtualizerLoading = true;
    importVirtualizer().then(
      (module) => {
        this.#virtualizerLoading = false;
        this.virtualizer = module;
      },
      () => {
        this.#virtualizerLoading = false;
        this.virtualizerFailed = true;
      },
    );
  }

  #rowOf(target: EventTarget | null): { row: Row; element: HTMLElement } | undefined {
    const element = (target as Element | null)?.closest?.<HTMLElement>('[role="treeitem"]');
    const row =
      element?.dataset.key !== undefined ? this.model && rowByKey(this.model, element.dataset.key) : undefined;
    return element && row ? { row, element } : undefined;
  }

  #toggle(folder: FolderNode, expand?: boolean): void {
    const collapsed = this.collapsedNow;
    const isExpanded = !collapsed.has(folder.key);
    if (expand === isExpanded) return;
    if (isExpanded) collapsed.add(folder.key);
    else collapsed.delete(folder.key);
    this.collapseVersion++;
  }

  /** The virtualizer's handle on the tree, when the tree is virtualized. */
  #virtualizerHandle(): ScrollableVirtualizer | undefined {
    const tree = this.renderRoot.querySelector('.tree--virtual');
    if (!tree || !this.virtualizer) return undefined;
    return (tree as unknown as Record<symbol, ScrollableVirtualizer | undefined>)[this.virtualizer.virtualizerRef];
  }

  // ---- events ----

  /**
   * Typing: the documents are filtered at once, but the rows render only
   * after the field's own echo has painted, so no one frame holds the key,
   * the filtering and the rendering. Keys typed before that render only
   * replace the value it shows (the latest one).
   */
  private onFilterInput(event: Event): void {
    this.#roving.cancelFocus();
    const value = (event.target as HTMLInputElement).value;
    this.prepared = this.prepare(value);
    if (this.typed) {
      this.typed.value = value;
      return;
    }
    this.typed = { value, base: this.filter ?? '' };
    afterNextPaint(() => this.applyTyped());
  }

  /** Filters and flattens for a typed value ahead of its render; the rows on screen keep their own counts. */
  private prepare(value: string): typeof this.prepared {
    const { model } = this;
    const query = normalizeQuery(value);
    if (!model || query === this.query) return undefined;
    // A new filter starts with every folder expanded; no filter, with the folders as the user left them.
    const flat = this.#filtered(model, query, query ? NO_FOLDERS : this.collapsed);
    return { model, query, sort: this.sortMode, flat };
  }

  /** The model filtered for `query` and flattened in the current sort, leaving out the `collapsed` folders' contents. */
  #filtered(model: DocumentModel, query: string, collapsed: ReadonlySet<string>): FlatRows {
    applyFilter(model, query);
    return flatten(model, this.sortMode, (f) => collapsed.has(f.key));
  }

  private applyTyped(): void {
    const typed = this.typed;
    this.typed = undefined;
    // Set from outside in the meantime: that value wins.
    if (typed && (this.filter ?? '') === typed.base) this.filter = typed.value;
  }

  #onSortChange(event: Event): void {
    this.#roving.cancelFocus();
    this.sort = (event.target as HTMLSelectElement).value === 'name' ? 'name' : 'folder';
  }

  #onRangeChanged(event: Event & { first?: number; last?: number }): void {
    this.#rangeFirst = event.first ?? 0;
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
    if (row.kind === 'folder') {
      this.#toggle(row);
      return;
    }
    if (target.closest('a')) {
      this.#onDownloadClick(event, row);
      return;
    }
    const button = target.closest<HTMLElement>('button[data-recipient]');
    if (button) this.#sign(row, Number(button.dataset.recipient));
  }

  #onTreeKeydown(event: KeyboardEvent): void {
    const hit = this.#rowOf(event.target);
    // Keys on a link or button inside a row keep their own meaning.
    if (!hit || hit.element !== event.target || this.#roving.onKeydown(event)) return;
    const { row, element } = hit;
    const index = this.#roving.indexOf(row);
    switch (event.key) {
      case 'ArrowRight':
        if (row.kind !== 'folder') break;
        if (this.collapsedNow.has(row.key)) this.#toggle(row, true);
        else if (this.flat.rows[index + 1]?.level === row.level + 1) this.#roving.moveTo(index + 1);
        break;
      case 'ArrowLeft': {
        if (row.kind === 'folder' && !this.collapsedNow.has(row.key)) {
          this.#toggle(row, false);
          break;
        }
        const parent = row.kind === 'folder' ? row.parent : row.folder;
        if (this.sort !== 'name' && parent && parent.level > 0) this.#roving.moveTo(this.flat.rows.indexOf(parent));
        break;
      }
      case 'Enter':
        if (row.kind === 'folder') this.#toggle(row);
        else element.querySelector('a')?.click();
        break;
      case ' ':
        if (row.kind === 'folder') this.#toggle(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  #onDownloadClick(event: MouseEvent, entry: DocEntry): void {
    const url = safeHref(entry.doc.url, this.settings.baseUrl);
    if (!url) {
      event.preventDefault();
      return;
    }
    this.notice = undefined;
    if (expiresSoon(url)) {
      // A dead link: fetch a fresh one and open that instead.
      event.preventDefault();
      void this.#openFresh(entry);
      return;
    }
    const open = new PaperOSDocumentOpenEvent(entry.doc, url);
    this.dispatchEvent(open);
    if (open.defaultPrevented) event.preventDefault();
    // Otherwise the link itself opens (target=_blank, rel=noopener noreferrer).
  }

  /** Refetches the list once (bypassing the page cache) and opens the document's fresh link. */
  async #openFresh(entry: DocEntry): Promise<void> {
    if (this.#openingFresh) return;
    const pubId = entry.doc.pub_id;
    const name = entry.name || msg('Untitled document');
    this.#openingFresh = true;
    this.notice = { text: msg(str`Getting a fresh link for ${name}…`) };
    try {
      await this.refresh();
    } finally {
      this.#openingFresh = false;
    }
    const task = this.#documentsTask;
    const documents = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    if (!documents) {
      // The error state shows the failure (and the base announces it).
      this.notice = undefined;
      return;
    }
    const fresh = documents.find((d) => d && d.pub_id === pubId);
    const url = fresh ? safeHref(fresh.url, this.settings.baseUrl) : null;
    if (!fresh || !url || expiresSoon(url)) {
      const message = fresh
        ? msg(str`PaperOS did not send a working link for ${name}. Try again later.`)
        : msg(str`${name} is no longer in this list.`);
      this.notice = { text: message, error: true };
      // `invalid_response`: PaperOS answered, but with no usable link for this document.
      const failure = new PaperOSErrorEvent({ status: 0, code: fresh ? 'invalid_response' : 'not_found', message });
      this.dispatchEvent(failure);
      return;
    }
    this.notice = undefined;
    const open = new PaperOSDocumentOpenEvent(fresh, url);
    this.dispatchEvent(open);
    if (!open.defaultPrevented) window.open(url, '_blank', 'noopener,noreferrer');
  }

  #sign(entry: DocEntry, index: number): void {
    const recipient = recipientsOf(entry.doc)[index];
    const url = recipient?.sign_url ? safeHref(recipient.sign_url, this.settings.baseUrl) : null;
    if (!recipient || !url) return;
    const sign = new PaperOSSignEvent(entry.doc, recipient, url);
    this.dispatchEvent(sign);
    if (!sign.defaultPrevented) window.open(url, '_blank', 'noopener,noreferrer');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paperos-document-list': PaperOSDocumentList;
  }
}
