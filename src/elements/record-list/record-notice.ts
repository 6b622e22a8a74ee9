import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PaperOSRecord } from '../../client/types.js';

/** Words are made at render time, so a notice on screen follows a change of language. */
export type Notice = { text: () => string; detail?: () => string | undefined; error?: boolean };

/** Turns a failed save or create into a notice (and fires `paperos-error`); the element's. */
export type FailureNotice = (error: unknown, text: () => string) => Notice;

export const idOf = (record: PaperOSRecord): string => String(record.id);

/** A field's value as the text an input shows; structured values as JSON. */
export const textOf = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** A save or create outcome (`::part(notice)`): a status, or an alert for a failure. */
export function renderNotice(notice: Notice | undefined, id?: string): TemplateResult | typeof nothing {
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
