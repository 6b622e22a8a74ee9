// React 19: `/// <reference types="@paperos/elements/types/react" />` to use the
// elements directly in JSX with checked attributes (or use @paperos/elements/react).
// Every tag and attribute comes from dist/types/attributes.d.ts, which the build
// generates from custom-elements.json: nothing here names an element.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PaperOSElementAttributes, PaperOSElementClasses } from '../dist/types/attributes.js';

type PaperOSIntrinsicElements = {
  [Tag in keyof PaperOSElementAttributes]: DetailedHTMLProps<
    HTMLAttributes<PaperOSElementClasses[Tag]>,
    PaperOSElementClasses[Tag]
  > &
    PaperOSElementAttributes[Tag];
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends PaperOSIntrinsicElements {}
  }
}
