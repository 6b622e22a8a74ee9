// Preact: `/// <reference types="@paperos/elements/types/preact" />`
import type { PaperOSElementAttributes } from '../dist/types/attributes.js';
type Props<T> = T & import('preact').JSX.HTMLAttributes<HTMLElement>;
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'paperos-provider': Props<PaperOSElementAttributes['paperos-provider']>;
      'paperos-workflow-launcher': Props<PaperOSElementAttributes['paperos-workflow-launcher']>;
      'paperos-document-list': Props<PaperOSElementAttributes['paperos-document-list']>;
      'paperos-record-list': Props<PaperOSElementAttributes['paperos-record-list']>;
    }
  }
}
