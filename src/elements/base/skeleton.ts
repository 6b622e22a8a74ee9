import { html, type TemplateResult } from 'lit';

/** Skeleton rows before an element has loaded anything: a few. */
export const DEFAULT_SKELETON_ROWS = 3;

/** No more rows than a list shows before it scrolls; the styles cap the height too. */
export const MAX_SKELETON_ROWS = 12;

/**
 * How many skeleton rows a loading state shows: the count the last load
 * announced (a reload of the same element), else a few.
 */
export function skeletonRows(lastCount: number | undefined): number {
  if (lastCount === undefined || !Number.isFinite(lastCount)) return DEFAULT_SKELETON_ROWS;
  return Math.max(1, Math.min(Math.round(lastCount), MAX_SKELETON_ROWS));
}

/**
 * The shape the content will take while it loads: a head the height of the
 * element's toolbar and rows of its real row height (both set by the element's
 * styles through `--_skeleton-head` and `--_skeleton-row`), so the first paint
 * of data moves nothing below the element. Hidden from assistive technology:
 * the loading state's label says what is going on.
 */
export function renderSkeleton(rows: number): TemplateResult {
  return html`<div class="skeleton" aria-hidden="true">
    <div class="skeleton-head"></div>
    <div class="skeleton-rows">
      ${Array.from({ length: rows }, () => html`<div class="skeleton-row"><span class="skeleton-bar"></span></div>`)}
    </div>
  </div>`;
}
