import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The demo pages (demo/*.html). `npm run demo` adds the host backend as middleware.
export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  publicDir: fileURLToPath(new URL('./demo/public', import.meta.url)),
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
  build: {
    outDir: fileURLToPath(new URL('./dist/demo', import.meta.url)),
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./demo/index.html', import.meta.url)),
        scriptTag: fileURLToPath(new URL('./demo/script-tag.html', import.meta.url)),
        react: fileURLToPath(new URL('./demo/react.html', import.meta.url)),
      },
    },
  },
});
