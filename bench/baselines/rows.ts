/**
 * The rows both baselines show, computed the plain way: documents grouped by
 * folder path, folders then files, each sorted by name (numeric collation),
 * posinset/setsize among visible siblings. The element computes the same rows
 * (src/elements/document-list/tree.ts); the pages check that the first rows match.
 */
import type { BenchDoc, BenchTemplate } from '../pages/data.js';

export interface FolderRow {
  kind: 'folder';
  key: string;
  name: string;
  level: number;
  /** Matching documents below (any depth). */
  shown: number;
  pos: number;
  size: number;
}

export interface DocRow {
  kind: 'doc';
  key: string;
  name: string;
  type: string;
  href: string | null;
  level: number;
  pos: number;
  size: number;
}

export type Row = FolderRow | DocRow;

interface Folder {
  key: string;
  name: string;
  level: number;
  folders: Map<string, Folder>;
  docs: { key: string; name: string; search: string; doc: BenchDoc }[];
  sorted?: { folders: Folder[] };
}

export interface Tree {
  root: Folder;
  count: number;
}

const compare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

const typeOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toUpperCase() : '';
};

/** Only https links are rendered as links (the element's URL policy, in its cheapest form). */
const hrefOf = (url: unknown): string | null => (typeof url === 'string' && url.startsWith('https:') ? url : null);

export function buildTree(docs: readonly BenchDoc[]): Tree {
  const root: Folder = { key: 'f', name: '', level: 0, folders: new Map(), docs: [] };
  for (const doc of docs) {
    let folder = root;
    for (const segment of doc.path.split('/')) {
      if (!segment) continue;
      let child = folder.folders.get(segment);
      if (!child) {
        child = {
          key: `${folder.key}/${segment}`,
          name: segment,
          level: folder.level + 1,
          folders: new Map(),
          docs: [],
        };
        folder.folders.set(segment, child);
      }
      folder = child;
    }
    folder.docs.push({
      key: `d${doc.pub_id}`,
      name: doc.filename,
      search: `${doc.path}/${doc.filename}`.toLowerCase(),
      doc,
    });
  }
  const sortAll = (folder: Folder) => {
    const folders = [...folder.folders.values()].sort((a, b) => compare(a.name, b.name));
    folder.sorted = { folders };
    folder.docs.sort((a, b) => compare(a.name, b.name));
    folders.forEach(sortAll);
  };
  sortAll(root);
  return { root, count: docs.length };
}

/** The visible rows for a filter (lowercased, trimmed; '' for all). */
export function flattenRows(tree: Tree, query = ''): { rows: Row[]; matched: number } {
  const rows: Row[] = [];
  const counts = new Map<Folder, number>();
  const countOf = (folder: Folder): number => {
    let n = 0;
    for (const child of folder.sorted!.folders) n += countOf(child);
    for (const d of folder.docs) if (!query || d.search.includes(query)) n++;
    counts.set(folder, n);
    return n;
  };
  const matched = countOf(tree.root);
  const visit = (folder: Folder) => {
    const folders = folder.sorted!.folders.filter((f) => counts.get(f)! > 0);
    const docs = query ? folder.docs.filter((d) => d.search.includes(query)) : folder.docs;
    const size = folders.length + docs.length;
    let pos = 0;
    for (const f of folders) {
      rows.push({ kind: 'folder', key: f.key, name: f.name, level: f.level, shown: counts.get(f)!, pos: ++pos, size });
      visit(f);
    }
    for (const d of docs) {
      rows.push({
        kind: 'doc',
        key: d.key,
        name: d.name,
        type: typeOf(d.name),
        href: hrefOf(d.doc.url),
        level: folder.level + 1,
        pos: ++pos,
        size,
      });
    }
  };
  visit(tree.root);
  return { rows, matched };
}

const numberFormat = new Intl.NumberFormat('en');
export const formatCount = (n: number) => numberFormat.format(n);
export const documentCount = (n: number) => (n === 1 ? '1 document' : `${formatCount(n)} documents`);
export const summaryText = (matched: number, total: number, query: string) =>
  query ? `${formatCount(matched)} of ${documentCount(total)}` : documentCount(total);

export interface TemplateRow {
  key: string;
  label: string;
  description: string;
}

export const templateRows = (templates: readonly BenchTemplate[]): TemplateRow[] =>
  templates.map((t) => ({ key: t.id, label: t.label, description: t.description }));
