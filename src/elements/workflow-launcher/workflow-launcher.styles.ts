import { css } from 'lit';

export const workflowLauncherStyles = css`
  /*
   * The element is at most --paperos-launcher-max-height tall: the Started
   * section and the catalog share it, each list scrolling inside (the
   * Started list up to about three rows), the search field staying on top of
   * the catalog.
   */
  :host {
    --_skeleton-head: calc(4.6em + var(--_space) * 3.5);
    --_skeleton-head-gap: var(--_space);
    --_skeleton-row: calc(2.8em + var(--_space) * 2 + 1px);
    --_skeleton-max: calc(var(--paperos-launcher-max-height, 28rem) - var(--_skeleton-head) - var(--_space));
    display: flex;
    flex-direction: column;
    max-block-size: var(--paperos-launcher-max-height, 28rem);
  }
  .catalog,
  .started-section {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
  }
  .catalog {
    flex: 1 1 auto;
  }
  /* Its list has its own cap: the catalog gives way, not the new workflow. */
  .started-section {
    flex: 0 0 auto;
    margin-block-end: var(--_space);
  }
  .heading {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    margin-block-end: var(--_space);
  }
  .field {
    display: flex;
    flex: 1 1 12rem;
    flex-direction: column;
    gap: calc(var(--_space) / 4);
    max-inline-size: 24rem;
  }
  .count,
  .template-description,
  .workflow-time,
  .none-started,
  .no-matches {
    color: var(--_muted);
  }
  .count {
    padding-block-end: calc(var(--_space) / 2);
    font-size: 0.9em;
  }
  .templates,
  .started {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* Room for at least two rows of the catalog, whatever the Started list takes. */
  .templates {
    min-block-size: min(7.5rem, 100%);
  }
  .started {
    max-block-size: 8.5rem;
  }
  .template,
  .workflow {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
  }
  .template:last-child,
  .workflow:last-child {
    border-block-end: 0;
  }
  .template:hover,
  .template:focus-within,
  .workflow:focus-within {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .template-text {
    display: flex;
    flex: 1 1 14rem;
    flex-direction: column;
    min-inline-size: 0;
  }
  .template-label,
  .workflow-label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .workflow-label {
    flex: 1 1 10rem;
  }
  /* Two lines; all of it while the row has focus. */
  .template-description {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
    font-size: 0.9em;
  }
  .template:focus-within .template-description {
    display: block;
  }
  /* One accent button at a time: the row with focus or the pointer. */
  .start:not(:hover, :focus-visible) {
    background: transparent;
    color: var(--_accent);
  }
  .template:not(:hover, :focus-within) .start {
    border-color: var(--_border);
  }
  .start-status {
    flex-basis: 100%;
    margin: 0;
  }
  .start-status p {
    margin: 0;
  }
  .start-status--error {
    color: var(--_danger);
  }
  .start-status .detail {
    color: var(--_text);
  }
  .show-all {
    flex: none;
    align-self: flex-start;
    margin-block-start: var(--_space);
  }
  .announcement {
    margin: 0;
    color: var(--_success);
  }
  .workflow--new {
    box-shadow: inset 3px 0 0 var(--_success);
  }
  .workflow-time {
    font-size: 0.9em;
    white-space: nowrap;
  }
  .chip {
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    white-space: nowrap;
  }
  .chip--open,
  .chip--progress {
    color: var(--_accent);
  }
  .chip--done {
    color: var(--_success);
  }
  .chip--cancelled,
  .chip--other {
    color: var(--_muted);
  }
  .none-started,
  .no-matches {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
