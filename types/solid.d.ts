// Solid: `/// <reference types="@paperos/elements/types/solid" />`
import type { PaperOSElementAttributes } from '../dist/types/attributes.js';
type Props<T> = T & import('solid-js').JSX.HTMLAttributes<HTMLElement>;
declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'paperos-provider': Props<PaperOSElementAttributes['paperos-provider']>;
      'paperos-workflow-launcher': Props<PaperOSElementAttributes['paperos-workflow-launcher']>;
      'paperos-document-list': Props<PaperOSElementAttributes['paperos-document-list']>;
      'paperos-record-list': Props<PaperOSElementAttributes['paperos-record-list']>;
    }
  }
}
