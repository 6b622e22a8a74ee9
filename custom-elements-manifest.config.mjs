// `npm run analyze` -> custom-elements.json: every element with its attributes,
// properties, events, slots, CSS parts and CSS custom properties.
//
// The analyzer guesses an event's name from `dispatchEvent(new SomeEvent(x))`
// (it takes the first argument: "record", "failure", ...). This project's event
// classes carry their real name in `static eventName`, so the plugin below
// names each dispatched event from its class, merges it with the documented
// `@fires` entry (adding the event's class as its type), and drops the guesses.
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

function eventsFromTheirClasses() {
  return {
    name: 'paperos-event-names',
    packageLinkPhase({ customElementsManifest }) {
      const nameOf = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const field = decl.members?.find((m) => m.static && m.name === 'eventName');
          if (field?.default) nameOf.set(decl.name, field.default.replace(/^['"`]|['"`]$/g, ''));
        }
      }
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement || !decl.events) continue;
          const classOf = new Map([...nameOf].map(([cls, name]) => [name, cls]));
          const byName = new Map();
          for (const event of decl.events) {
            const name = nameOf.get(event.type?.text) ?? event.name;
            if (!name || !/^paperos-[a-z-]+$/.test(name)) continue;
            const seen = byName.get(name) ?? { name };
            seen.description ??= event.description;
            if (classOf.has(name)) seen.type = { text: classOf.get(name) };
            if (event.inheritedFrom && !seen.description) seen.inheritedFrom = event.inheritedFrom;
            byName.set(name, seen);
          }
          for (const event of byName.values()) if (event.description === undefined) delete event.description;
          decl.events = [...byName.values()];
        }
      }
    },
  };
}

/** Private members are no API: leave them out (and a private rename never makes the manifest stale). */
function withoutPrivateMembers() {
  return {
    name: 'paperos-no-private-members',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members)
            decl.members = decl.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
        }
      }
    },
  };
}

/**
 * The schema version the manifest is checked against (the custom-elements-manifest
 * package's, in test/embedding/manifest.node.test.ts); the analyzer writes 1.0.0.
 */
function schemaVersion(version) {
  return {
    name: 'paperos-schema-version',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.schemaVersion = version;
    },
  };
}

/** Modules in path order: the analyzer's file walk has no stable order, the committed file must. */
function sortedModules() {
  return {
    name: 'paperos-sorted-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * Registrations through `defineElement('paperos-x', Class)` (define.ts of each
 * element), which the analyzer does not know: one `custom-element-definition`
 * export per tag, in the module that registers it.
 */
function definitionsFromDefineElement() {
  return {
    name: 'paperos-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !cls || !ts.isIdentifier(cls)) return;
      (moduleDoc.exports ??= []).push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: cls.text, module: moduleDoc.path },
      });
    },
  };
}

/**
 * Module paths as the package ships them, each reference resolved to the module
 * that declares it. The analyzer reads `src/**\/*.ts`, which the package does
 * not ship, and writes references as it finds them: `./events.js` for a
 * re-export, `/src/...js` for a superclass, the re-exporting module for a class
 * that define.ts imports and exports again, its own module for a built-in. `defineElement(name, constructor)`
 * itself looks like a registration to it (`customElements.define` inside):
 * a definition whose class is no custom element with that tag is dropped.
 */
/**
 * The source module (`src/...ts`) that `file` imports or re-exports `name` from,
 * followed through further imports and re-exports to the one that declares it.
 */
function importOf(name, file, depth = 0) {
  if (!existsSync(file)) return undefined;
  for (const [, names, from] of readFileSync(file, 'utf8').matchAll(
    /(?:import|export)\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(\.[^']+)'/g,
  )) {
    if (!names.split(',').some((n) => n.trim().replace(/^type\s+/, '') === name)) continue;
    const next = posix.join(posix.dirname(file), from).replace(/\.js$/, '.ts');
    return (depth < 8 && importOf(name, next, depth + 1)) || next;
  }
  return undefined;
}

function shippedModulePaths() {
  const isGlobal = (name) => name in globalThis || /^(HTML|SVG)\w*Element$/.test(name);
  const shipped = (path) => path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'paperos-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const declaredIn = new Map();
      for (const mod of modules) {
        for (const decl of mod.declarations ?? []) {
          declaredIn.set(decl.name, [...(declaredIn.get(decl.name) ?? []), { mod, decl }]);
        }
      }
      /** The module (source path) that declares `name`, preferring the one the reference names. */
      const resolveRef = (ref, from) => {
        const named = ref.module.startsWith('.')
          ? new URL(ref.module, `file:///${from}`).pathname.slice(1).replace(/\.js$/, '.ts')
          : ref.module.replace(/^\//, '').replace(/\.js$/, '.ts');
        const found = declaredIn.get(ref.name) ?? [];
        const inManifest = found.find((f) => f.mod.path === named) ?? (found.length === 1 ? found[0] : undefined);
        if (inManifest) return inManifest;
        // Re-exported from a module outside the manifest's globs (the client): the module it is imported from.
        const importedFrom = importOf(ref.name, from);
        return importedFrom && { mod: { path: importedFrom }, decl: { name: ref.name } };
      };
      const fix = (value, from) => {
        if (Array.isArray(value)) return value.forEach((v) => fix(v, from));
        if (!value || typeof value !== 'object') return;
        if (typeof value.module === 'string' && typeof value.name === 'string' && !value.package) {
          const found = resolveRef(value, from);
          if (found) value.module = found.mod.path;
          else if (isGlobal(value.name)) {
            // `extends Event`: a built-in, which the schema writes as the package `global:`
            delete value.module;
            value.package = 'global:';
          }
        }
        for (const key of Object.keys(value)) fix(value[key], from);
      };
      for (const mod of modules) {
        mod.exports = mod.exports?.filter((exp) => {
          if (exp.kind !== 'custom-element-definition') return true;
          const found = resolveRef(exp.declaration, mod.path);
          return found?.decl.customElement && found.decl.tagName === exp.name;
        });
        for (const key of ['declarations', 'exports']) fix(mod[key], mod.path);
      }
      // Only after every reference is resolved against the source paths.
      const rename = (value) => {
        if (Array.isArray(value)) return value.forEach(rename);
        if (!value || typeof value !== 'object') return;
        if (typeof value.module === 'string' && !value.package) value.module = shipped(value.module);
        for (const key of Object.keys(value)) rename(value[key]);
      };
      for (const mod of modules) {
        rename(mod.declarations);
        rename(mod.exports);
        mod.path = shipped(mod.path);
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    definitionsFromDefineElement(),
    eventsFromTheirClasses(),
    withoutPrivateMembers(),
    shippedModulePaths(),
    sortedModules(),
    schemaVersion('2.1.0'),
  ],
};
