// Preact: `/// <reference types="@paperos/elements/types/preact" />`
// Tags and attributes come from dist/types/attributes.d.ts (generated from custom-elements.json).
import type { HTMLAttributes } from 'preact';
import type { PaperOSElementAttributes, PaperOSElementClasses } from '../dist/types/attributes.js';

type PaperOSIntrinsicElements = {
  [Tag in keyof PaperOSElementAttributes]: HTMLAttributes<PaperOSElementClasses[Tag]> & PaperOSElementAttributes[Tag];
};

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends PaperOSIntrinsicElements {}
  }
}
