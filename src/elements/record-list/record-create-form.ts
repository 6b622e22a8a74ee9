import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ClientCore } from '../../client/core.js';
import { createRecord } from '../../client/records.js';
import { PaperOSRecordCreateEvent } from './events.js';
import { renderNotice, type FailureNotice, type Notice } from './record-notice.js';
import { RECORD_TYPES, recordTypeName } from './record-types.js';

export interface RecordCreateFormOptions {
  client(): ClientCore;
  /** The organization the list loaded; nothing is created before it has. */
  org(): string | undefined;
  /** The element's `type` as a slug, `*` for every type: the type chosen up front. */
  type(): string;
  failure: FailureNotice;
  /** PaperOS created the record (the event is already fired). */
  created(): void;
}

/**
 * The record list's create form (`::part(create-form)`): a type, a name and
 * name/value field pairs. A record with neither a name nor a field value, or
 * a value without a field name, is refused before anything is sent, with the
 * offending input marked and focused; a failure keeps the input.
 */
export class RecordCreateForm {
  /** The form is shown (the New record button's `aria-expanded`). */
  open = false;
  #busy = false;
  #notice?: Notice;
  /** The input that failed validation: `name` or `key-<row>`. */
  #invalid?: string;
  #fields: Array<{ key: string; value: string }> = [{ key: '', value: '' }];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RecordCreateFormOptions,
  ) {}

  /** The New record button: shows or hides the form, clearing its last outcome. */
  toggle(): void {
    this.open = !this.open;
    this.#notice = undefined;
    this.#invalid = undefined;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const fixedType = this.options.type();
    const invalid = (name: string) => (this.#invalid === name ? 'true' : 'false');
    const describedBy = (name: string) => (this.#invalid === name ? 'create-notice' : nothing);
    return html`<form
      part="create-form"
      class="create-form"
      novalidate
      @submit=${this.#create}
      @keydown=${this.#onKeydown}
    >
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
      ${this.#fields.map(
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
        <button class="button button--quiet" type="button" @click=${this.#addField}>${msg('Add field')}</button>
        <button part="create-button" class="button" type="submit" aria-disabled=${this.#busy ? 'true' : 'false'}>
          ${this.#busy ? msg('Creating…') : msg('Create record')}
        </button>
      </div>
      ${renderNotice(this.#notice, 'create-notice')}
    </form>`;
  }

  /** Escape closes the form, as New record does, and gives the focus back to that button. */
  #onKeydown = async (event: KeyboardEvent): Promise<void> => {
    if (event.key !== 'Escape' || this.#busy) return;
    this.toggle();
    await this.host.updateComplete;
    this.host.shadowRoot!.querySelector<HTMLElement>('[part~="new-button"]')!.focus();
  };

  #addField = (): void => {
    this.#fields = [...this.#fields, { key: '', value: '' }];
    this.host.requestUpdate();
  };

  #set(state: { busy?: boolean; notice?: Notice; invalid?: string }): void {
    if ('busy' in state) this.#busy = state.busy!;
    if ('notice' in state) this.#notice = state.notice;
    if ('invalid' in state) this.#invalid = state.invalid;
    this.host.requestUpdate();
  }

  #create = async (event: Event): Promise<void> => {
    event.preventDefault();
    const org = this.options.org();
    if (this.#busy || org === undefined) return;
    const form = event.currentTarget as HTMLFormElement;
    const type = (form.elements.namedItem('type') as HTMLSelectElement).value;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const nameless = this.#fields.findIndex((f) => f.value.trim() && !f.key.trim());
    const fields = Object.fromEntries(
      this.#fields.filter((f) => f.key.trim() && f.value.trim()).map((f) => [f.key.trim(), f.value]),
    );
    // The API refuses a completely empty record: check before anything is sent.
    const problem =
      nameless >= 0
        ? { at: `key-${nameless}`, text: () => msg(str`Field ${nameless + 1} has a value but no name.`) }
        : !name && Object.keys(fields).length === 0
          ? { at: 'name', text: () => msg('A record needs a name or at least one field with a value.') }
          : undefined;
    if (problem) {
      this.#set({ invalid: problem.at, notice: { text: problem.text, error: true } });
      await this.host.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.#set({ invalid: undefined, busy: true, notice: { text: () => msg('Creating…') } });
    try {
      const { recId } = await createRecord(this.options.client(), org, { type, name, fields });
      form.reset();
      this.#fields = [{ key: '', value: '' }];
      this.#set({ notice: { text: () => msg(str`Created ${name || recordTypeName(type)}.`) } });
      this.host.dispatchEvent(new PaperOSRecordCreateEvent(recId, type));
      this.options.created();
    } catch (error) {
      this.#set({
        notice: this.options.failure(error, () =>
          msg('The record was not created. Your input is still here; try again.'),
        ),
      });
    } finally {
      this.#set({ busy: false });
    }
  };
}
