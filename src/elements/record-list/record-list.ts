import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PaperOSRecord } from '../../client/types.js';
import { baseStyles } from '../base/base.styles.js';
import { PaperOSErrorEvent } from '../base/events.js';
import { formatCount, formatDateTime, localeOf } from '../base/format.js';
import { describeError } from '../base/messages.js';
import { PaperOSElement, isAbort, toPaperOSError } from '../base/paperos-element.js';
import { PaperOSRecordCreateEvent, PaperOSRecordSaveEvent, PaperOSRecordSelectEvent } from './events.js';
import { recordListStyles } from './record-list.styles.js';
import { RECORD_TYPES, defaultRoleFor, normalizeRecordType, readableFieldName, recordTypeOf } from './record-types.js';

type Notice = { text: string; detail?: string; error?: boolean };

const idOf = (record: PaperOSRecord): string => String(record.id);
const textOf = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * @tagname paperos-record-list
 * @summary The organization's records (people, equity, contracts, the company), viewable, editable and ready to prefill a workflow.
 *
 * Lists records of one `type` (slug or code from the API's record-type table;
 * the request always sends the slug, since the API's `type` query takes the
 * slug) or of every type, with a text filter. Choosing a record (click, Enter
 * or Space; arrow keys move through the list) shows its fields and fires
 * `paperos-record-select` with a `{role, id}` pair for
 * `<paperos-workflow-launcher>`'s `records`. With `editable` the fields can be
 * changed: Save sends only the changed fields, once, and keeps the input if it
 * fails. With `creatable` a form creates a record of a chosen type.
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
 * @cssprop --paperos-record-list-height - Height of the list before it scrolls (default 24rem).
 *
 * @fires paperos-record-select - `{record, workflowRecord: {role, id}}` when the user chooses a record.
 * @fires paperos-record-save - `{recordId, changes}` after changed fields were saved.
 * @fires paperos-record-create - `{recordId, type}` after a record was created.
 * @fires paperos-load - `{count}` once the records have loaded.
 * @fires paperos-error - `{status, code, message}` when loading, saving or creating fails.
 */
export class PaperOSRecordList extends PaperOSElement {
  static override styles = [baseStyles, recordListStyles];

  /** Record type to list: a slug (`individual`) or a code (`indv`); empty or `*` lists every type. */
  @property({ reflect: true }) type?: string;

  /** The most records to ask for. */
  @property({ type: Number, reflect: true }) limit?: number;

  /** Lets the user edit the chosen record's fields and save them. */
  @property({ type: Boolean, reflect: true }) editable = false;

  /** Shows a form to create a record. */
  @property({ type: Boolean, reflect: true }) creatable = false;

  /** The workflow role in `paperos-record-select`'s `workflowRecord`; default from the type (`company` for org records). Not `role`, which is ARIA's. */
  @property({ attribute: 'workflow-role', reflect: true }) workflowRole?: string;

  /** Text filter over names and types, case-insensitive. */
  @property() filter = '';

  /** The chosen record's id. */
  @property({ attribute: false }) selectedId?: string;

  @state() private drafts = new Map<string, string>();
  @state() private saving = false;
  @state() private notice?: Notice;
  @state() private creating = false;
  @state() private createBusy = false;
  @state() private createNotice?: Notice;
  @state() private activeIndex = 0;

  /** Values saved in this session, shown over the loaded ones until the next load. */
  private saved = new Map<string, Record<string, unknown>>();
  private createFields: Array<{ key: string; value: string }> = [{ key: '', value: '' }];
  private locale = 'en';

  private readonly recordsTask = this.trackTask(
    new Task(this, {
      task: async ([client, orgId, type, limit], { signal }) => {
        const org = await this.resolveOrgId(client, orgId, signal);
        const records = await client.listRecords(
          org,
          { type, limit: limit && limit > 0 ? limit : undefined },
          { signal },
        );
        this.saved = new Map();
        return { org, records };
      },
      args: () => [this.client, this.settings.orgId, normalizeRecordType(this.type), this.limit] as const,
    }),
    ({ records }) => records.length,
  );

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.locale = localeOf(this);
    if (changed.has('selectedId')) {
      this.drafts = new Map();
      this.notice = undefined;
    }
  }

  private get visibleRecords(): PaperOSRecord[] {
    const records = this.recordsTask.value?.records ?? [];
    const query = this.filter.trim().toLowerCase();
    if (!query) return records;
    return records.filter((r) => `${r.name} ${this.typeLabel(r)}`.toLowerCase().includes(query));
  }

  private typeLabel(record: PaperOSRecord): string {
    const slug = recordTypeOf(record as PaperOSRecord & { type?: unknown }) ?? normalizeRecordType(this.type);
    return slug && slug !== '*' ? readableFieldName(slug) : msg(str`Type ${record.resource_type_id}`);
  }

  private fieldsOf(record: PaperOSRecord): Record<string, unknown> {
    return { ...record.features, ...this.saved.get(idOf(record)) };
  }

  protected override render(): TemplateResult {
    const task = this.recordsTask;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    if (task.status !== TaskStatus.COMPLETE || !task.value) return this.renderLoading(msg('Loading records…'));
    const { records } = task.value;
    const body =
      records.length === 0
        ? this.renderEmpty(msg('No records yet.'))
        : html`${this.renderList()}${this.renderDetail()}`;
    return html`${this.renderToolbar(records.length)}${this.creating ? this.renderCreateForm() : nothing}${body}`;
  }

  private renderToolbar(total: number): TemplateResult | typeof nothing {
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
                @input=${(e: Event) => {
                  this.filter = (e.target as HTMLInputElement).value;
                  this.activeIndex = 0;
                }}
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
              }}
            >
              ${msg('New record')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderList(): TemplateResult {
    const records = this.visibleRecords;
    if (records.length === 0) {
      return html`<p class="no-matches">${msg(str`No records match “${this.filter.trim()}”.`)}</p>`;
    }
    const active = Math.min(this.activeIndex, records.length - 1);
    return html`<ul
      part="list"
      class="list"
      role="listbox"
      aria-label=${msg(str`Records (${formatCount(records.length, this.locale)})`)}
      @keydown=${this.onListKeydown}
    >
      ${repeat(
        records,
        idOf,
        (record, index) =>
          html`<li
            part="record"
            class="record"
            role="option"
            id=${`record-${index}`}
            tabindex=${index === active ? '0' : '-1'}
            aria-selected=${idOf(record) === this.selectedId ? 'true' : 'false'}
            @click=${() => this.choose(record, index)}
          >
            <span part="record-name" class="record-name">${record.name || msg('(no name)')}</span>
            <span part="record-type" class="record-type">${this.typeLabel(record)}</span>
          </li>`,
      )}
    </ul>`;
  }

  private renderDetail(): TemplateResult | typeof nothing {
    const record = this.recordsTask.value?.records.find((r) => idOf(r) === this.selectedId);
    if (!record) return nothing;
    const fields = Object.entries(this.fieldsOf(record));
    const name = record.name || msg('(no name)');
    const body = fields.length
      ? repeat(
          fields,
          ([key]) => key,
          ([key, value], index) =>
            html`<div part="field" class="field-row">
              ${
                this.editable
                  ? html`<label part="field-label" for=${`field-${index}`}>${readableFieldName(key)}</label>
                      <input
                        part="field-input"
                        id=${`field-${index}`}
                        type="text"
                        .value=${this.drafts.get(key) ?? textOf(value)}
                        @input=${(e: Event) => this.onDraft(key, (e.target as HTMLInputElement).value)}
                      />`
                  : html`<dt part="field-label">${readableFieldName(key)}</dt>
                      <dd part="field-value">${textOf(value)}</dd>`
              }
            </div>`,
        )
      : html`<p>${msg('This record has no fields yet.')}</p>`;
    return html`<section part="detail" class="detail" aria-label=${msg(str`Fields of ${name}`)}>
      <h3 class="detail-title">${name}</h3>
      <p class="detail-meta">
        ${this.typeLabel(record)} · ${msg(str`Updated ${formatDateTime(record.updated_at, this.locale)}`)}
      </p>
      ${
        this.editable
          ? html`<form class="fields" @submit=${(e: Event) => this.save(e, record)}>
              ${body}
              <button
                part="save-button"
                class="button"
                type="submit"
                aria-disabled=${this.saving || this.drafts.size === 0 ? 'true' : 'false'}
              >
                ${this.saving ? msg('Saving…') : msg(str`Save ${name}`)}
              </button>
            </form>`
          : html`<dl class="fields">${body}</dl>`
      }
      ${this.renderNotice(this.notice)}
    </section>`;
  }

  private renderNotice(notice: Notice | undefined): TemplateResult | typeof nothing {
    if (!notice) return nothing;
    return html`<div
      part="notice"
      class="notice ${notice.error ? 'notice--error' : 'notice--ok'}"
      role=${notice.error ? 'alert' : 'status'}
    >
      <p>${notice.text}</p>
      ${notice.detail ? html`<p class="notice-detail">${notice.detail}</p>` : nothing}
    </div>`;
  }

  private renderCreateForm(): TemplateResult {
    const fixedType = normalizeRecordType(this.type);
    return html`<form part="create-form" class="create-form" novalidate @submit=${this.create}>
      <label class="field">
        <span>${msg('Type')}</span>
        <select name="type">
          ${RECORD_TYPES.map(
            ({ slug }) =>
              html`<option value=${slug} ?selected=${slug === (fixedType === '*' ? 'individual' : fixedType)}>
                ${readableFieldName(slug)}
              </option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>${msg('Name')}</span>
        <input name="name" type="text" autocomplete="off" />
      </label>
      ${this.createFields.map(
        (row, index) =>
          html`<div class="pair">
            <label class="field">
              <span>${msg(str`Field ${index + 1} name`)}</span>
              <input
                type="text"
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
        <button class="button button--quiet" type="button" @click=${this.addCreateField}>${msg('Add field')}</button>
        <button part="create-button" class="button" type="submit" aria-disabled=${this.createBusy ? 'true' : 'false'}>
          ${this.createBusy ? msg('Creating…') : msg('Create record')}
        </button>
      </div>
      ${this.renderNotice(this.createNotice)}
    </form>`;
  }

  private addCreateField = (): void => {
    this.createFields = [...this.createFields, { key: '', value: '' }];
    this.requestUpdate();
  };

  private choose(record: PaperOSRecord, index: number): void {
    this.activeIndex = index;
    this.selectedId = idOf(record);
    const role =
      this.workflowRole ||
      defaultRoleFor(recordTypeOf(record as PaperOSRecord & { type?: unknown }) ?? normalizeRecordType(this.type));
    this.dispatchEvent(new PaperOSRecordSelectEvent(record, { role, id: idOf(record) }));
  }

  private onListKeydown(event: KeyboardEvent): void {
    const records = this.visibleRecords;
    if (records.length === 0) return;
    const current = Math.min(this.activeIndex, records.length - 1);
    let next = current;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(records.length - 1, current + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = records.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.choose(records[current], current);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.activeIndex = next;
    void this.updateComplete.then(() =>
      (this.renderRoot as ShadowRoot).querySelector<HTMLElement>(`#record-${next}`)?.focus(),
    );
  }

  private onDraft(key: string, value: string): void {
    const record = this.recordsTask.value?.records.find((r) => idOf(r) === this.selectedId);
    if (!record) return;
    const drafts = new Map(this.drafts);
    if (value === textOf(this.fieldsOf(record)[key])) drafts.delete(key);
    else drafts.set(key, value);
    this.drafts = drafts;
    this.notice = undefined;
  }

  private async save(event: Event, record: PaperOSRecord): Promise<void> {
    event.preventDefault();
    // One save at a time: a second click or Enter while one is in flight does nothing.
    if (this.saving || this.drafts.size === 0 || !this.recordsTask.value) return;
    const fields = Object.fromEntries(this.drafts);
    this.saving = true;
    this.notice = { text: msg('Saving…') };
    try {
      const result = await this.client.updateRecord(this.recordsTask.value.org, record.id, { fields });
      this.saved.set(idOf(record), { ...this.saved.get(idOf(record)), ...fields });
      this.drafts = new Map();
      const names = result.changes.map(readableFieldName).join(', ');
      this.notice = { text: result.changes.length ? msg(str`Saved: ${names}.`) : msg('Nothing needed saving.') };
      this.dispatchEvent(new PaperOSRecordSaveEvent(idOf(record), result.changes));
    } catch (error) {
      this.notice = this.failure(error, msg('Your changes were not saved. They are still here; try again.'));
    } finally {
      this.saving = false;
    }
  }

  private create = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.createBusy || !this.recordsTask.value) return;
    const form = event.currentTarget as HTMLFormElement;
    const type = (form.elements.namedItem('type') as HTMLSelectElement).value;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const fields = Object.fromEntries(
      this.createFields.filter((f) => f.key.trim() && f.value.trim()).map((f) => [f.key.trim(), f.value]),
    );
    if (!name && Object.keys(fields).length === 0) {
      this.createNotice = { text: msg('A record needs a name or at least one field with a value.'), error: true };
      return;
    }
    this.createBusy = true;
    this.createNotice = { text: msg('Creating…') };
    try {
      const { recId } = await this.client.createRecord(this.recordsTask.value.org, { type, name, fields });
      form.reset();
      this.createFields = [{ key: '', value: '' }];
      this.createNotice = { text: msg(str`Created ${name || readableFieldName(type)}.`) };
      this.dispatchEvent(new PaperOSRecordCreateEvent(recId, type));
      void this.recordsTask.run();
    } catch (error) {
      this.createNotice = this.failure(error, msg('The record was not created. Your input is still here; try again.'));
    } finally {
      this.createBusy = false;
    }
  };

  private failure(error: unknown, text: string): Notice {
    if (isAbort(error)) return { text };
    const failure = toPaperOSError(error);
    this.dispatchEvent(new PaperOSErrorEvent(failure));
    const { summary, detail } = describeError(failure);
    return { text, detail: detail ? `${summary} ${detail}` : summary, error: true };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paperos-record-list': PaperOSRecordList;
  }
}
