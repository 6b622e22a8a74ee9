// The attribute types the framework typings (types/*.d.ts) read, generated from
// custom-elements.json by `npm run build` into dist/types/attributes.d.ts, so
// an attribute added to an element reaches every framework with no hand edit.
//
// An attribute's type is the manifest's when it is made of primitives and
// literals only (`string`, `number | undefined`, `'a' | 'b'`); a named type
// (`SortMode`) is taken from the element class's property instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Attribute {
  name: string;
  fieldName?: string;
  description?: string;
  type?: { text: string };
}
interface Declaration {
  kind: string;
  name: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: Attribute[];
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** The custom elements in the manifest, by tag, in tag order. */
export function elementsOf(manifest: Manifest): { tag: string; className: string; attributes: Attribute[] }[] {
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({ tag: d.tagName!, className: d.name, attributes: d.attributes ?? [] }))
    .sort((a, b) => (a.tag < b.tag ? -1 : 1));
}

const LITERAL = /^(string|number|boolean|null|undefined|'[^'\\]*'|"[^"\\]*"|-?\d+(\.\d+)?)$/;

/** The TypeScript type of one attribute, `undefined` left out (every attribute is optional). */
function typeOf(attribute: Attribute, className: string): string {
  const parts = (attribute.type?.text ?? 'string').split('|').map((p) => p.trim());
  const kept = parts.filter((p) => p !== 'undefined');
  if (kept.length && kept.every((p) => LITERAL.test(p))) return kept.join(' | ');
  if (!attribute.fieldName) return 'string';
  return `NonNullable<${className}['${attribute.fieldName}']>`;
}

/** A property key as prettier writes it: bare when it can be, else in single quotes. */
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/['\\]/g, '\\$&')}'`);

const doc = (text: string | undefined, indent: string) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';

/** dist/types/attributes.d.ts for a manifest. */
export function attributeTypes(manifest: Manifest): string {
  const elements = elementsOf(manifest);
  const interfaces = elements.map(({ className, attributes }) => {
    const lines = attributes.map((a) => {
      const type = typeOf(a, className);
      return `${doc(a.description, '  ')}  ${key(a.name)}?: ${type};`;
    });
    return `/** The HTML attributes of \`${className}\`. */\nexport interface ${className}Attributes {\n${lines.join('\n')}\n}\n`;
  });
  const classes = elements.map((e) => e.className).sort();
  return [
    '// Generated from custom-elements.json by `npm run build` (scripts/typings.ts); do not edit.',
    '// The HTML attributes of each PaperOS element, for the framework typings in types/*.d.ts',
    '// (settings such as `token`, `fetchToken` and `records` are properties, set from code).',
    `import type { ${classes.join(', ')} } from '../index.js';\n`,
    ...interfaces,
    '/** Every PaperOS element by tag, with its attributes. */',
    'export interface PaperOSElementAttributes {',
    ...elements.map(({ tag, className }) => `  ${key(tag)}: ${className}Attributes;`),
    '}',
    '',
    '/** Every PaperOS element by tag, with its class. */',
    'export interface PaperOSElementClasses {',
    ...elements.map(({ tag, className }) => `  ${key(tag)}: ${className};`),
    '}',
    '',
  ].join('\n');
}

/** The attribute types for the repository's committed manifest. */
export function attributeTypesFor(root: string): string {
  return attributeTypes(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest);
}

/** Writes `<outdir>/types/attributes.d.ts` from the committed manifest; returns its path. */
export function writeAttributeTypes(root: string, outdir: string): string {
  const file = join(outdir, 'types/attributes.d.ts');
  mkdirSync(join(outdir, 'types'), { recursive: true });
  writeFileSync(file, attributeTypesFor(root));
  return file;
}

/** `tsc -p tsconfig.build.json` into `outdir`: one ES module per source file, with its declarations. */
export function compileModules(root: string, outdir: string): boolean {
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outdir],
    { cwd: root, stdio: 'inherit' },
  );
  return tsc.status === 0;
}
