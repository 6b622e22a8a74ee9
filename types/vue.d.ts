// Vue 3: `/// <reference types="@paperos/elements/types/vue" />`
import type { DefineComponent } from 'vue';
import type { PaperOSElementAttributes } from '../dist/types/attributes.js';
declare module 'vue' {
  interface GlobalComponents {
    'paperos-provider': DefineComponent<PaperOSElementAttributes['paperos-provider']>;
    'paperos-workflow-launcher': DefineComponent<PaperOSElementAttributes['paperos-workflow-launcher']>;
    'paperos-document-list': DefineComponent<PaperOSElementAttributes['paperos-document-list']>;
    'paperos-record-list': DefineComponent<PaperOSElementAttributes['paperos-record-list']>;
  }
}
