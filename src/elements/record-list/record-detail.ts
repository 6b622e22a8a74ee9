import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { ClientCore } from '../../client/core.js';
import { updateRecord } from '../../client/records.js';
import type { PaperOSRecord } from '../../client/types.js';
import { formatDateTime } from '../base/format.js';
import { PaperOSRecordSaveEvent } from './events.js';
import { idOf, renderNotice, textOf, type FailureNotice, type Notice } from './record-notice.js';
import { fieldLabel } from './record-types.js';

export interface RecordDetailOptions {
  client(): ClientCore;
  /** The organization the list loaded; nothing is saved before it has. */
  org(): string | undefined;
  /** The element's `editable`. */
  editable(): boolean;
  locale(): string;
  typeLabel(record: PaperOSRecord): string;
  failure: FailureNotice;
}

/**
 * The chosen record's fields (`::part(detail)`), and with `editable` their
 * inputs and Save: only the fields that differ go out, one save at a time,
 * and a failure keeps the input. Unsaved input is kept per record across
 * selection changes; structured values are shown read-only.
 */
export class RecordDetail {
  /**
   * Records as saved in this session (PaperOS's answer applied), to show over
   * the loaded ones until the next load. A new map on every save, so the
   * element can tell by identity whether its merged rows still hold.
   */
  saved = new Map<string, PaperOSRecord>();
  /** Unsaved input per record id: field name -> typed value. */
  #drafts = new Map<string, Map<string, string>>();
  #savingId?: string;
  #notice?: Notice & { recordId: string };

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: RecordDetailOptions,
  ) {}

  /** A new load replaced the records: what it sends is shown from now on. */
  forgetSaved(): void {
    this.saved = new Map();
  }

  #draftsOf(id: string): Map<string, string> {
    return this.#drafts.get(id) ?? new Map();
  }

  #setDrafts(id: string, drafts: Map<string, string>): void {
    const all = new Map(this.#drafts);
    if (drafts.size) all.set(id, drafts);
    else all.delete(id);
    this.#drafts = all;
    this.host.requestUpdate();
  }

  #setNotice(notice: (Notice & { recordId: string }) | undefined): void {
    this.#notice = notice;
    this.host.requestUpdate();
  }

  render(record: PaperOSRecord): TemplateResult {
    const { editable, locale, typeLabel } = this.options;
    const id = idOf(record);
    const drafts = this.#draftsOf(id);
    const fields = Object.entries(record.features);
    const name = record.name || msg('(no name)');
    const body = fields.length
      ? repeat(
          fields,
          ([key]) => key,
          ([key, value], index) =>
            html`<div part="field" class="field-row">
              ${
                // Structured values (objects, lists) are shown, not edited: a text input would turn them into a string.
                editable() && (value === null || typeof value !== 'object')
                  ? html`<label part="field-label" for=${`field-${index}`}>${fieldLabel(key)}</label>
                      <input
                        part="field-input"
                        id=${`field-${index}`}
                        type="text"
                        .value=${drafts.get(key) ?? textOf(value)}
                        @input=${(e: Event) => this.#onDraft(record, key, (e.target as HTMLInputElement).value)}
                      />`
                  : editable()
                    ? html`<span part="field-label">${fieldLabel(key)}</span>
                        <span part="field-value">${textOf(value)}</span>`
                    : html`<dt part="field-label">${fieldLabel(key)}</dt>
                        <dd part="field-value">${textOf(value)}</dd>`
              }
            </div>`,
        )
      : html`<p>${msg('This record has no fields yet.')}</p>`;
    const saving = this.#savingId === id;
    return html`<section part="detail" class="detail" aria-label=${msg(str`Fields of ${name}`)}>
      <h3 class="detail-title">${name}</h3>
      <p class="detail-meta">
        ${typeLabel(record)} · ${msg(str`Updated ${formatDateTime(record.updated_at, locale())}`)}
      </p>
      ${
        editable()
          ? html`<form class="fields" @submit=${(e: Event) => this.#save(e, record)}>
              ${body}
              <button
                part="save-button"
                class="button"
                type="submit"
                aria-label=${msg(str`Save ${name}`)}
                aria-disabled=${this.#savingId !== undefined || drafts.size === 0 ? 'true' : 'false'}
              >
                ${saving ? msg('Saving…') : msg('Save')}
              </button>
            </form>`
          : html`<dl class="fields">${body}</dl>`
      }
      ${this.#notice?.recordId === id ? renderNotice(this.#notice) : nothing}
    </section>`;
  }

  #onDraft(record: PaperOSRecord, key: string, value: string): void {
    const id = idOf(record);
    const drafts = new Map(this.#draftsOf(id));
    if (value === textOf(record.features[key])) drafts.delete(key);
    else drafts.set(key, value);
    this.#setDrafts(id, drafts);
    if (this.#notice?.recordId === id && this.#savingId !== id) this.#setNotice(undefined);
  }

  async #save(event: Event, record: PaperOSRecord): Promise<void> {
    event.preventDefault();
    const org = this.options.org();
    // One save at a time: a second click or Enter while one is in flight does nothing.
    if (this.#savingId !== undefined || org === undefined) return;
    const id = idOf(record);
    const current = record.features;
    // Only what differs from the shown value goes out.
    const fields = Object.fromEntries([...this.#draftsOf(id)].filter(([key, value]) => value !== textOf(current[key])));
    if (Object.keys(fields).length === 0) {
      this.#setNotice({ recordId: id, text: () => msg('No changes to save.') });
      return;
    }
    this.#savingId = id;
    this.#setNotice({ recordId: id, text: () => msg('Saving…') });
    try {
      const result = await updateRecord(this.options.client(), org, record.id, { fields });
      // PaperOS stored these values (a `name` field is the record's name too) and,
      // when something changed, its update time: show them everywhere at once.
      const shown = this.saved.get(id) ?? record;
      const changed = result.changes.length > 0;
      this.saved = new Map(this.saved).set(id, {
        ...shown,
        name: typeof fields.name === 'string' ? fields.name : shown.name,
        features: { ...shown.features, ...fields },
        updated_at: changed ? new Date().toISOString() : shown.updated_at,
      });
      // Keep anything typed while the save was in flight.
      this.#setDrafts(id, new Map([...this.#draftsOf(id)].filter(([key, value]) => fields[key] !== value)));
      const { changes } = result;
      this.#setNotice({
        recordId: id,
        text: () =>
          changes.length ? msg(str`Saved: ${changes.map(fieldLabel).join(', ')}.`) : msg('Nothing needed saving.'),
      });
      this.host.dispatchEvent(new PaperOSRecordSaveEvent(id, result.changes));
    } catch (error) {
      this.#setNotice({
        recordId: id,
        ...this.options.failure(error, () => msg('Your changes were not saved. They are still here; try again.')),
      });
    } finally {
      this.#savingId = undefined;
      this.host.requestUpdate();
    }
  }
}
