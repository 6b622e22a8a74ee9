import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import { DocumentSchema, normalizeDocument, parseDocuments } from '../../src/client/documents.js';
import type { Logger } from '../../src/client/types.js';

/** A logger that keeps what it was told. */
function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (message) => void lines.push(message) };
}

/** What parseDocuments must equal: every item through valibot, then normalizeDocument. */
function throughValibot(items: unknown[]): unknown[] {
  const logger = recorder();
  return items.flatMap((item) => {
    const result = v.safeParse(DocumentSchema, item);
    return result.success ? [normalizeDocument(result.output, logger)] : [];
  });
}

/** Each case as JSON, as it comes off the network: parsed afresh for every use. */
const cases: Record<string, string> = {
  'the API documentation’s shape':
    '{"path":"/Archived","filename":"a.xlsx","recipients":[],"url":"https://paperos.test/d/1","pub_id":"doc_1"}',
  'no path': '{"pub_id":"doc_2","filename":"b.pdf","url":"https://paperos.test/d/2"}',
  'an empty path and null recipients': '{"pub_id":"doc_3","path":"","filename":"c","url":"u","recipients":null}',
  'extra keys': '{"pub_id":"doc_4","filename":"d","url":"u","size":12,"meta":{"x":[1,2]},"recipients":[]}',
  'recipients in several shapes':
    '{"pub_id":"doc_5","filename":"e","url":"u","recipients":["ann@x.test",{"first_name":"Bo","last_name":"Li","signed":true}]}',
  'keys valibot never copies':
    '{"pub_id":"doc_6","filename":"f","url":"u","__proto__":{"polluted":true},"constructor":1,"prototype":2}',
};

describe('parseDocuments', () => {
  for (const [name, json] of Object.entries(cases)) {
    it(`normalizes ${name} exactly as valibot and normalizeDocument do`, () => {
      const logger = recorder();
      const [fast] = parseDocuments([JSON.parse(json)], logger);
      const [slow] = throughValibot([JSON.parse(json)]);
      assert.deepEqual(fast, slow);
      assert.deepEqual(Object.keys(fast!).sort(), Object.keys(slow as object).sort());
      assert.deepEqual(logger.lines, []);
    });
  }

  it('never keeps `__proto__`, `constructor` or `prototype` keys, nor lets them reach a prototype', () => {
    const [doc] = parseDocuments([JSON.parse(cases['keys valibot never copies']!)], recorder());
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      assert.equal(Object.prototype.hasOwnProperty.call(doc, key), false, key);
    }
    assert.equal(Object.getPrototypeOf(doc), Object.prototype);
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });

  it('skips malformed documents with a warning naming their position, and warns about odd recipients', () => {
    const logger = recorder();
    const items = [
      JSON.parse(cases['no path']!),
      { pub_id: 7, filename: 'g', url: 'u' },
      'not a document',
      { pub_id: 'doc_8', filename: 'h', url: 'u', recipients: [{ weird: true }, 'cy@x.test'] },
    ];
    const docs = parseDocuments(items, logger);
    assert.deepEqual(
      docs.map((d) => [d.pub_id, d.recipients.length]),
      [
        ['doc_2', 0],
        ['doc_8', 1],
      ],
    );
    assert.equal(logger.lines.length, 3);
    assert.match(logger.lines[0]!, /malformed document at position 1/);
    assert.match(logger.lines[1]!, /malformed document at position 2/);
    assert.match(logger.lines[2]!, /recipient of unknown shape on document doc_8/);
  });

  it('gives the same result when it reads an already normalized list again (a 304 reuses the body)', () => {
    const body = JSON.parse(`[${Object.values(cases).join(',')}]`) as unknown[];
    const first = structuredClone(parseDocuments(body, recorder()));
    const again = parseDocuments(body, recorder());
    assert.deepEqual(again, first);
  });
});
