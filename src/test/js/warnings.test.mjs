import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageLine, languageSummary, reportWarnings } from '../../main/resources/static/app/warnings.js';

const mismatch = {
  language: { declared: null, detected: 'en', confidence: 1.0, set: 'de', mismatch: true },
  warnings: ['The article is in English (en) (detected) but the guideline set is written for German (de).', ' '],
};

test('the banner lists the report\'s warnings in order and leaves blanks out', () => {
  assert.deepEqual(reportWarnings(mismatch), [mismatch.warnings[0]]);
  assert.deepEqual(reportWarnings({ warnings: [] }), []);
  assert.deepEqual(reportWarnings({}), [], 'a report stored before warnings existed has none');
  assert.deepEqual(reportWarnings(null), []);
});

test('the language line says what was declared, detected and expected, only on a mismatch', () => {
  assert.equal(languageLine(mismatch.language), 'Article language: en (detected, confidence 1), guideline set: de');
  assert.equal(languageLine({ declared: 'en', detected: 'de', confidence: 0.99, set: 'en', mismatch: true }),
      'Article language: en (declared; reads as de), guideline set: en');
  assert.equal(languageLine({ declared: 'de-CH', detected: 'de', confidence: 1, set: 'de', mismatch: false }), null);
  assert.equal(languageLine(undefined), null);
});

test('the language summary under the score: declared or detected, the set, and a mismatch said', () => {
  assert.equal(languageSummary({ declared: 'en', detected: 'en', set: 'en', mismatch: false }),
      'Language: en (declared) · guideline set: en');
  assert.equal(languageSummary(mismatch.language), 'Language: en (detected) · guideline set: de (mismatch)');
  assert.equal(languageSummary({}), null);
  assert.equal(languageSummary(undefined), null);
});
