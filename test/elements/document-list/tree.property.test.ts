// The document list's model against a plain reference implementation, with
// generated lists and queries: the same rows, levels, positions and counts,
// and no input ever changed (everything handed in is deep-frozen, so a write
// throws in these strict-mode modules).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  buildModel,
  entriesByName,
  filterModel,
  flatten,
  rowByKey,
  searchKeys,
  shownIn,
  unfiltered,
  type FolderNode,
  type Row,
} from '../../../src/elements/document-list/tree.js';

interface Doc {
  pub_id: string;
  path: string;
  filename: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '');

/** What a user sees, one line per row: depth, kind, name, position and (for folders) the count. */
type Line = string;

/** The reference: group by path with plain objects, sort by name, keep folders with a match. */
function referenceTree(docs: readonly Doc[], query: string, searchAll: boolean): Line[] {
  interface Node {
    name: string;
    folders: Map<string, Node>;
    docs: Doc[];
    path: string;
  }
  const root: Node = { name: '', folders: new Map(), docs: [], path: '' };
  for (const doc of docs) {
    let node = root;
    for (const segment of segmentsOf(doc.path)) {
      let child = node.folders.get(segment);
      if (!child)
        node.folders.set(
          segment,
          (child = { name: segment, folders: new Map(), docs: [], path: `${node.path}/${segment}` }),
        );
      node = child;
    }
    node.docs.push(doc);
  }
  const q = query.trim().toLowerCase();
  const matches = (doc: Doc, node: Node) => searchAll || `${node.path}/${doc.filename}`.toLowerCase().includes(q);
  const count = (node: Node): number =>
    node.docs.filter((d) => matches(d, node)).length + [...node.folders.values()].reduce((n, f) => n + count(f), 0);
  const lines: Line[] = [];
  const visit = (node: Node, level: number) => {
    const folders = [...node.folders.values()].sort((a, b) => compare(a.name, b.name)).filter((f) => count(f) > 0);
    const files = [...node.docs].sort((a, b) => compare(a.filename, b.filename)).filter((d) => matches(d, node));
    const size = folders.length + files.length;
    let at = 0;
    for (const f of folders) {
      lines.push(`${level} folder ${f.name} ${++at}/${size} (${count(f)})`);
      visit(f, level + 1);
    }
    for (const d of files) lines.push(`${level} doc ${d.filename} ${++at}/${size}`);
  };
  visit(root, 1);
  return lines;
}

function referenceByName(docs: readonly Doc[], query: string): string[] {
  const q = query.trim().toLowerCase();
  const key = (d: Doc) => `/${segmentsOf(d.path).join('/')}`;
  return docs
    .filter((d) => q === '' || `${key(d).toLowerCase()}/${d.filename.toLowerCase()}`.includes(q))
    .sort((a, b) => compare(a.filename, b.filename) || compare(key(a), key(b)))
    .map((d) => d.filename);
}

function linesOf(
  rows: readonly Row[],
  pos: readonly number[],
  size: readonly number[],
  count: (f: FolderNode) => number,
) {
  return rows.map((row, i) =>
    row.kind === 'folder'
      ? `${row.level} folder ${row.name} ${pos[i]}/${size[i]} (${count(row)})`
      : `${row.level} doc ${row.name} ${pos[i]}/${size[i]}`,
  );
}

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  // Typed arrays cannot be frozen: the tests compare them before and after instead.
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  for (const child of Object.values(value)) deepFreeze(child, seen);
  return Object.freeze(value);
}

const chars = fc.constantFrom('a', 'B', 'b', ' ', '.', 'é', '1');
const word = fc.string({ unit: chars, maxLength: 4 });
const path = fc.array(fc.constantFrom('a', 'B', 'a b', '', 'Zed'), { maxLength: 3 }).map((s) => s.join('/'));
const docs = fc.array(fc.record({ pub_id: fc.constantFrom('1', '2', '3', '4', '5', '6'), path, filename: word }), {
  maxLength: 30,
});
const query = fc.oneof(word, fc.constant(''), fc.constant('  A '), fc.constant('/'));

describe('document-list tree (properties)', () => {
  it('the folder tree, filtered or not, is the reference’s, and no input changes', () => {
    fc.assert(
      fc.property(docs, query, (list, q) => {
        const input = deepFreeze(list.map((d) => ({ ...d })));
        const model = deepFreeze(buildModel(input, compare));
        const filter = deepFreeze(filterModel(model, q, deepFreeze(searchKeys(model))));
        const counts = [Array.from(filter.match ?? []), Array.from(filter.shown ?? [])];
        const flat = flatten(model, filter, 'folder', () => false);
        flatten(model, filter, 'name', () => false);
        expect([Array.from(filter.match ?? []), Array.from(filter.shown ?? [])]).to.deep.equal(counts);
        expect(filter.matched).to.equal(referenceByName(input, q).length);
        expect(linesOf(flat.rows, flat.pos, flat.size, (f) => shownIn(filter, f))).to.deep.equal(
          referenceTree(input, q, false),
        );
        // Filtering without keys made ahead gives the same result.
        expect(filterModel(model, q)).to.deep.equal(filter);
        expect(input).to.deep.equal(list);
      }),
      { numRuns: 300 },
    );
  });

  it('the unfiltered tree is the reference’s, and collapsing a folder leaves out exactly its contents', () => {
    fc.assert(
      fc.property(docs, fc.nat(), (list, pick) => {
        const model = deepFreeze(buildModel(deepFreeze(list), compare));
        const all = unfiltered(model);
        const full = flatten(model, all, 'folder', () => false);
        expect(linesOf(full.rows, full.pos, full.size, (f) => shownIn(all, f))).to.deep.equal(
          referenceTree(list, '', true),
        );
        if (model.folders.length === 0) return;
        const folder = model.folders[pick % model.folders.length]!;
        const collapsed = flatten(model, all, 'folder', (f) => f === folder);
        const below = (row: Row): boolean => {
          for (let f = row.kind === 'folder' ? row.parent : row.folder; f; f = f.parent) if (f === folder) return true;
          return false;
        };
        const shown = full.rows.filter((row) => full.rows.includes(folder) && !below(row));
        if (full.rows.includes(folder)) expect(collapsed.rows).to.deep.equal(shown);
      }),
      { numRuns: 200 },
    );
  });

  it('the by-name order is the reference’s, and every row is found by its key', () => {
    fc.assert(
      fc.property(docs, query, (list, q) => {
        const model = deepFreeze(buildModel(deepFreeze(list), compare));
        const filter = filterModel(model, q);
        const flat = flatten(model, filter, 'name', () => false);
        expect(flat.rows.map((r) => r.name)).to.deep.equal(referenceByName(list, q));
        expect(flat.pos).to.deep.equal(flat.rows.map((_, i) => i + 1));
        expect(entriesByName(model)).to.have.length(model.entries.length);
        for (const row of [...model.folders, ...model.entries]) expect(rowByKey(model, row.key)).to.equal(row);
        expect(new Set(model.entries.map((e) => e.key)).size).to.equal(model.entries.length);
      }),
      { numRuns: 200 },
    );
  });
});
