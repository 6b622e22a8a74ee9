/**
 * Pure functions behind `<paperos-document-list>`: group documents into a
 * folder tree once per fetch, mark matches once per filter, and flatten the
 * tree into rows once per filter / sort / expand change. Rendering then only
 * touches the rows on screen.
 *
 * A list can hold 100,000 documents, so a fetch does only what the first
 * screen needs (group, count, sort): the search keys are made in idle time
 * after it (`prepareSearch`, or by the first filter), the key lookup on the
 * first click or keystroke on a row.
 */
import type { DocumentRecipient, PaperOSDocument } from '../../client/types.js';
import { normalizeRecipient } from '../../client/schemas.js';

export type SortMode = 'folder' | 'name';

export interface FolderNode {
  readonly kind: 'folder';
  /** `f` + the normalized path: unique among rows. */
  readonly key: string;
  /** The path segment, as given. */
  readonly name: string;
  /** Tree depth; the invisible root is 0, top-level folders 1. */
  readonly level: number;
  readonly parent: FolderNode | undefined;
  readonly folders: FolderNode[];
  readonly docs: DocEntry[];
  /** Lowercased path, the prefix of its documents' search keys. */
  readonly search: string;
  /** Documents below this folder (any depth). */
  total: number;
  /** Documents below this folder that match the current filter. */
  shown: number;
}

export interface DocEntry {
  readonly kind: 'doc';
  /** `d` + pub_id (made unique if the data repeats one). */
  readonly key: string;
  readonly doc: PaperOSDocument;
  /** The filename, as given. */
  readonly name: string;
  readonly folder: FolderNode;
  readonly level: number;
  /** Whether it matches the current filter. */
  match: boolean;
}

export type Row = FolderNode | DocEntry;

export interface DocumentModel {
  readonly root: FolderNode;
  readonly entries: DocEntry[];
  /** Every folder except the root. */
  readonly folders: FolderNode[];
  /** Folder and document rows by key: see `rowByKey`. */
  byKey?: Map<string, Row>;
  /** Lowercased `/folder/path/filename` of each entry, in entry order: see `prepareSearch`. */
  search?: string[];
  readonly compare: (a: string, b: string) => number;
  /** Entries by filename (then folder), sorted on first use. */
  byName?: DocEntry[];
  /** The normalized filter last applied. */
  query: string;
  matched: number;
}

/**
 * The visible rows of one filter / sort / expand state. It keeps the counts
 * it was made with, so rows rendered from it stay consistent while the model
 * is already filtered for a newer query.
 */
export interface FlatRows {
  readonly rows: Row[];
  /** aria-posinset / aria-setsize of each row among its visible siblings. */
  readonly pos: number[];
  readonly size: number[];
  /** Matching documents below each folder row. */
  readonly shown: ReadonlyMap<FolderNode, number>;
  /** Matching documents in all. */
  readonly matched: number;
}

/** Deeper path segments are folded into the last folder's name, so hostile paths cannot blow the stack. */
export const MAX_DEPTH = 32;

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));

function folder(key: string, name: string, parent: FolderNode | undefined): FolderNode {
  return {
    kind: 'folder',
    key,
    name,
    level: parent ? parent.level + 1 : 0,
    parent,
    search: key.slice(1).toLowerCase(),
    folders: [],
    docs: [],
    total: 0,
    shown: 0,
  };
}

/** The folder segments of a path: split on `/`, empty segments dropped, the rest kept exactly as given. */
export function pathSegments(path: unknown): string[] {
  const segments = text(path)
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.length > MAX_DEPTH) {
    segments.splice(MAX_DEPTH - 1, segments.length, segments.slice(MAX_DEPTH - 1).join('/'));
  }
  return segments;
}

/** Builds the folder tree and search keys for one fetched list. */
export function buildModel(
  documents: readonly unknown[],
  compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): DocumentModel {
  const root = folder('f', '', undefined);
  const folders: FolderNode[] = [];
  const entries: DocEntry[] = [];
  const folderByKey = new Map<string, FolderNode>();
  // Ids seen so far, to keep keys unique when the data repeats one.
  const ids = new Set<string>();

  // Most documents share a few paths: resolve each distinct path string once.
  const byPath = new Map<string, FolderNode>();
  const folderFor = (path: unknown): FolderNode => {
    let parent = root;
    for (const segment of pathSegments(path)) {
      const key = `${parent.key}/${segment}`;
      let child = folderByKey.get(key);
      if (!child) {
        child = folder(key, segment, parent);
        parent.folders.push(child);
        folders.push(child);
        folderByKey.set(key, child);
      }
      parent = child;
    }
    return parent;
  };

  for (const raw of Array.isArray(documents) ? documents : []) {
    if (!raw || typeof raw !== 'object') continue;
    const doc = raw as PaperOSDocument;
    const path = text(doc.path);
    let parent = byPath.get(path);
    if (!parent) byPath.set(path, (parent = folderFor(path)));
    const id = text(doc.pub_id);
    let key = `d${id}`;
    if (ids.has(id)) key = `${key}#${entries.length}`;
    else ids.add(id);
    const entry: DocEntry = {
      kind: 'doc',
      key,
      doc,
      name: text(doc.filename),
      folder: parent,
      level: parent.level + 1,
      match: true,
    };
    parent.docs.push(entry);
    entries.push(entry);
    for (let f: FolderNode | undefined = parent; f; f = f.parent) f.total++;
  }

  for (const f of [root, ...folders]) {
    sortByName(f.folders, compare);
    sortByName(f.docs, compare);
    f.shown = f.total;
  }
  return { root, entries, folders, compare, query: '', matched: entries.length };
}

/** Shorter lists are simply sorted by the collator. */
const PRESORT_ABOVE = 64;

/**
 * Sorts rows by name with `compare` (a collator, slow per call). A list in
 * order already, as lists usually come, takes one pass to confirm. Any other
 * long list is first put in a rough order by its lowercased names, compared
 * as plain strings, which the collator's stable sort then has little left to
 * correct; the collator still decides the order (bench/micro/sort-names.ts).
 */
export function sortByName<T extends { name: string }>(list: T[], compare: (a: string, b: string) => number): void {
  const byName = (a: T, b: T) => compare(a.name, b.name);
  let i = 1;
  while (i < list.length && compare(list[i - 1]!.name, list[i]!.name) <= 0) i++;
  if (i >= list.length) return;
  if (list.length > PRESORT_ABOVE) {
    const keyed = list.map((row) => ({ row, key: row.name.toLowerCase() }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (let at = 0; at < keyed.length; at++) list[at] = keyed[at]!.row;
  }
  list.sort(byName);
}

/** The folder or document row with this key; the lookup is made on first use. */
export function rowByKey(model: DocumentModel, key: string): Row | undefined {
  if (!model.byKey) {
    const byKey = new Map<string, Row>();
    for (const f of model.folders) byKey.set(f.key, f);
    for (const entry of model.entries) byKey.set(entry.key, entry);
    model.byKey = byKey;
  }
  return model.byKey.get(key);
}

/**
 * Makes the search keys the filter matches against, continuing where it last
 * stopped; `stop` is asked every few hundred entries whether to yield.
 * Returns whether they are all made.
 */
export function prepareSearch(model: DocumentModel, stop?: () => boolean): boolean {
  const keys = (model.search ??= []);
  const { entries } = model;
  for (let i = keys.length; i < entries.length; i++) {
    if (stop && i % 512 === 0 && stop()) return false;
    const entry = entries[i]!;
    keys.push(`${entry.folder.search}/${entry.name.toLowerCase()}`);
  }
  return true;
}

/** Normalizes a filter string the way search keys are: trimmed, lowercased. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Marks the entries matching `query` (filename or path, case-insensitive) and counts them per folder. */
export function applyFilter(model: DocumentModel, query: string): number {
  const q = normalizeQuery(query);
  if (q === model.query) return model.matched;
  model.query = q;
  let matched = 0;
  model.root.shown = 0;
  for (const f of model.folders) f.shown = 0;
  const { entries } = model;
  if (q !== '') prepareSearch(model);
  const search = model.search ?? [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    entry.match = q === '' || search[i]!.includes(q);
    if (!entry.match) continue;
    matched++;
    for (let f: FolderNode | undefined = entry.folder; f; f = f.parent) f.shown++;
  }
  model.matched = matched;
  return matched;
}

/** All entries by filename, then by folder path; sorted once per model. */
export function entriesByName(model: DocumentModel): DocEntry[] {
  if (!model.byName) {
    const { compare } = model;
    model.byName = [...model.entries].sort((a, b) => compare(a.name, b.name) || compare(a.folder.key, b.folder.key));
  }
  return model.byName;
}

/**
 * The visible rows for the current filter: the folder tree (folders first,
 * then files, collapsed folders' contents left out), or with `sort: 'name'`
 * a flat list of matching documents by filename.
 */
export function flatten(model: DocumentModel, sort: SortMode, isCollapsed: (folder: FolderNode) => boolean): FlatRows {
  const rows: Row[] = [];
  const pos: number[] = [];
  const size: number[] = [];
  const shown = new Map<FolderNode, number>();
  const { matched } = model;
  if (sort === 'name') {
    for (const entry of entriesByName(model)) {
      if (entry.match) rows.push(entry);
    }
    for (let i = 0; i < rows.length; i++) {
      pos.push(i + 1);
      size.push(rows.length);
    }
    return { rows, pos, size, shown, matched };
  }
  const visit = (parent: FolderNode) => {
    let count = 0;
    for (const f of parent.folders) if (f.shown > 0) count++;
    for (const d of parent.docs) if (d.match) count++;
    let at = 0;
    for (const f of parent.folders) {
      if (f.shown === 0) continue;
      rows.push(f);
      pos.push(++at);
      size.push(count);
      shown.set(f, f.shown);
      if (!isCollapsed(f)) visit(f);
    }
    for (const d of parent.docs) {
      if (!d.match) continue;
      rows.push(d);
      pos.push(++at);
      size.push(count);
    }
  };
  visit(model.root);
  return { rows, pos, size, shown, matched };
}

/** The file type from a filename's extension ("XLSX"), or '' when it has none. */
export function fileType(filename: string): string {
  const dot = filename.lastIndexOf('.');
  if (dot <= 0 || dot === filename.length - 1) return '';
  const ext = filename.slice(dot + 1);
  return ext.length <= 8 && !/\s/.test(ext) ? ext.toUpperCase() : '';
}

/** A document's recipients, whatever shape the list came in. */
export function recipientsOf(doc: PaperOSDocument): DocumentRecipient[] {
  const list: unknown = (doc as { recipients?: unknown }).recipients;
  if (!Array.isArray(list)) return [];
  const out: DocumentRecipient[] = [];
  for (const raw of list) {
    // The client has normalized them already; this keeps hand-fed data safe too.
    const recipient = normalizeRecipient(raw);
    if (recipient) out.push(recipient);
  }
  return out;
}
