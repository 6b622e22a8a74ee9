import { css } from 'lit';

export const workflowLauncherStyles = css`
  /* The loading skeleton: the filter and the heading above rows of a template's height (label, a line of description). */
  :host {
    --_skeleton-head: calc(4.2em + var(--_space) * 4.5 + 2px);
    --_skeleton-head-gap: var(--_space);
    --_skeleton-row: calc(2.8em + var(--_space) * 2 + 1px);
  }
  .field {
    display: inline-flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    margin-block-end: var(--_space);
  }
  .heading {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1em;
  }
  .templates,
  .started {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .template,
  .workflow {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
  }
  .template:last-child,
  .workflow:last-child {
    border-block-end: 0;
  }
  .template-text {
    display: flex;
    flex: 1 1 16rem;
    flex-direction: column;
    min-inline-size: 0;
  }
  .template-label,
  .workflow-label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .workflow-label {
    flex: 1 1 12rem;
  }
  .template-description,
  .workflow-updated,
  .none-started,
  .no-matches {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .workflow-status {
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .start-status {
    flex-basis: 100%;
    margin: 0;
  }
  .start-status p {
    margin: 0;
  }
  .start-status--ok {
    color: var(--_success);
  }
  .start-status--error {
    color: var(--_danger);
  }
  .start-status .detail {
    color: var(--_text);
  }
`;
