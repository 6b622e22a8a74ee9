// Svelte: `/// <reference types="@paperos/elements/types/svelte" />`
import type { PaperOSElementAttributes } from '../dist/types/attributes.js';
declare global {
  namespace svelteHTML {
    interface IntrinsicElements {
      'paperos-provider': PaperOSElementAttributes['paperos-provider'] & Record<string, unknown>;
      'paperos-workflow-launcher': PaperOSElementAttributes['paperos-workflow-launcher'] & Record<string, unknown>;
      'paperos-document-list': PaperOSElementAttributes['paperos-document-list'] & Record<string, unknown>;
      'paperos-record-list': PaperOSElementAttributes['paperos-record-list'] & Record<string, unknown>;
    }
  }
}
export {};
