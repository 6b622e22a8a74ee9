// A web-test-runner plugin that lets browser tests import React. React ships
// CommonJS only, which the test server's node-resolve cannot serve, so `react`
// and `react-dom/client` are bundled once with esbuild into ES modules that
// share one copy of React (a common chunk), with React's own export names.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A CommonJS module's export names, read in a child process (the test runner patches this one's console). */
function exportNames(specifier) {
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`;
  const names = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
  return names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
}
const PREFIX = '/__react-esm/';
/** Bare specifier -> the bundled module's file name. */
const MODULES = { react: 'react.js', 'react-dom/client': 'react-dom-client.js' };

async function bundle() {
  const { outputFiles } = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(MODULES).map(([specifier, file]) => [file.replace(/\.js$/, ''), `esm-of:${specifier}`]),
    ),
    bundle: true,
    format: 'esm',
    splitting: true,
    write: false,
    outdir: '/out',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
    plugins: [
      {
        name: 'esm-of',
        setup(b) {
          b.onResolve({ filter: /^esm-of:/ }, (args) => ({ path: args.path.slice(7), namespace: 'esm-of' }));
          b.onLoad({ filter: /.*/, namespace: 'esm-of' }, (args) => {
            // A CommonJS entry bundles to a default export only: re-export its names.
            const names = exportNames(args.path);
            return {
              contents: `import m from ${JSON.stringify(args.path)};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
              resolveDir: root,
              loader: 'js',
            };
          });
        },
      },
    ],
  });
  return new Map(outputFiles.map((f) => [f.path.slice('/out/'.length), f.text]));
}

export function reactEsmPlugin() {
  let files;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (Object.hasOwn(MODULES, source)) return PREFIX + MODULES[source];
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      files ??= bundle();
      const body = (await files).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
