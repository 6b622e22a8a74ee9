import { expect } from '@open-wc/testing';
import {
  MAX_DEPTH,
  buildModel,
  fileType,
  filterModel,
  flatten as flattenWith,
  pathSegments,
  recipientsOf,
  rowByKey,
  searchKeys,
  shownIn,
  unfiltered,
  type DocumentModel,
  type Filter,
  type FolderNode,
  type Row,
  type SortMode,
} from '../../../src/elements/document-list/tree.js';
import type { PaperOSDocument } from '../../../src/client/types.js';
import { normalizeRecipient } from '../../../src/client/documents.js';

const doc = (pub_id: string, path: string, filename: string, recipients: unknown[] = []): PaperOSDocument =>
  ({ pub_id, path, filename, url: `https://paperos.test/d/${pub_id}`, recipients }) as PaperOSDocument;

const labels = (rows: readonly Row[]) => rows.map((r) => (r.kind === 'folder' ? `${r.name}/` : r.name));
const none = () => false;
/** Unfiltered unless a filter is given. */
const flatten = (model: DocumentModel, sort: SortMode, collapsed: (f: FolderNode) => boolean, filter?: Filter) =>
  flattenWith(model, filter ?? unfiltered(model), sort, collapsed);

describe('document-list tree', () => {
  const docs = [
    doc('1', '/Finance/2020', 'b.xlsx'),
    doc('2', '/Finance', 'Budget.pdf'),
    doc('3', '', 'readme.txt'),
    doc('4', '/Finance/2020', 'a.xlsx'),
    doc('5', '/Legal', 'NDA.docx'),
    doc('6', 'Legal/', 'Bylaws 10.pdf'),
    doc('7', 'Legal', 'Bylaws 9.pdf'),
  ];

  it('groups by folder path, folders before files, each sorted by name', () => {
    const model = buildModel(docs, new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare);
    const { rows, pos, size } = flatten(model, 'folder', none);
    expect(labels(rows)).to.deep.equal([
      'Finance/',
      '2020/',
      'a.xlsx',
      'b.xlsx',
      'Budget.pdf',
      'Legal/',
      'Bylaws 9.pdf',
      'Bylaws 10.pdf',
      'NDA.docx',
      'readme.txt',
    ]);
    expect(rows.map((r) => r.level)).to.deep.equal([1, 2, 3, 3, 2, 1, 2, 2, 2, 1]);
    expect(pos).to.deep.equal([1, 1, 1, 2, 2, 2, 1, 2, 3, 3]);
    expect(size).to.deep.equal([3, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
    const finance = rows[0];
    expect(finance.kind === 'folder' && finance.total).to.equal(3);
  });

  it('leaves out the contents of collapsed folders', () => {
    const model = buildModel(docs);
    const { rows } = flatten(model, 'folder', (f) => f.name === 'Finance');
    expect(labels(rows)).to.deep.equal([
      'Finance/',
      'Legal/',
      'Bylaws 10.pdf',
      'Bylaws 9.pdf',
      'NDA.docx',
      'readme.txt',
    ]);
  });

  it('filters on filename and path, case-insensitively, keeping the matches’ folders', () => {
    const model = buildModel(docs);
    const finance = filterModel(model, '  FINANCE/2020 ');
    expect(finance.matched).to.equal(2);
    expect(labels(flatten(model, 'folder', none, finance).rows)).to.deep.equal([
      'Finance/',
      '2020/',
      'a.xlsx',
      'b.xlsx',
    ]);
    const bylaws = filterModel(model, 'bylaws');
    expect(bylaws.matched).to.equal(2);
    const filtered = flatten(model, 'folder', none, bylaws);
    expect(labels(filtered.rows)).to.deep.equal(['Legal/', 'Bylaws 10.pdf', 'Bylaws 9.pdf']);
    expect(shownIn(bylaws, filtered.rows[0] as FolderNode)).to.equal(2);
    expect(filtered.size).to.deep.equal([1, 2, 2]);
    const nothing = filterModel(model, 'nothing like it');
    expect(nothing.matched).to.equal(0);
    expect(flatten(model, 'folder', none, nothing).rows).to.have.length(0);
    expect(filterModel(model, '').matched).to.equal(7);
  });

  it('sorts flat by name with `name`, ignoring folders', () => {
    const model = buildModel(docs, new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare);
    const { rows, pos, size } = flatten(model, 'name', none, filterModel(model, 'x'));
    expect(labels(rows)).to.deep.equal(['a.xlsx', 'b.xlsx', 'NDA.docx', 'readme.txt']);
    expect(pos).to.deep.equal([1, 2, 3, 4]);
    expect(size).to.deep.equal([4, 4, 4, 4]);
  });

  it('keeps names exactly as given and keys unique for repeated or missing ids', () => {
    const hostile = [
      doc('x', '/<img src=x onerror=alert(1)>', '<b>bold</b>.pdf'),
      doc('x', '/<img src=x onerror=alert(1)>', '  spaced  .pdf'),
      { path: null, filename: null, url: null, recipients: null },
      null,
      'not a document',
    ];
    const model = buildModel(hostile as unknown[]);
    const { rows } = flatten(model, 'folder', none);
    expect(labels(rows)).to.deep.equal(['<img src=x onerror=alert(1)>/', '  spaced  .pdf', '<b>bold</b>.pdf', '']);
    expect(new Set(rows.map((r) => r.key)).size).to.equal(rows.length);
  });

  it('makes the search keys in slices when asked to yield; the filter makes any still missing', () => {
    const many = Array.from({ length: 1500 }, (_, i) => doc(`m${i}`, `/Box ${i % 3}`, `File ${i}.pdf`));
    const model = buildModel(many);
    let asked = 0;
    const first = searchKeys(model, 0, () => ++asked > 1);
    expect(first).to.have.length(1024);
    expect(first[3]).to.equal('/box 0/file 3.pdf');
    expect(searchKeys(model, 1024)).to.have.length(476);
    const query = 'box 2/file 14';
    const expected = many.filter((d) => `${d.path}/${d.filename}`.toLowerCase().includes(query)).length;
    expect(expected).to.be.greaterThan(10);
    expect(filterModel(model, query, first.slice(0, 512)).matched).to.equal(expected);
    expect(filterModel(model, query, [...first, ...searchKeys(model, 1024)]).matched).to.equal(expected);
  });

  it('sorts long shuffled folders exactly as the collator does', () => {
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const parts = [
      'Report',
      'report',
      'Résumé',
      'resume',
      'Ärger',
      'zebra',
      'Z',
      '_draft',
      '(copy)',
      '#1',
      'Q4 – 2020',
    ];
    // Seeded shuffle, so a failure can be replayed.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const names = Array.from({ length: 600 }, (_, i) => {
      const base = parts[i % parts.length]!;
      return `${base} ${Math.floor(random() * 200)}${i % 3 ? '.pdf' : ` v${i % 17}.docx`}`;
    });
    for (let i = names.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [names[i], names[j]] = [names[j]!, names[i]!];
    }
    const model = buildModel(
      names.map((name, i) => doc(`s${i}`, '/Mixed', name)),
      collator.compare,
    );
    const sorted = flatten(model, 'folder', none)
      .rows.slice(1)
      .map((r) => r.name);
    expect([...sorted].sort()).to.deep.equal([...names].sort());
    for (let i = 1; i < sorted.length; i++) {
      expect(collator.compare(sorted[i - 1]!, sorted[i]!), `${sorted[i - 1]} before ${sorted[i]}`).to.be.at.most(0);
    }
    // Where no two names tie, the order is the collator's own, to the letter.
    const kept = new Set<string>();
    let last: string | undefined;
    for (const name of [...names].sort(collator.compare)) {
      if (last === undefined || collator.compare(last, name) !== 0) kept.add((last = name));
    }
    const distinct = [...new Set(names)].filter((name) => kept.has(name));
    expect(distinct.length).to.be.greaterThan(400);
    const unique = buildModel(
      distinct.map((name, i) => doc(`u${i}`, '/Unique', name)),
      collator.compare,
    );
    expect(
      flatten(unique, 'folder', none)
        .rows.slice(1)
        .map((r) => r.name),
    ).to.deep.equal([...distinct].sort(collator.compare));
  });

  it('finds every folder and document row by its key, repeated ids included', () => {
    const model = buildModel([...docs, doc('2', '/Finance', 'Budget copy.pdf')]);
    const { rows } = flatten(model, 'folder', none);
    expect(rows).to.have.length(11);
    for (const row of rows) expect(rowByKey(model, row.key)).to.equal(row);
    expect(rowByKey(model, 'd2#7')?.name).to.equal('Budget copy.pdf');
    expect(rowByKey(model, 'dnope')).to.equal(undefined);
  });

  it('folds absurdly deep paths into the last level', () => {
    const segments = pathSegments('/a'.repeat(1000));
    expect(segments).to.have.length(MAX_DEPTH);
    expect(segments[MAX_DEPTH - 1]).to.equal(
      Array(1000 - MAX_DEPTH + 1)
        .fill('a')
        .join('/'),
    );
    const model = buildModel([doc('1', '/a'.repeat(1000), 'deep.pdf')]);
    expect(flatten(model, 'folder', none).rows).to.have.length(MAX_DEPTH + 1);
  });

  it('reads the type from the extension', () => {
    expect(fileType('2017 - 2020 Balance Sheet.xlsx')).to.equal('XLSX');
    expect(fileType('scan.PDF')).to.equal('PDF');
    expect(fileType('README')).to.equal('');
    expect(fileType('.env')).to.equal('');
    expect(fileType('trailing.')).to.equal('');
    expect(fileType('notes.this is not an ext')).to.equal('');
  });

  it('normalizes recipients in several shapes', () => {
    expect(
      normalizeRecipient({ name: 'Ann', email: 'ann@x.test', status: 'pending', sign_url: 'https://s/1' }),
    ).to.deep.equal({
      name: 'Ann',
      email: 'ann@x.test',
      status: 'pending',
      sign_url: 'https://s/1',
    });
    expect(normalizeRecipient({ first_name: 'Bo', last_name: 'Li', email: 'bo@x.test', signed: true })).to.deep.equal({
      name: 'Bo Li',
      email: 'bo@x.test',
      status: 'signed',
      sign_url: null,
    });
    expect(normalizeRecipient({ email: 'cy@x.test', signing_url: 'https://s/2', signed: false })).to.deep.equal({
      name: 'cy@x.test',
      email: 'cy@x.test',
      status: 'pending',
      sign_url: 'https://s/2',
    });
    expect(normalizeRecipient('dee@x.test')).to.deep.equal({
      name: 'dee@x.test',
      email: 'dee@x.test',
      status: 'pending',
      sign_url: null,
    });
    expect(normalizeRecipient(42)).to.equal(undefined);
    expect(normalizeRecipient({ fullName: 'Fay', signUrl: 'https://s/3', signedAt: '2025-01-01' })).to.deep.equal({
      name: 'Fay',
      email: null,
      status: 'signed',
      sign_url: 'https://s/3',
    });
    expect(recipientsOf(doc('1', '', 'a', [null, { name: 'E' }, '']))).to.have.length(1);
    expect(recipientsOf({ recipients: 'nope' } as unknown as PaperOSDocument)).to.deep.equal([]);
  });
});
