declare module 'bench:launcher-styles' {
  import type { CSSResult } from 'lit';
  export const launcherStyles: CSSResult[];
}

declare module 'bench:all-elements' {
  /** Tag names of the elements registered by the bundle. */
  export const elementTags: string[];
}

/** Registers `<paperos-workflow-launcher>` (built only when the element exists). */
declare module 'bench:launcher' {}
