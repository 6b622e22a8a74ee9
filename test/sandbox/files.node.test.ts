// The files behind signed document links, fetched over real HTTP: each one has
// the content type its extension calls for, a body of that type (a PDF whose
// cross-reference table points at its objects, an Office package with its
// parts), and a Content-Disposition that names the document's own filename.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseDisposition } from 'content-disposition';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_ORG_ID, LARGE_ORG_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { documentFile } from '../../src/sandbox/files.js';
import { call } from './helpers.js';

interface Doc {
  filename: string;
  path: string;
  url: string;
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Checks the PDF's structure as a reader walks it: header, xref offsets landing on their objects, trailer. */
function assertPdf(bytes: Uint8Array, title: string): void {
  const text = Buffer.from(bytes).toString('latin1');
  assert.ok(text.startsWith('%PDF-1.'), 'PDF header');
  assert.ok(text.trimEnd().endsWith('%%EOF'), 'PDF end marker');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)?.[1]);
  assert.ok(text.startsWith('xref\n', startxref), 'startxref points at the xref table');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
  const entries = text
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  entries.slice(1).forEach((entry, i) => {
    const offset = Number(entry.slice(0, 10));
    assert.ok(text.startsWith(`${Number(first) + i + 1} 0 obj`, offset), `object ${i + 1} at ${offset}`);
  });
  const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
  const streamStart = text.indexOf('stream\n') + 'stream\n'.length;
  assert.equal(text.slice(streamStart + length), text.slice(text.indexOf('\nendstream')), 'stream /Length is exact');
  assert.match(text, /\/Root 1 0 R/);
  assert.ok(text.includes(`(${title.replace(/[\\()]/g, '\\$&')})`), 'the page names the document');
}

function assertOffice(bytes: Uint8Array, main: string, title: string): void {
  const parts = unzipSync(bytes);
  assert.ok(parts['[Content_Types].xml'], 'content types part');
  assert.match(strFromU8(parts['_rels/.rels']), new RegExp(`Target="${main}"`));
  const types = strFromU8(parts['[Content_Types].xml']);
  for (const name of Object.keys(parts).filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml'))
    assert.ok(types.includes(`PartName="/${name}"`), `${name} has a content type`);
  const body = Object.values(parts)
    .map((part) => strFromU8(part))
    .join('\n');
  assert.ok(body.includes(title.replace(/&/g, '&amp;')), 'the document names itself');
}

describe('document files', () => {
  let sandbox: RunningSandbox;

  before(async () => {
    sandbox = await startSandbox({ port: 0, documents: 10 });
  });
  after(async () => sandbox?.close());

  for (const org of [DEMO_ORG_ID, LARGE_ORG_ID]) {
    it(`every document of ${org} downloads with its type, body and filename`, async () => {
      const token = await sandbox.mintAccessToken({ orgId: org });
      const docs: Doc[] = (await call(sandbox.url, 'GET', `/api/v1/orgs/${org}/documents`, { token })).body.documents;
      const seen = new Set<string>();
      for (const doc of docs) {
        const ext = doc.filename.slice(doc.filename.lastIndexOf('.') + 1);
        seen.add(ext);
        const response = await fetch(doc.url);
        assert.equal(response.status, 200, doc.filename);
        assert.equal(response.headers.get('content-type'), TYPES[ext], doc.filename);
        const disposition = parseDisposition(response.headers.get('content-disposition')!);
        assert.equal(disposition.type, 'attachment');
        assert.equal(disposition.parameters.filename, doc.filename);
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (ext === 'pdf') assertPdf(bytes, doc.filename);
        else assertOffice(bytes, ext === 'docx' ? 'word/document.xml' : 'xl/workbook.xml', doc.filename);
      }
      assert.deepEqual([...seen].sort(), ['docx', 'pdf', 'xlsx'], 'the seed has each kind');
    });
  }

  it('a name outside ASCII, with quotes or markup, survives in the header and the body', () => {
    const name = 'Zusage "Müller" <Entwurf> & (v2).docx';
    const file = documentFile('/Verträge', name);
    const header = file.headers['content-disposition'];
    assert.doesNotThrow(() => new Headers({ 'content-disposition': header }));
    assert.match(
      header,
      /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/,
      'an ASCII fallback and the UTF-8 name',
    );
    assert.equal(parseDisposition(header).parameters.filename, name);
    const documentXml = strFromU8(unzipSync(file.body)['word/document.xml']);
    assert.ok(documentXml.includes('Zusage &quot;Müller&quot; &lt;Entwurf&gt; &amp; (v2).docx'), documentXml);
    assertPdf(documentFile('/', 'Plan (final) \\ draft.pdf').body, 'Plan (final) \\ draft.pdf');
  });

  it('an unknown extension is served as octet-stream under its own name, never with a .txt added', () => {
    const file = documentFile('/', 'Scan 0001.tiff');
    assert.equal(file.headers['content-type'], 'application/octet-stream');
    assert.equal(parseDisposition(file.headers['content-disposition']).parameters.filename, 'Scan 0001.tiff');
  });
});
