import { css } from 'lit';

export const documentListStyles = css`
  /* The loading skeleton: the toolbar (filter, sort, count) and rows of the tree's row height. */
  :host {
    --_skeleton-head: calc(2.8em + var(--_space) * 3 + 4px);
    --_skeleton-head-gap: var(--_space);
    --_skeleton-row: 2rem;
    --_skeleton-max: var(--paperos-document-list-height, 30rem);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-block-end: var(--_space);
  }
  .field {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  .summary {
    margin: 0 0 0 auto;
    color: var(--_muted);
  }
  .notice {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .notice--error {
    color: var(--_danger);
  }
  .tree {
    --_indent: 1.25rem;
    display: block;
    max-block-size: var(--paperos-document-list-height, 30rem);
    overflow: auto;
    padding-block: calc(var(--_space) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .tree--virtual {
    block-size: var(--paperos-document-list-height, 30rem);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    inline-size: 100%;
    min-block-size: 2rem;
    padding: calc(var(--_space) * 0.25) var(--_space);
    padding-inline-start: calc(var(--_space) + var(--_depth, 0) * var(--_indent));
  }
  /*
   * Rows and their content are border-box outright, not through the base styles'
   * box-sizing: inherit. With the inherited value, Chromium's style recalculation for
   * the rows a virtualized list keeps creating grew slower frame after frame during a
   * fast scroll (tens of milliseconds a frame; see bench/RESULTS.md, scenario 6).
   */
  .row,
  .row *,
  .row ::before,
  .row ::after {
    box-sizing: border-box;
  }
  .row:focus-visible {
    outline-offset: -2px;
  }
  .row:hover {
    background: color-mix(in srgb, var(--_accent) 6%, transparent);
  }
  [aria-level='2'] {
    --_depth: 1;
  }
  [aria-level='3'] {
    --_depth: 2;
  }
  [aria-level='4'] {
    --_depth: 3;
  }
  [aria-level='5'] {
    --_depth: 4;
  }
  [aria-level='6'] {
    --_depth: 5;
  }
  [aria-level='7'] {
    --_depth: 6;
  }
  [aria-level='8'] {
    --_depth: 7;
  }
  [aria-level='9'] {
    --_depth: 8;
  }
  .row[aria-level]:not(
      [aria-level='1'],
      [aria-level='2'],
      [aria-level='3'],
      [aria-level='4'],
      [aria-level='5'],
      [aria-level='6'],
      [aria-level='7'],
      [aria-level='8'],
      [aria-level='9']
    ) {
    --_depth: 9;
  }
  .row--folder {
    cursor: pointer;
    font-weight: 600;
    user-select: none;
  }
  .twisty {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 1rem;
  }
  .twisty::before {
    content: '';
    border-style: solid;
    border-width: 0.3em 0 0.3em 0.45em;
    border-color: transparent transparent transparent currentColor;
    transition: transform 0.1s;
  }
  [aria-expanded='true'] > .twisty::before {
    transform: rotate(90deg);
  }
  :host(:dir(rtl)) .twisty::before {
    transform: scaleX(-1);
  }
  :host(:dir(rtl)) [aria-expanded='true'] > .twisty::before {
    transform: rotate(90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .twisty::before {
      transition: none;
    }
  }
  .count {
    color: var(--_muted);
    font-weight: 400;
  }
  .type {
    min-inline-size: 3.5rem;
    padding: 0 0.3em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.8em;
    text-align: center;
  }
  .name {
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  a.name {
    display: inline-flex;
    align-items: center;
    min-block-size: 24px;
  }
  .recipients {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Wraps rather than overflow: a German "Unterschreiben" beside a long status
     does not fit a narrow column on one line. */
  .recipient {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    overflow-wrap: anywhere;
  }
  .status {
    color: var(--_muted);
  }
  .status--done {
    color: var(--_success);
  }
  .status--declined {
    color: var(--_danger);
  }
  .sign {
    padding-block: 0;
  }
  .no-matches,
  .more {
    margin: var(--_space) 0 0;
    color: var(--_muted);
  }
`;
