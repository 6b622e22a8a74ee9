/** What both baselines share with the element: its stylesheet and a shadow-rooted host. */
import { baseStyles } from '../../src/elements/base/base.styles.js';
import { documentListStyles } from '../../src/elements/document-list/document-list.styles.js';
import type { BenchDoc, BenchTemplate } from '../pages/data.js';

let sheet: CSSStyleSheet | undefined;

/** The document list's own stylesheet (base + list), so style and layout cost the same. */
export function documentListSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${baseStyles.cssText}\n${documentListStyles.cssText}`);
  }
  return sheet;
}

export function shadowHost(tag: string, sheets: CSSStyleSheet[]): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  return { host, root };
}

/** A view of documents as a folder tree: what the pages drive, for the element and both baselines alike. */
export interface DocsView {
  readonly host: HTMLElement;
  /** Renders (first call) or updates (later calls) the rows for the parsed response. */
  setData(response: { documents: BenchDoc[] }): void;
  /** Applies the filter field's value, as its `input` listener does. */
  readonly input: HTMLInputElement;
  /** The scrolling tree. */
  readonly tree: HTMLElement;
}

export interface TemplatesView {
  readonly host: HTMLElement;
  setData(response: { workflow_templates: BenchTemplate[] }): void;
}
