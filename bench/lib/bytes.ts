/**
 * Scenario 9: bytes, min+gzip, built in-process with esbuild the way the
 * published script-tag bundle is (scripts/bundle.ts: minified, es2022,
 * tsconfig.build.json, whitespace in html`` and css`` templates collapsed,
 * then terser).
 * Counted is the eagerly loaded code: dynamic imports (translations, the
 * virtualizer) are left out and listed on their own.
 *
 * The script-tag bundle itself is measured by scripts/bundle.ts (its owner's
 * build, the one `npm run size` budgets).
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BUDGET_BYTES,
  ELEMENT_BUDGETS,
  SHARED_CHUNK,
  type OutputSize,
  TARGET_BYTES,
  buildBundles,
  packagesIn,
  total,
} from '../../scripts/bundle.js';
import type { ElementEntry } from './elements.js';

export interface Size {
  min: number;
  gzip: number;
}

export interface BytesReport {
  scriptTag: {
    eager: Size;
    iife: Size;
    lazy: { file: string; gzip: number }[];
    /** The packages in the eagerly loaded files (from their source maps). */
    eagerPackages: string[];
    /** scripts/bundle.ts's goal and CI ceiling for the eager part. */
    targetBytes: number;
    budgetBytes: number;
  };
  /**
   * The per-element scripts (dist/elements/, scripts/bundle.ts): each one's
   * up-front bytes (the script and what it imports statically, the shared
   * chunk), with its CI ceiling and goal from ELEMENT_BUDGETS.
   */
  elementScripts: { file: string; own: Size; upFront: Size; budget?: number; goal?: number }[];
  /** The chunk every per-element script imports (lit, the base, the client, the provider). */
  sharedChunk: Size;
  lit: Size;
  litAndBase: Size;
  all: Size;
  allEntry: string;
  lazyChunks: { name: string; gzip: number; packages: string[] }[];
  elements: { tag: string; alone: Size; overLitAndBase: number; marginalInAll: number }[];
}

const staticOnly: Plugin = {
  name: 'static-imports-only',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** Entry modules importing source files for their effect: the package's `sideEffects` only lists dist/. */
const keepDefines: Plugin = {
  name: 'keep-defines',
  setup(b) {
    b.onResolve({ filter: /define\.(js|ts)$/ }, async (args) => {
      if (args.pluginData?.inner) return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      return r.errors.length ? undefined : { ...r, sideEffects: true };
    });
  },
};

const measure = (bytes: Uint8Array): Size => ({ min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

/** The published bundle's template-literal minifier, when the build has one. */
let literals: Plugin[] | undefined;
async function literalPlugins(): Promise<Plugin[]> {
  if (!literals) {
    try {
      const mod = (await import('esbuild-plugin-minify-html-literals')) as { minifyHTMLLiteralsPlugin: () => Plugin };
      literals = [mod.minifyHTMLLiteralsPlugin()];
    } catch {
      literals = [];
    }
  }
  return literals;
}

/** terser after esbuild, as scripts/bundle.ts minifies the published bundle (when terser is installed). */
async function minifiedAgain(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const { minify } = await import('terser');
    const result = await minify(new TextDecoder().decode(bytes), {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    return new TextEncoder().encode(result.code);
  } catch {
    return bytes;
  }
}

async function eagerSize(root: string, contents: string): Promise<Size> {
  const result = await build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    tsconfig: join(root, 'tsconfig.build.json'),
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [staticOnly, keepDefines, ...(await literalPlugins())],
  });
  return measure(await minifiedAgain(result.outputFiles[0]!.contents));
}

const spec = (root: string, file: string) => JSON.stringify(`./${relative(root, file).split('\\').join('/')}`);

export async function measureBytes(root: string, elements: ElementEntry[], workDir: string): Promise<BytesReport> {
  const allOf = (list: ElementEntry[]) => list.map((e) => `export * from ${spec(root, e.define)};`).join('\n');
  const allEntry = `export * from ${spec(root, join(root, 'src/index.ts'))};`;
  const lit = await eagerSize(root, `export * from 'lit';`);
  const litAndBase = await eagerSize(
    root,
    `export * from 'lit';\nexport * from ${spec(root, join(root, 'src/elements/base/paperos-element.ts'))};`,
  );
  const all = await eagerSize(root, allEntry);
  const perElement: BytesReport['elements'] = [];
  const allDefines = await eagerSize(root, allOf(elements));
  for (const element of elements) {
    const alone = await eagerSize(root, `export * from ${spec(root, element.define)};`);
    const others = elements.filter((e) => e !== element);
    const withoutIt = others.length ? await eagerSize(root, allOf(others)) : { min: 0, gzip: 0 };
    perElement.push({
      tag: element.tag,
      alone,
      overLitAndBase: alone.gzip - litAndBase.gzip,
      marginalInAll: allDefines.gzip - withoutIt.gzip,
    });
  }

  // The lazily loaded chunks of the all-elements bundle.
  const outdir = join(workDir, 'bytes');
  mkdirSync(outdir, { recursive: true });
  const split = await build({
    absWorkingDir: root,
    stdin: { contents: allEntry, resolveDir: root, loader: 'ts', sourcefile: 'bench-all.ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: join(root, 'tsconfig.build.json'),
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
    plugins: [keepDefines, ...(await literalPlugins())],
  });
  const outputs = split.metafile!.outputs;
  const entry = Object.keys(outputs).find((file) => file.endsWith('/stdin.js'))!;
  const eager = new Set<string>();
  const visit = (file: string) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  const lazyChunks: BytesReport['lazyChunks'] = [];
  for (const [file, output] of Object.entries(outputs)) {
    if (!file.endsWith('.js') || eager.has(file)) continue;
    const packages = [
      ...new Set(
        Object.keys(output.inputs).map(
          (input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? input.split('/').slice(0, 3).join('/'),
        ),
      ),
    ];
    lazyChunks.push({
      name: file.split('/').pop()!,
      gzip: gzipSync(readFileSync(join(root, file)), { level: 9 }).length,
      packages,
    });
  }

  // The published script-tag bundle, built by its owner's code.
  const built = await buildBundles({ root, outdir: join(workDir, 'dist') });
  const sum = (list: OutputSize[]) => {
    const t = total(list);
    return { min: t.minified, gzip: t.gzip };
  };
  const sharedFile = built.elements.flatMap((e) => e.eager).find((f) => f.file.endsWith(`/${SHARED_CHUNK}`));
  const elementScripts = built.elements.map(({ entry, eager }) => {
    const file = entry.split('/').pop()!;
    const own = eager.find((f) => f.file === entry)!;
    return {
      file,
      own: { min: own.minified, gzip: own.gzip },
      upFront: sum(eager),
      ...ELEMENT_BUDGETS[file],
    };
  });
  return {
    scriptTag: {
      eager: sum(built.eager),
      iife: { min: built.iife.minified, gzip: built.iife.gzip },
      lazy: built.lazy.map((l) => ({ file: relative(join(workDir, 'dist'), l.file), gzip: l.gzip })),
      eagerPackages: [...new Set(built.eager.flatMap((e) => [...packagesIn(e.file)]))].sort(),
      targetBytes: TARGET_BYTES,
      budgetBytes: BUDGET_BYTES,
    },
    elementScripts,
    sharedChunk: sharedFile ? { min: sharedFile.minified, gzip: sharedFile.gzip } : { min: 0, gzip: 0 },
    lit,
    litAndBase,
    all,
    allEntry: 'src/index.ts',
    lazyChunks,
    elements: perElement,
  };
}
