// Solid: `/// <reference types="@paperos/elements/types/solid" />`
// Tags and attributes come from dist/types/attributes.d.ts (generated from custom-elements.json).
import type { JSX as SolidJSX } from 'solid-js';
import type { PaperOSElementAttributes, PaperOSElementClasses } from '../dist/types/attributes.js';

type PaperOSIntrinsicElements = {
  [Tag in keyof PaperOSElementAttributes]: SolidJSX.HTMLAttributes<PaperOSElementClasses[Tag]> &
    PaperOSElementAttributes[Tag];
};

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends PaperOSIntrinsicElements {}
  }
}
