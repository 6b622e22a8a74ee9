// The locale formatting the elements share; it needs no DOM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, formatDateTime } from '../../../src/elements/base/format.js';

describe('formatCount', () => {
  it('groups digits the way each locale does, also on later calls', () => {
    assert.equal(formatCount(10_000, 'en'), '10,000');
    assert.equal(formatCount(10_000, 'de'), '10.000');
    assert.equal(formatCount(1_234_567, 'en'), '1,234,567');
    assert.equal(formatCount(1_234_567, 'de'), '1.234.567');
    assert.equal(formatCount(0, 'en'), '0');
  });

  it('falls back to plain digits for a locale tag the platform refuses', () => {
    assert.equal(formatCount(10_000, 'not a locale!'), '10000');
    assert.equal(formatCount(10_000, 'not a locale!'), '10000');
    assert.equal(formatCount(5, 'en'), '5');
  });
});

describe('formatDateTime', () => {
  it('shows unparsable input as it came, and nothing for none', () => {
    assert.equal(formatDateTime('not a date', 'en'), 'not a date');
    assert.equal(formatDateTime('', 'en'), '');
    assert.equal(formatDateTime(undefined, 'en'), '');
  });
});
