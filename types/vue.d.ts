// Vue 3: `/// <reference types="@paperos/elements/types/vue" />` (templates, checked by vue-tsc)
// Tags and attributes come from dist/types/attributes.d.ts (generated from custom-elements.json).
import type { DefineComponent } from 'vue';
import type { PaperOSElementAttributes } from '../dist/types/attributes.js';

type PaperOSGlobalComponents = {
  [Tag in keyof PaperOSElementAttributes]: DefineComponent<PaperOSElementAttributes[Tag]>;
};

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends PaperOSGlobalComponents {}
}
