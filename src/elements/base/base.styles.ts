import { css } from 'lit';

/**
 * Shared styles. Every colour, the font, radius and spacing come from
 * `--paperos-*` custom properties; the defaults inherit the page's font and
 * follow its `color-scheme` through `light-dark()`.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--paperos-color-accent, light-dark(#1d4ed8, #93b4ff));
    --_accent-text: var(--paperos-color-accent-text, light-dark(#ffffff, #0b1220));
    --_text: var(--paperos-color-text, light-dark(#1f2328, #e6e8eb));
    --_muted: var(--paperos-color-muted, light-dark(#57606a, #a4acb6));
    --_surface: var(--paperos-color-surface, light-dark(#ffffff, #16191d));
    --_border: var(--paperos-color-border, light-dark(#d0d7de, #3b424a));
    --_danger: var(--paperos-color-danger, light-dark(#b42318, #ff9b8f));
    --_success: var(--paperos-color-success, light-dark(#1a7f37, #6fdd8b));
    --_focus: var(--paperos-focus-ring, 2px solid var(--_accent));
    --_radius: var(--paperos-radius, 6px);
    --_space: var(--paperos-space, 0.5rem);
    --_skeleton: color-mix(in srgb, var(--_border) 60%, transparent);
    --_fade: color-mix(in srgb, var(--_text) 30%, transparent);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font: var(--paperos-font, inherit);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_muted);
  }
  /*
   * The loading state is its skeleton: no frame of its own, the height of the
   * content to come (or the host's --paperos-loading-height), the label over it.
   * Each element sets --_skeleton-head, --_skeleton-head-gap and --_skeleton-row
   * (and --_skeleton-max, its list's scroll height) to its own layout.
   */
  .state--loading {
    display: block;
    position: relative;
    min-block-size: var(--paperos-loading-height, auto);
    max-block-size: var(--paperos-loading-height, none);
    overflow: hidden;
    padding: 0;
    border: 0;
    background: none;
  }
  .skeleton-head {
    block-size: var(--_skeleton-head);
    margin-block-end: var(--_skeleton-head-gap);
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  .skeleton-rows {
    max-block-size: var(--_skeleton-max, none);
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .skeleton-row {
    display: flex;
    align-items: center;
    block-size: var(--_skeleton-row, 2.5rem);
    padding-inline: calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
  }
  .skeleton-row:last-child {
    block-size: calc(var(--_skeleton-row, 2.5rem) - 1px);
    border-block-end: 0;
  }
  .skeleton-bar {
    inline-size: 60%;
    block-size: 0.75em;
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  .loading-label {
    position: absolute;
    /* Inside the first row, so it covers none of the row lines. */
    inset-block-start: calc(var(--_skeleton-head) + var(--_skeleton-head-gap) + 1px);
    inset-inline-end: 1px;
    display: flex;
    align-items: center;
    gap: var(--_space);
    block-size: calc(var(--_skeleton-row, 2.5rem) - 2px);
    padding-inline: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_muted);
  }
  .state--error {
    color: var(--_danger);
    flex-direction: column;
    align-items: flex-start;
  }
  .state p {
    margin: 0;
  }
  .error-detail {
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: paperos-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes paperos-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .button {
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    cursor: pointer;
  }
  /* Labels never break inside a word (a row wraps instead), whatever overflow-wrap a row sets for its data. */
  .button,
  label {
    overflow-wrap: normal;
    word-break: normal;
  }
  /*
   * A scroll box shows that it scrolls: an edge fades where more content is
   * (background-attachment local covers it at the very top and bottom).
   */
  .scroll-fade {
    background:
      linear-gradient(var(--_surface) 30%, transparent) top / 100% 2rem no-repeat local,
      linear-gradient(transparent, var(--_surface) 70%) bottom / 100% 2rem no-repeat local,
      radial-gradient(farthest-side at 50% 0, var(--_fade), transparent) top / 100% 0.75rem no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, var(--_fade), transparent) bottom / 100% 0.75rem no-repeat scroll,
      var(--_surface);
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .button--quiet {
    background: transparent;
    color: var(--_accent);
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  input[type='search'],
  input[type='text'],
  select {
    min-block-size: 24px;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  a {
    color: var(--_accent);
  }
  /* After a name whose link the URL policy refused (base/link-policy.ts). */
  [part~='link-unavailable'] {
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
