// The hydrating page's module: Lit's hydration support first (it must run
// before LitElement is defined), then the elements.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../../../src/index.js';
