import { css } from 'lit';

export const recordListStyles = css`
  /* The loading skeleton: the toolbar (a labelled input) and rows of the list's row height. */
  :host {
    --_skeleton-head: calc(2.8em + var(--_space) * 1.5 + 2px);
    --_skeleton-head-gap: var(--_space);
    --_skeleton-row: calc(1.4em + var(--_space) * 2 + 1px);
    --_skeleton-max: var(--paperos-record-list-height, 24rem);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  .field {
    display: inline-flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-block-size: var(--paperos-record-list-height, 24rem);
    overflow: auto;
  }
  .record {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    min-block-size: 24px;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
    cursor: pointer;
  }
  .record:last-child {
    border-block-end: 0;
  }
  .record[aria-selected='true'] {
    box-shadow: inset 4px 0 0 var(--_accent);
    font-weight: 600;
  }
  .record:focus-visible {
    outline-offset: -2px;
  }
  .record-name {
    overflow-wrap: anywhere;
  }
  .record-type,
  .detail-meta {
    color: var(--_muted);
  }
  .detail {
    margin-block-start: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .detail-title {
    margin: 0;
    font-size: 1.1em;
    overflow-wrap: anywhere;
  }
  .detail-meta {
    margin: 0 0 var(--_space);
  }
  .fields {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }
  .field-row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr;
    gap: var(--_space);
    align-items: center;
  }
  .field-row dt {
    color: var(--_muted);
  }
  .field-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .fields .button {
    justify-self: start;
  }
  .create-form {
    display: grid;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* One width rhythm: every control of the form fills its column, two columns where they fit. */
  .create-form .field {
    display: flex;
  }
  .create-form input,
  .create-form select,
  .field-row input {
    inline-size: 100%;
    min-inline-size: 0;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: var(--_space);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .notice {
    margin-block-start: var(--_space);
  }
  .notice p {
    margin: 0;
  }
  .notice--ok {
    color: var(--_success);
  }
  .notice--error {
    color: var(--_danger);
  }
  .notice-detail {
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .no-matches {
    color: var(--_muted);
  }
`;
