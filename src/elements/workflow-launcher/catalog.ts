/** The launcher's catalog, without the DOM: which templates show, in what order, and what a search matches. */
import type { WorkflowTemplate } from '../../client/types.js';

/** `"flow_a, flow_b"` -> `["flow_a", "flow_b"]`; empty means every template. */
function parseIds(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** Text as a search compares it: accents and case ignored ("Équipe" and "equipe" are the same). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Each template's folded label and description, made once per template object. */
const folded = new WeakMap<WorkflowTemplate, string>();

/** Whether a template's label or description contains the (already folded) query. */
export function matches(template: WorkflowTemplate, query: string): boolean {
  let text = folded.get(template);
  if (text === undefined) folded.set(template, (text = fold(`${template.label}\n${template.description ?? ''}`)));
  return text.includes(query);
}

/** The catalog as the host arranged it: the featured templates first (in their order), then the rest. */
export interface Arranged {
  featured: WorkflowTemplate[];
  rest: WorkflowTemplate[];
  /** Both, featured first: every template offered. */
  all: WorkflowTemplate[];
}

/**
 * The templates offered: only the ids of `templates` (comma-separated) when it
 * is set, in its order (ids PaperOS does not know are left out), else all in
 * PaperOS's order; the `featured` ids among them first.
 */
export function arrange(templates: readonly WorkflowTemplate[], onlyIds?: string, featuredIds?: string): Arranged {
  const only = parseIds(onlyIds);
  let offered: WorkflowTemplate[];
  if (only.length) {
    const byId = new Map(templates.map((t) => [t.id, t]));
    offered = [...new Set(only)].flatMap((id) => byId.get(id) ?? []);
  } else offered = [...templates];
  const pinned = new Set(parseIds(featuredIds));
  const featured = [...pinned].flatMap((id) => offered.find((t) => t.id === id) ?? []);
  const rest = offered.filter((t) => !pinned.has(t.id));
  return { featured, rest, all: [...featured, ...rest] };
}

/** Whether the catalog shows only the featured templates, behind a "Show all" toggle: with `featured` set, when it is long. */
export const collapsible = ({ featured, rest, all }: Arranged): boolean =>
  featured.length > 0 && rest.length > 0 && all.length > 8;

/** The rows on screen: the matches of a (folded) query among all, else the featured ones (collapsed) or all. */
export const visibleRows = (arranged: Arranged, query: string, collapsed: boolean): WorkflowTemplate[] =>
  query ? arranged.all.filter((t) => matches(t, query)) : collapsed ? arranged.featured : arranged.all;

/**
 * `fn` remembering its last call: the same arguments (by identity) return the
 * same result, so a list's rows are one array per change (what the roving
 * focus and `repeat` want) and nothing is filtered again on a re-render.
 */
export function lastCall<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let result!: R;
  return (...args) => {
    if (!last || args.some((a, i) => a !== last![i])) {
      last = args;
      result = fn(...args);
    }
    return result;
  };
}
