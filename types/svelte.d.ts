// Svelte 5: `/// <reference types="@paperos/elements/types/svelte" />`
// Tags and attributes come from dist/types/attributes.d.ts (generated from custom-elements.json).
// Svelte's language server reads `svelteHTML.IntrinsicElements`, which extends
// `SvelteHTMLElements` from svelte/elements: the elements are added there.
import type { HTMLAttributes } from 'svelte/elements';
import type { PaperOSElementAttributes, PaperOSElementClasses } from '../dist/types/attributes.js';

type PaperOSSvelteElements = {
  [Tag in keyof PaperOSElementAttributes]: HTMLAttributes<PaperOSElementClasses[Tag]> & PaperOSElementAttributes[Tag];
};

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends PaperOSSvelteElements {}
}
