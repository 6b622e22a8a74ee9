import { html, type TemplateResult } from 'lit';

/**
 * The labelled search field a list element puts above its rows
 * (`::part(filter)`): each keystroke's value goes to `set`; `keydown`, when
 * given, sees the field's keys (to move into the list, for example).
 */
export const filterField = (
  label: string,
  value: string,
  set: (value: string) => void,
  keydown?: (event: KeyboardEvent) => void,
): TemplateResult =>
  html`<label class="field">
    <span>${label}</span>
    <input
      part="filter"
      type="search"
      autocomplete="off"
      .value=${value}
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      @keydown=${keydown}
    />
  </label>`;
