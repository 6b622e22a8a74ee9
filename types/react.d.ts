// React 19: `/// <reference types="@paperos/elements/types/react" />` to use the
// elements directly in JSX with checked attributes (or use @paperos/elements/react).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PaperOSElementAttributes } from '../dist/types/attributes.js';

type Intrinsic<Tag extends keyof PaperOSElementAttributes & keyof HTMLElementTagNameMap> = DetailedHTMLProps<
  HTMLAttributes<HTMLElementTagNameMap[Tag]>,
  HTMLElementTagNameMap[Tag]
> &
  PaperOSElementAttributes[Tag];

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'paperos-provider': Intrinsic<'paperos-provider'>;
      'paperos-workflow-launcher': Intrinsic<'paperos-workflow-launcher'>;
      'paperos-document-list': Intrinsic<'paperos-document-list'>;
      'paperos-record-list': Intrinsic<'paperos-record-list'>;
    }
  }
}
