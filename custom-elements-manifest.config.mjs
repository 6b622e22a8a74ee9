// `npm run analyze` -> custom-elements.json: every element with its attributes,
// properties, events, slots, CSS parts and CSS custom properties.
//
// The analyzer guesses an event's name from `dispatchEvent(new SomeEvent(x))`
// (it takes the first argument: "record", "failure", ...). This project's event
// classes carry their real name in `static eventName`, so the plugin below
// names each dispatched event from its class, merges it with the documented
// `@fires` entry (adding the event's class as its type), and drops the guesses.
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

/** Modules in path order: the analyzer's file walk has no stable order, the committed file must. */
function sortedModules() {
  return {
    name: 'paperos-sorted-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [eventsFromTheirClasses(), withoutPrivateMembers(), sortedModules()],
};
