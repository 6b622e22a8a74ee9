/**
 * The model behind `<paperos-document-list>`, as pure functions: each returns
 * a new value and never changes its input. A fetched list is grouped into a
 * folder tree once (`buildModel`); a filter is a separate value over that
 * tree (`filterModel`); `flatten` turns a tree, a filter, a sort and the
 * collapsed folders into the rows on screen. Rendering then only touches the
 * rows on screen.
 *
 * A list can hold 100,000 documents, so a fetch does only what the first
 * screen needs (group, count, sort): the search keys are made in idle time
 * after it (`searchKeys`, see filter-controller.ts), the key lookup and the
 * by-name order on first use (memoized per model, outside it).
 */
import type { DocumentRecipient, PaperOSDocument } from '../../client/types.js';
import { normalizeRecipient } from '../../client/documents.js';

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
  readonly folders: readonly FolderNode[];
  readonly docs: readonly DocEntry[];
  /** Lowercased path, the prefix of its documents' search keys. */
  readonly search: string;
  /** Documents below this folder (any depth). */
  readonly total: number;
  /** Position in a filter's per-folder counts: the root 0, `model.folders[i]` i + 1. */
  readonly index: number;
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
  /** Position in `model.entries` (the fetched order) and in a filter's matches. */
  readonly index: number;
}

export type Row = FolderNode | DocEntry;

export interface DocumentModel {
  readonly root: FolderNode;
  /** Documents in the fetched order. */
  readonly entries: readonly DocEntry[];
  /** Every folder except the root. */
  readonly folders: readonly FolderNode[];
  readonly compare: (a: string, b: string) => number;
}

/** Which documents a query matches. `match` and `shown` are left out when it matches everything. */
export interface Filter {
  /** The normalized query. */
  readonly query: string;
  /** Matching documents in all. */
  readonly matched: number;
  /** 1 for each matching entry, by `entry.index`. */
  readonly match?: Uint8Array;
  /** Matching documents below each folder, by `folder.index`. */
  readonly shown?: Uint32Array;
}

/** The visible rows of one model / filter / sort / collapse state. */
export interface FlatRows {
  readonly rows: readonly Row[];
  /** aria-posinset / aria-setsize of each row among its visible siblings. */
  readonly pos: readonly number[];
  readonly size: readonly number[];
  /** The filter the rows were made with (its counts label the folder rows). */
  readonly filter: Filter;
}

/** Deeper path segments are folded into the last folder's name, so hostile paths cannot blow the stack. */
export const MAX_DEPTH = 32;

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));

/** A folder while the tree is being built: its own lists and count still growing. */
type Building = { -readonly [K in keyof FolderNode]: FolderNode[K] };

function folder(key: string, name: string, parent: FolderNode | undefined, index: number): Building {
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
    index,
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

/** Builds the folder tree for one fetched list: folders first, then files, each sorted by `compare`. */
export function buildModel(
  documents: readonly unknown[],
  compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): DocumentModel {
  const root = folder('f', '', undefined, 0);
  const folders: Building[] = [];
  const entries: DocEntry[] = [];
  const folderByKey = new Map<string, Building>();
  // Ids seen so far, to keep keys unique when the data repeats one.
  const ids = new Set<string>();

  // Most documents share a few paths: resolve each distinct path string once.
  const byPath = new Map<string, Building>();
  const folderFor = (path: unknown): Building => {
    let parent = root;
    for (const segment of pathSegments(path)) {
      const key = `${parent.key}/${segment}`;
      let child = folderByKey.get(key);
      if (!child) {
        child = folder(key, segment, parent, folders.length + 1);
        (parent.folders as FolderNode[]).push(child);
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
      index: entries.length,
    };
    (parent.docs as DocEntry[]).push(entry);
    entries.push(entry);
    for (let f: Building | undefined = parent; f; f = f.parent as Building | undefined) f.total++;
  }

  for (const f of [root, ...folders]) {
    f.folders = sortByName(f.folders, compare);
    f.docs = sortByName(f.docs, compare);
  }
  return { root, entries, folders, compare };
}

/** Shorter lists are simply sorted by the collator. */
const PRESORT_ABOVE = 64;

/**
 * Rows sorted by name with `compare` (a collator, slow per call), as a new
 * array; a list in order already, as lists usually come, is returned as it is
 * after one pass to confirm (scenario 3, 10,000 documents: a first render
 * skips the sort). Any other long list is first put in a rough order by its
 * lowercased names, compared as plain strings, which the collator's stable
 * sort then has little left to correct; the collator still decides the order
 * (bench/micro/sort-names.ts: 0.3x to 0.7x the time of a plain collator sort).
 */
export function sortByName<T extends { name: string }>(
  list: readonly T[],
  compare: (a: string, b: string) => number,
): readonly T[] {
  let i = 1;
  while (i < list.length && compare(list[i - 1]!.name, list[i]!.name) <= 0) i++;
  if (i >= list.length) return list;
  let sorted: T[];
  if (list.length > PRESORT_ABOVE) {
    const keyed = list.map((row) => ({ row, key: row.name.toLowerCase() }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    sorted = keyed.map(({ row }) => row);
  } else {
    sorted = [...list];
  }
  return sorted.sort((a, b) => compare(a.name, b.name));
}

/** Made on first use and kept per model, outside it: most lists are never clicked or sorted by name. */
const keyIndex = new WeakMap<DocumentModel, Map<string, Row>>();
const nameOrder = new WeakMap<DocumentModel, readonly DocEntry[]>();

/** The folder or document row with this key. */
export function rowByKey(model: DocumentModel, key: string): Row | undefined {
  let byKey = keyIndex.get(model);
  if (!byKey) {
    byKey = new Map<string, Row>();
    for (const f of model.folders) byKey.set(f.key, f);
    for (const entry of model.entries) byKey.set(entry.key, entry);
    keyIndex.set(model, byKey);
  }
  return byKey.get(key);
}

/** What a query is matched against: the lowercased `/folder/path/filename`. */
export function searchKey(entry: DocEntry): string {
  return `${entry.folder.search}/${entry.name.toLowerCase()}`;
}

/**
 * The search keys of the entries from `start` on, in entry order, as a new
 * array; `stop` is asked every 512 entries whether to end the slice there.
 */
export function searchKeys(model: DocumentModel, start = 0, stop?: () => boolean): string[] {
  const { entries } = model;
  const keys: string[] = [];
  for (let i = start; i < entries.length; i++) {
    if (stop && i > start && i % 512 === 0 && stop()) break;
    keys.push(searchKey(entries[i]!));
  }
  return keys;
}

/** Normalizes a filter string the way search keys are: trimmed, lowercased. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** The filter that matches every document. */
export function unfiltered(model: DocumentModel): Filter {
  return { query: '', matched: model.entries.length };
}

/**
 * The documents matching `query` (filename or path, case-insensitive), with
 * counts per folder. `keys` are search keys made ahead (`searchKeys`); any
 * not made yet are made here and not kept.
 */
export function filterModel(model: DocumentModel, query: string, keys: readonly string[] = []): Filter {
  const q = normalizeQuery(query);
  if (q === '') return unfiltered(model);
  const { entries } = model;
  const match = new Uint8Array(entries.length);
  const shown = new Uint32Array(model.folders.length + 1);
  let matched = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (!(keys[i] ?? searchKey(entry)).includes(q)) continue;
    match[i] = 1;
    matched++;
    for (let f: FolderNode | undefined = entry.folder; f; f = f.parent) shown[f.index]++;
  }
  return { query: q, matched, match, shown };
}

/** Matching documents below a folder. */
export function shownIn(filter: Filter, folder: FolderNode): number {
  return filter.shown ? filter.shown[folder.index]! : folder.total;
}

/** All entries by filename, then by folder path; sorted once per model. */
export function entriesByName(model: DocumentModel): readonly DocEntry[] {
  let byName = nameOrder.get(model);
  if (!byName) {
    const { compare } = model;
    byName = [...model.entries].sort((a, b) => compare(a.name, b.name) || compare(a.folder.key, b.folder.key));
    nameOrder.set(model, byName);
  }
  return byName;
}

/**
 * The visible rows: the folder tree (folders first, then files, collapsed
 * folders' contents left out), or with `sort: 'name'` a flat list of
 * matching documents by filename.
 */
export function flatten(
  model: DocumentModel,
  filter: Filter,
  sort: SortMode,
  isCollapsed: (folder: FolderNode) => boolean,
): FlatRows {
  const rows: Row[] = [];
  const pos: number[] = [];
  const size: number[] = [];
  const { match } = filter;
  if (sort === 'name') {
    for (const entry of entriesByName(model)) {
      if (!match || match[entry.index]) rows.push(entry);
    }
    for (let i = 0; i < rows.length; i++) {
      pos.push(i + 1);
      size.push(rows.length);
    }
    return { rows, pos, size, filter };
  }
  const visit = (parent: FolderNode) => {
    let count = 0;
    for (const f of parent.folders) if (shownIn(filter, f) > 0) count++;
    if (match) {
      for (const d of parent.docs) if (match[d.index]) count++;
    } else {
      count += parent.docs.length;
    }
    let at = 0;
    for (const f of parent.folders) {
      if (shownIn(filter, f) === 0) continue;
      rows.push(f);
      pos.push(++at);
      size.push(count);
      if (!isCollapsed(f)) visit(f);
    }
    for (const d of parent.docs) {
      if (match && !match[d.index]) continue;
      rows.push(d);
      pos.push(++at);
      size.push(count);
    }
  };
  visit(model.root);
  return { rows, pos, size, filter };
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
