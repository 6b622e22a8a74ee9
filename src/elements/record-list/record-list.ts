import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { listRecords } from '../../client/records.js';
import type { PaperOSRecord } from '../../client/types.js';
import { baseStyles } from '../base/base.styles.js';
import { filterField } from '../base/filter-field.js';
import { formatCount } from '../base/format.js';
import { PaperOSElement, toPaperOSError } from '../base/paperos-element.js';
import { describeError } from '../base/messages.js';
import { RovingFocusController } from '../base/roving-focus.js';
import { PaperOSRecordSelectEvent } from './events.js';
import { RecordCreateForm } from './record-create-form.js';
import { RecordDetail } from './record-detail.js';
import { idOf, type Notice } from './record-notice.js';
import { recordListStyles } from './record-list.styles.js';
import { defaultRoleFor, normalizeRecordType, recordTypeName, recordTypeOf } from './record-types.js';

interface Loaded {
  org: string;
  records: PaperOSRecord[];
}

/**
 * @tagname paperos-record-list
 * @summary The organization's records (people, equity, contracts, the company), viewable, editable and ready to prefill a workflow.
 *
 * Lists records of one `type` (slug or code from the API's record-type table;
 * the request always sends the slug, since the API's `type` query takes the
 * slug: `type="indv"` sends `?type=individual`) or of every type (`?type=*`),
 * with a text filter. Choosing a record (click, Enter or Space; arrow keys,
 * Home and End move through the list) shows its fields and fires
 * `paperos-record-select` with a `{role, id}` pair for
 * `<paperos-workflow-launcher>`'s `records`; the role is `workflow-role`, else
 * derived from the type (`company` for `org`, else the slug, such as
 * `individual`). With `editable` the fields can be changed: Save PATCHes only
 * the fields that differ, one save at a time, and keeps the input if it fails
 * (unsaved input is kept per record; structured values are shown read-only).
 * With `creatable` a form creates a record of a chosen type; a record with
 * neither a name nor a field value is refused before anything is sent.
 * `refresh()` reloads the records past the page cache (conditionally), keeping
 * the list, the chosen record and any unsaved input on screen.
 *
 * @slot loading - Replaces the loading message.
 * @slot empty - Replaces the "no records" message.
 * @slot error - Replaces the error message (the Retry button stays).
 *
 * @csspart loading - The loading state (`role="status"`).
 * @csspart empty - The empty state.
 * @csspart error - The error state (`role="alert"`).
 * @csspart retry-button - The error state's Retry button.
 * @csspart toolbar - The bar holding the filter and the New record button.
 * @csspart filter - The filter text field.
 * @csspart new-button - Opens the create form (with `creatable`).
 * @csspart list - The list of records (`role="listbox"`).
 * @csspart record - One record in the list (`role="option"`).
 * @csspart record-name - A record's name.
 * @csspart record-type - A record's type.
 * @csspart detail - The chosen record's fields.
 * @csspart field - One field (label and value or input).
 * @csspart field-label - A field's readable name.
 * @csspart field-value - A field's value (read-only view).
 * @csspart field-input - A field's input (with `editable`).
 * @csspart save-button - Saves the changed fields.
 * @csspart notice - A save or create outcome (`role="status"`, or `role="alert"` for a failure).
 * @csspart create-form - The create form.
 * @csspart create-button - Submits the create form.
 *
 * @cssprop --paperos-color-accent - Buttons, the selection and the focus ring.
 * @cssprop --paperos-color-accent-text - Text on accent backgrounds.
 * @cssprop --paperos-color-text - Text.
 * @cssprop --paperos-color-muted - Secondary text.
 * @cssprop --paperos-color-surface - Backgrounds.
 * @cssprop --paperos-color-border - Borders.
 * @cssprop --paperos-color-danger - Errors.
 * @cssprop --paperos-color-success - Saved confirmations.
 * @cssprop --paperos-focus-ring - The focus outline.
 * @cssprop --paperos-radius - Corner radius.
 * @cssprop --paperos-space - Spacing unit.
 * @cssprop --paperos-font - Font (inherits the page's by default).
 * @cssprop --paperos-loading-height - Height the loading state reserves (default: skeleton rows of the real row height, as many as the last load had, else three).
 * @cssprop --paperos-record-list-height - Height of the list before it scrolls (default 24rem).
 *
 * @fires paperos-record-select - `{record, workflowRecord: {role, id}}` when the user chooses a record.
 * @fires paperos-record-save - `{recordId, changes}` after changed fields were saved.
 * @fires paperos-record-create - `{recordId, type}` after a record was created.
 * @fires paperos-load - `{count}` once the records have loaded.
 * @fires paperos-error - `{status, code, message}` when loading, saving or creating fails.
 */
export class PaperOSRecordList extends PaperOSElement {
  /** Reactive properties (static, not decorated: the decorators' code stays out of the bundle). */
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    limit: { type: Number, reflect: true },
    editable: { type: Boolean, reflect: true },
    creatable: { type: Boolean, reflect: true },
    workflowRole: { attribute: 'workflow-role', reflect: true },
    filter: {},
    selectedId: { attribute: false },
  };

  static override styles = [baseStyles, recordListStyles];

  /** Record type to list: a slug (`individual`) or a code (`indv`), sent as the slug; empty or `*` lists every type. */
  declare type?: string;

  /** The most records to ask for. */
  declare limit?: number;

  /** Lets the user edit the chosen record's fields and save them. */
  editable = false;

  /** Shows a form to create a record. */
  creatable = false;

  /** The workflow role in `paperos-record-select`'s `workflowRecord`; default from the type (`company` for org records). Not `role`, which is ARIA's. */
  declare workflowRole?: string;

  /** Text filter over names and types, case-insensitive. */
  filter = '';

  /** The chosen record's id. */
  declare selectedId?: string;

  /** The loaded records with the saved ones in their place, kept while neither changes. */
  #merged: { records?: PaperOSRecord[]; saved?: Map<string, PaperOSRecord>; rows: PaperOSRecord[] } = { rows: [] };
  /** The filtered records, kept while the records and the filter are the same (one array per change, for the roving focus). */
  #visible: { records?: PaperOSRecord[]; query?: string; rows: PaperOSRecord[] } = { rows: [] };

  readonly #recordsTask = this.dataTask(
    () => [this.client, this.settings.orgId, normalizeRecordType(this.type), this.limit] as const,
    async ([client, orgId, type, limit], { signal, cache, previous }): Promise<Loaded> => {
      const org = await this.resolveOrgId(client, orgId, signal);
      const records = await listRecords(
        client,
        org,
        { type, limit: limit && limit > 0 ? limit : undefined },
        { signal, cache },
      );
      // Unchanged (a 304): the same value, so nothing on screen changes and saved values stay.
      if (previous?.org === org && previous.records === records) return previous;
      this.#edit.forgetSaved();
      return { org, records };
    },
    ({ records }) => records.length,
  );

  readonly #roving = new RovingFocusController<PaperOSRecord>(this, {
    rows: () => this.#visibleRecords,
    key: idOf,
    itemSelector: '[role="option"]',
  });

  readonly #edit = new RecordDetail(this, {
    client: () => this.client,
    org: () => this.#recordsTask.value?.org,
    editable: () => this.editable,
    locale: () => this.locale,
    typeLabel: (record) => this.#typeLabel(record),
    failure: (error, text) => this.#failure(error, text),
  });

  readonly #create = new RecordCreateForm(this, {
    client: () => this.client,
    org: () => this.#recordsTask.value?.org,
    type: () => normalizeRecordType(this.type),
    failure: (error, text) => this.#failure(error, text),
    // Reload the list with the new record, keeping the current one on screen meanwhile.
    created: () => void this.refresh(),
  });

  get #records(): PaperOSRecord[] {
    const records = this.#recordsTask.value?.records ?? [];
    const { saved } = this.#edit;
    const merged = this.#merged;
    if (merged.records === records && merged.saved === saved) return merged.rows;
    const rows = saved.size ? records.map((r) => saved.get(idOf(r)) ?? r) : records;
    this.#merged = { records, saved, rows };
    return rows;
  }

  get #visibleRecords(): PaperOSRecord[] {
    const records = this.#records;
    const query = this.filter.trim().toLowerCase();
    const visible = this.#visible;
    if (visible.records === records && visible.query === query) return visible.rows;
    const rows = query
      ? records.filter((r) => `${r.name} ${this.#typeLabel(r)}`.toLowerCase().includes(query))
      : records;
    this.#visible = { records, query, rows };
    return rows;
  }

  get #selected(): PaperOSRecord | undefined {
    return this.#records.find((r) => idOf(r) === this.selectedId);
  }

  #slugOf(record: PaperOSRecord): string | undefined {
    return recordTypeOf(record as PaperOSRecord & { type?: unknown }, normalizeRecordType(this.type));
  }

  #typeLabel(record: PaperOSRecord): string {
    const slug = this.#slugOf(record);
    return slug ? recordTypeName(slug) : msg(str`Type ${record.resource_type_id}`);
  }

  protected override render(): TemplateResult {
    const task = this.#recordsTask;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    const loaded = this.shown(task);
    if (!loaded) return this.renderLoading(msg('Loading records…'));
    const refreshing = this.refreshing(task);
    const { records } = loaded;
    const selected = this.#selected;
    const body =
      records.length === 0
        ? this.renderEmpty(
            this.creatable ? msg('No records yet. Create the first with New record.') : msg('No records yet.'),
          )
        : html`${this.#renderList(refreshing)}${selected ? this.#edit.render(selected) : nothing}`;
    return html`${this.#renderToolbar(records.length)}${this.#create.open ? this.#create.render() : nothing}${body}`;
  }

  #renderToolbar(total: number): TemplateResult | typeof nothing {
    if (total === 0 && !this.creatable) return nothing;
    return html`<div part="toolbar" class="toolbar">
      ${total > 0 ? filterField(msg('Filter records'), this.filter, (value) => (this.filter = value)) : nothing}
      ${
        this.creatable
          ? html`<button
              part="new-button"
              class="button button--quiet"
              type="button"
              aria-expanded=${this.#create.open ? 'true' : 'false'}
              @click=${() => this.#create.toggle()}
            >
              ${msg('New record')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** The list has tabindex="-1": Firefox would make its scroll box a Tab stop of its own. */
  #renderList(refreshing: boolean): TemplateResult {
    const records = this.#visibleRecords;
    if (records.length === 0) {
      return html`<p class="no-matches">${msg(str`No records match “${this.filter.trim()}”.`)}</p>`;
    }
    return html`<ul
      part="list"
      class="list scroll-fade"
      role="listbox"
      tabindex="-1"
      aria-label=${msg(str`Records (${formatCount(records.length, this.locale)})`)}
      aria-busy=${refreshing ? 'true' : 'false'}
      @keydown=${this.#onListKeydown}
      @focusin=${this.#onListFocusin}
    >
      ${repeat(
        records,
        idOf,
        (record) =>
          html`<li
            part="record"
            class="record"
            role="option"
            data-key=${idOf(record)}
            tabindex=${this.#roving.tabIndex(record)}
            aria-selected=${idOf(record) === this.selectedId ? 'true' : 'false'}
            @click=${() => this.#choose(record)}
          >
            <span part="record-name" class="record-name">${record.name || msg('(no name)')}</span>
            <span part="record-type" class="record-type">${this.#typeLabel(record)}</span>
          </li>`,
      )}
    </ul>`;
  }

  #choose(record: PaperOSRecord): void {
    this.selectedId = idOf(record);
    const role = this.workflowRole || defaultRoleFor(this.#slugOf(record));
    // A copy with the values saved here, so a listener sees what the user sees and cannot change the list.
    const shown = { ...record, features: { ...record.features } };
    this.dispatchEvent(new PaperOSRecordSelectEvent(shown, { role, id: idOf(record) }));
  }

  #onListKeydown(event: KeyboardEvent): void {
    if (this.#roving.onKeydown(event) || (event.key !== 'Enter' && event.key !== ' ')) return;
    const record = this.#visibleRecords.find((r) => idOf(r) === this.#roving.activeKey);
    if (!record) return;
    event.preventDefault();
    this.#choose(record);
  }

  #onListFocusin(event: FocusEvent): void {
    this.#roving.onFocusin(event);
  }

  /** A failed save or create: `paperos-error` fires, and the notice says it in plain words (none for an abort). */
  #failure(error: unknown, text: () => string): Notice {
    if (!this.reportFailure(error)) return { text };
    const failure = toPaperOSError(error);
    const detail = () => {
      const { summary, detail } = describeError(failure);
      return detail ? `${summary} ${detail}` : summary;
    };
    return { text, detail, error: true };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paperos-record-list': PaperOSRecordList;
  }
}
