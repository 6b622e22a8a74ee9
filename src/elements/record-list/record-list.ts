import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { PaperOSRecord } from '../../client/types.js';
import { baseStyles } from '../base/base.styles.js';
import { formatCount, formatDateTime } from '../base/format.js';
import { PaperOSElement, toPaperOSError } from '../base/paperos-element.js';
import { describeError } from '../base/messages.js';
import { RovingFocusController } from '../base/roving-focus.js';
import { PaperOSRecordCreateEvent, PaperOSRecordSaveEvent, PaperOSRecordSelectEvent } from './events.js';
import { recordListStyles } from './record-list.styles.js';
import {
  RECORD_TYPES,
  defaultRoleFor,
  fieldLabel,
  normalizeRecordType,
  recordTypeName,
  recordTypeOf,
} from './record-types.js';

interface Loaded {
  org: string;
  records: PaperOSRecord[];
}

/** Words are made at render time, so a notice on screen follows a change of language. */
type Notice = { text: () => string; detail?: () => string | undefined; error?: boolean };

const idOf = (record: PaperOSRecord): string => String(record.id);
const textOf = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

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
`refresh()` reloads the records past the page cache (conditionally), keeping
the list, the chosen record and any unsaved input on screen.
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
    // A `state` entry says `attribute: false` too: the manifest analyzer would list it as an attribute.
    type: { reflect: true },
    limit: { type: Number, reflect: true },
    editable: { type: Boolean, reflect: true },
    creatable: { type: Boolean, reflect: true },
    workflowRole: { attribute: 'workflow-role', reflect: true },
    filter: {},
    selectedId: { attribute: false },
    drafts: { state: true, attribute: false },
    savingId: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    creating: { state: true, attribute: false },
    createBusy: { state: true, attribute: false },
    createNotice: { state: true, attribute: false },
    createInvalid: { state: true, attribute: false },
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

  /** Unsaved input per record id: field name -> typed value. Kept across selection changes and failed saves. */
  private drafts = new Map<string, Map<string, string>>();
  declare private savingId?: string;
  declare private notice?: Notice & { recordId: string };
  private creating = false;
  private createBusy = false;
  declare private createNotice?: Notice;
  /** The create form's input that failed validation: `name` or `key-<row>`. */
  declare private createInvalid?: string;

  /** Records as saved in this session (the server's answer applied), shown over the loaded ones until the next load. */
  #saved = new Map<string, PaperOSRecord>();
  /** The loaded records with the saved ones in their place, kept while neither changes. */
  #merged: { records?: PaperOSRecord[]; saved?: Map<string, PaperOSRecord>; rows: PaperOSRecord[] } = { rows: [] };
  #createFields: Array<{ key: string; value: string }> = [{ key: '', value: '' }];
  /** The filtered records, kept while the records and the filter are the same (one array per change, for the roving focus). */
  #visible: { records?: PaperOSRecord[]; query?: string; rows: PaperOSRecord[] } = { rows: [] };

  readonly #recordsTask = this.dataTask(
    () => [this.client, this.settings.orgId, normalizeRecordType(this.type), this.limit] as const,
    async ([client, orgId, type, limit], { signal, cache, previous }): Promise<Loaded> => {
      const org = await this.resolveOrgId(client, orgId, signal);
      const records = await client.listRecords(
        org,
        { type, limit: limit && limit > 0 ? limit : undefined },
        { signal, cache },
      );
      // Unchanged (a 304): the same value, so nothing on screen changes and saved values stay.
      if (previous?.org === org && previous.records === records) return previous;
      this.#saved = new Map();
      return { org, records };
    },
    ({ records }) => records.length,
  );

  readonly #roving = new RovingFocusController<PaperOSRecord>(this, {
    rows: () => this.#visibleRecords,
    key: idOf,
    itemSelector: '[role="option"]',
  });

  get #records(): PaperOSRecord[] {
    const records = this.#recordsTask.value?.records ?? [];
    const merged = this.#merged;
    if (merged.records === records && merged.saved === this.#saved) return merged.rows;
    const rows = this.#saved.size ? records.map((r) => this.#saved.get(idOf(r)) ?? r) : records;
    this.#merged = { records, saved: this.#saved, rows };
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

  #fieldsOf(record: PaperOSRecord): Record<string, unknown> {
    return record.features;
  }

  #draftsOf(id: string): Map<string, string> {
    return this.drafts.get(id) ?? new Map();
  }

  #setDrafts(id: string, drafts: Map<string, string>): void {
    const all = new Map(this.drafts);
    if (drafts.size) all.set(id, drafts);
    else all.delete(id);
    this.drafts = all;
  }

  protected override render(): TemplateResult {
    const task = this.#recordsTask;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    const loaded = this.shown(task);
    if (!loaded) return this.renderLoading(msg('Loading records…'));
    const refreshing = this.refreshing(task);
    const { records } = loaded;
    const body =
      records.length === 0
        ? this.renderEmpty(
            this.creatable ? msg('No records yet. Create the first with New record.') : msg('No records yet.'),
          )
        : html`${this.#renderList(refreshing)}${this.#renderDetail()}`;
    return html`${this.#renderToolbar(records.length)}${this.creating ? this.#renderCreateForm() : nothing}${body}`;
  }

  #renderToolbar(total: number): TemplateResult | typeof nothing {
    if (total === 0 && !this.creatable) return nothing;
    return html`<div part="toolbar" class="toolbar">
      ${
        total > 0
          ? html`<label class="field">
              <span>${msg('Filter records')}</span>
              <input
                part="filter"
                type="search"
                autocomplete="off"
                .value=${this.filter}
                @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
              />
            </label>`
          : nothing
      }
      ${
        this.creatable
          ? html`<button
              part="new-button"
              class="button button--quiet"
              type="button"
              aria-expanded=${this.creating ? 'true' : 'false'}
              @click=${() => {
                this.creating = !this.creating;
                this.createNotice = undefined;
                this.createInvalid = undefined;
              }}
            >
              ${msg('New record')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderList(refreshing: boolean): TemplateResult {
    const records = this.#visibleRecords;
    if (records.length === 0) {
      return html`<p class="no-matches">${msg(str`No records match “${this.filter.trim()}”.`)}</p>`;
    }
    return html`<ul
      part="list"
      class="list scroll-fade"
      role="listbox"
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

  #renderDetail(): TemplateResult | typeof nothing {
    const record = this.#selected;
    if (!record) return nothing;
    const id = idOf(record);
    const drafts = this.#draftsOf(id);
    const fields = Object.entries(this.#fieldsOf(record));
    const name = record.name || msg('(no name)');
    const body = fields.length
      ? repeat(
          fields,
          ([key]) => key,
          ([key, value], index) =>
            html`<div part="field" class="field-row">
              ${
                // Structured values (objects, lists) are shown, not edited: a text input would turn them into a string.
                this.editable && (value === null || typeof value !== 'object')
                  ? html`<label part="field-label" for=${`field-${index}`}>${fieldLabel(key)}</label>
                      <input
                        part="field-input"
                        id=${`field-${index}`}
                        type="text"
                        .value=${drafts.get(key) ?? textOf(value)}
                        @input=${(e: Event) => this.#onDraft(record, key, (e.target as HTMLInputElement).value)}
                      />`
                  : this.editable
                    ? html`<span part="field-label">${fieldLabel(key)}</span>
                        <span part="field-value">${textOf(value)}</span>`
                    : html`<dt part="field-label">${fieldLabel(key)}</dt>
                        <dd part="field-value">${textOf(value)}</dd>`
              }
            </div>`,
        )
      : html`<p>${msg('This record has no fields yet.')}</p>`;
    const saving = this.savingId === id;
    return html`<section part="detail" class="detail" aria-label=${msg(str`Fields of ${name}`)}>
      <h3 class="detail-title">${name}</h3>
      <p class="detail-meta">
        ${this.#typeLabel(record)} · ${msg(str`Updated ${formatDateTime(record.updated_at, this.locale)}`)}
      </p>
      ${
        this.editable
          ? html`<form class="fields" @submit=${(e: Event) => this.#save(e, record)}>
              ${body}
              <button
                part="save-button"
                class="button"
                type="submit"
                aria-label=${msg(str`Save ${name}`)}
                aria-disabled=${this.savingId !== undefined || drafts.size === 0 ? 'true' : 'false'}
              >
                ${saving ? msg('Saving…') : msg('Save')}
              </button>
            </form>`
          : html`<dl class="fields">${body}</dl>`
      }
      ${this.notice?.recordId === id ? this.#renderNotice(this.notice) : nothing}
    </section>`;
  }

  #renderNotice(notice: Notice | undefined, id?: string): TemplateResult | typeof nothing {
    if (!notice) return nothing;
    return html`<div
      part="notice"
      id=${ifDefined(id)}
      class="notice ${notice.error ? 'notice--error' : 'notice--ok'}"
      role=${notice.error ? 'alert' : 'status'}
    >
      <p>${notice.text()}</p>
      ${notice.detail?.() ? html`<p class="notice-detail">${notice.detail()}</p>` : nothing}
    </div>`;
  }

  #renderCreateForm(): TemplateResult {
    const fixedType = normalizeRecordType(this.type);
    const invalid = (name: string) => (this.createInvalid === name ? 'true' : 'false');
    const describedBy = (name: string) => (this.createInvalid === name ? 'create-notice' : nothing);
    return html`<form part="create-form" class="create-form" novalidate @submit=${this.#create}>
      <label class="field">
        <span>${msg('Type')}</span>
        <select name="type">
          ${RECORD_TYPES.map(
            ({ slug }) =>
              html`<option value=${slug} ?selected=${slug === (fixedType === '*' ? 'individual' : fixedType)}>
                ${recordTypeName(slug)}
              </option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>${msg('Name')}</span>
        <input
          name="name"
          type="text"
          autocomplete="off"
          aria-invalid=${invalid('name')}
          aria-describedby=${describedBy('name')}
        />
      </label>
      ${this.#createFields.map(
        (row, index) =>
          html`<div class="pair">
            <label class="field">
              <span>${msg(str`Field ${index + 1} name`)}</span>
              <input
                type="text"
                aria-invalid=${invalid(`key-${index}`)}
                aria-describedby=${describedBy(`key-${index}`)}
                .value=${row.key}
                @input=${(e: Event) => (row.key = (e.target as HTMLInputElement).value)}
              />
            </label>
            <label class="field">
              <span>${msg(str`Field ${index + 1} value`)}</span>
              <input
                type="text"
                .value=${row.value}
                @input=${(e: Event) => (row.value = (e.target as HTMLInputElement).value)}
              />
            </label>
          </div>`,
      )}
      <div class="actions">
        <button class="button button--quiet" type="button" @click=${this.#addCreateField}>${msg('Add field')}</button>
        <button part="create-button" class="button" type="submit" aria-disabled=${this.createBusy ? 'true' : 'false'}>
          ${this.createBusy ? msg('Creating…') : msg('Create record')}
        </button>
      </div>
      ${this.#renderNotice(this.createNotice, 'create-notice')}
    </form>`;
  }

  #addCreateField = (): void => {
    this.#createFields = [...this.#createFields, { key: '', value: '' }];
    this.requestUpdate();
  };

  #choose(record: PaperOSRecord): void {
    this.selectedId = idOf(record);
    const role = this.workflowRole || defaultRoleFor(this.#slugOf(record));
    // A copy with the values saved here, so a listener sees what the user sees and cannot change the list.
    const shown = { ...record, features: { ...this.#fieldsOf(record) } };
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

  #onDraft(record: PaperOSRecord, key: string, value: string): void {
    const id = idOf(record);
    const drafts = new Map(this.#draftsOf(id));
    if (value === textOf(this.#fieldsOf(record)[key])) drafts.delete(key);
    else drafts.set(key, value);
    this.#setDrafts(id, drafts);
    if (this.notice?.recordId === id && this.savingId !== id) this.notice = undefined;
  }

  async #save(event: Event, record: PaperOSRecord): Promise<void> {
    event.preventDefault();
    const loaded = this.#recordsTask.value;
    // One save at a time: a second click or Enter while one is in flight does nothing.
    if (this.savingId !== undefined || !loaded) return;
    const id = idOf(record);
    const current = this.#fieldsOf(record);
    // Only what differs from the shown value goes out.
    const fields = Object.fromEntries([...this.#draftsOf(id)].filter(([key, value]) => value !== textOf(current[key])));
    if (Object.keys(fields).length === 0) {
      this.notice = { recordId: id, text: () => msg('No changes to save.') };
      return;
    }
    this.savingId = id;
    this.notice = { recordId: id, text: () => msg('Saving…') };
    try {
      const result = await this.client.updateRecord(loaded.org, record.id, { fields });
      // PaperOS stored these values (a `name` field is the record's name too) and,
      // when something changed, its update time: show them everywhere at once.
      const shown = this.#saved.get(id) ?? record;
      const changed = result.changes.length > 0;
      this.#saved = new Map(this.#saved).set(id, {
        ...shown,
        name: typeof fields.name === 'string' ? fields.name : shown.name,
        features: { ...shown.features, ...fields },
        updated_at: changed ? new Date().toISOString() : shown.updated_at,
      });
      // Keep anything typed while the save was in flight.
      this.#setDrafts(id, new Map([...this.#draftsOf(id)].filter(([key, value]) => fields[key] !== value)));
      const { changes } = result;
      this.notice = {
        recordId: id,
        text: () =>
          changes.length ? msg(str`Saved: ${changes.map(fieldLabel).join(', ')}.`) : msg('Nothing needed saving.'),
      };
      this.dispatchEvent(new PaperOSRecordSaveEvent(id, result.changes));
    } catch (error) {
      this.notice = {
        recordId: id,
        ...this.#failure(error, () => msg('Your changes were not saved. They are still here; try again.')),
      };
    } finally {
      this.savingId = undefined;
    }
  }

  #create = async (event: Event): Promise<void> => {
    event.preventDefault();
    const loaded = this.#recordsTask.value;
    if (this.createBusy || !loaded) return;
    const form = event.currentTarget as HTMLFormElement;
    const type = (form.elements.namedItem('type') as HTMLSelectElement).value;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const nameless = this.#createFields.findIndex((f) => f.value.trim() && !f.key.trim());
    const fields = Object.fromEntries(
      this.#createFields.filter((f) => f.key.trim() && f.value.trim()).map((f) => [f.key.trim(), f.value]),
    );
    // The API refuses a completely empty record: check before anything is sent.
    const problem =
      nameless >= 0
        ? { at: `key-${nameless}`, text: () => msg(str`Field ${nameless + 1} has a value but no name.`) }
        : !name && Object.keys(fields).length === 0
          ? { at: 'name', text: () => msg('A record needs a name or at least one field with a value.') }
          : undefined;
    if (problem) {
      this.createInvalid = problem.at;
      this.createNotice = { text: problem.text, error: true };
      await this.updateComplete;
      (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('[part="create-form"] [aria-invalid="true"]')?.focus();
      return;
    }
    this.createInvalid = undefined;
    this.createBusy = true;
    this.createNotice = { text: () => msg('Creating…') };
    try {
      const { recId } = await this.client.createRecord(loaded.org, { type, name, fields });
      form.reset();
      this.#createFields = [{ key: '', value: '' }];
      this.createNotice = { text: () => msg(str`Created ${name || recordTypeName(type)}.`) };
      this.dispatchEvent(new PaperOSRecordCreateEvent(recId, type));
      // Reload the list with the new record, keeping the current one on screen meanwhile.
      void this.refresh();
    } catch (error) {
      this.createNotice = this.#failure(error, () =>
        msg('The record was not created. Your input is still here; try again.'),
      );
    } finally {
      this.createBusy = false;
    }
  };

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
