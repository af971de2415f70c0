// The Word adapter against a RECORDED FAKE of the Word API (recorded-word-api.mjs): Word cannot run here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWordAdapter, head, matchIndex, tail, wordSearchText } from '../../main/resources/static/app/adapters/word-adapter.js';
import { readFileSync } from 'node:fs';
import { RecordedWordDocument, declaredSets, recordedWord } from './recorded-word-api.mjs';

/** The Word the adapter is tested in offers exactly the requirement sets the manifest declares. */
const DECLARED = declaredSets(readFileSync(new URL('../../../addin/manifest.xml', import.meta.url), 'utf8'));

function adapterFor(text, office = {}, sets = DECLARED) {
  const doc = new RecordedWordDocument(text);
  return { doc, adapter: createWordAdapter({ Word: recordedWord(doc, { sets }), Office: office }) };
}

function finding(text, quote, occurrence = 0, extra = {}) {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(quote, offset + 1);
  return { id: `f${occurrence}`, quote, offset, length: quote.length, message: 'm', guidelineId: 'g', ...extra };
}

test('reads the body text through load and sync', async () => {
  const { adapter } = adapterFor('Save with us.\rIt is the best plan.');
  const article = await adapter.readArticle();
  assert.equal(article.text, 'Save with us.\rIt is the best plan.');
  assert.equal(article.format, 'plain');
});

test('a repeated quote: the offset picks the matching occurrence', async () => {
  const text = 'The best plan. Truly the best plan. Really the best plan.';
  const { doc, adapter } = adapterFor(text);
  for (const n of [0, 1, 2]) {
    const f = finding(text, 'best plan', n);
    assert.equal(await adapter.reveal(text, f), true);
    assert.deepEqual(doc.selection, [f.offset, f.offset + f.length], `occurrence ${n}`);
  }
});

test('search is case-sensitive, so "Best" earlier in the text does not count as a match of "best"', async () => {
  const text = 'Best of all: the best rate, the best plan.';
  const { doc, adapter } = adapterFor(text);
  const f = finding(text, 'best', 1);
  await adapter.reveal(text, f);
  assert.deepEqual(doc.selection, [f.offset, f.offset + 4]);
  assert.equal(text.slice(...doc.selection), 'best');
});

test('an emoji before the quote: offsets are UTF-16 code units, as Word and JavaScript count them', async () => {
  const text = 'FutureNest 🚀👋 guaranteed returns 🚀 and guaranteed returns again.';
  const { doc, adapter } = adapterFor(text);
  const f = finding(text, 'guaranteed returns', 1);
  await adapter.reveal(text, f);
  assert.equal(text.slice(...doc.selection), 'guaranteed returns');
  assert.equal(doc.selection[0], text.lastIndexOf('guaranteed returns'));
});

test('quotes longer than Word\'s 255-character search limit are found by their head and tail', async () => {
  const long = `Start ${'lorem ipsum dolor '.repeat(20)}🚀 end of the long claim.`;
  assert.ok(long.length > 255);
  const text = `Intro. ${long} Middle. ${long} Outro.`;
  const { doc, adapter } = adapterFor(text);
  const second = finding(text, long, 1);
  assert.equal(await adapter.reveal(text, second), true);
  assert.deepEqual(doc.selection, [second.offset, second.offset + long.length]);
  const first = finding(text, long, 0);
  await adapter.reveal(text, first);
  assert.deepEqual(doc.selection, [first.offset, first.offset + long.length]);
});

// The fake throws SearchStringInvalidOrTooLong and PropertyNotLoaded as Word does, so every adapter test here would
// fail on a search over 255 characters or a property read before sync; this one checks the searches themselves.
test('the adapter never asks Word to search for more than 255 characters, however long the quote', async () => {
  const long = `Start ${'lorem ipsum dolor '.repeat(40)} end.`;
  const text = `Intro. ${long} Outro.`;
  const { doc, adapter } = adapterFor(text);
  assert.equal(await adapter.reveal(text, finding(text, long, 0)), true);
  assert.ok(doc.searches.length >= 2, 'head and tail searched');
  assert.ok(doc.searches.every((s) => s.length <= 255), `search lengths ${doc.searches.map((s) => s.length)}`);
});

test('quotes with Word\'s escape character and paragraph breaks are escaped', async () => {
  assert.equal(wordSearchText('2^3 is\r\neight\n'), '2^^3 is^peight^p');
  const text = 'Growth of 2^3 per cent.\rNext paragraph.';
  const { doc, adapter } = adapterFor(text);
  const f = finding(text, 'cent.\rNext', 0);
  await adapter.reveal(text, f);
  assert.equal(text.slice(...doc.selection), 'cent.\rNext');
  const g = finding(text, '2^3', 0);
  await adapter.reveal(text, g);
  assert.equal(text.slice(...doc.selection), '2^3');
});

test('one comment per located finding, on the quoted text; a vanished quote gets none', async () => {
  const text = 'The best plan, the best rate.';
  const { doc, adapter } = adapterFor(text);
  const added = await adapter.addComments(text, [
    finding(text, 'best', 1, { message: 'Unqualified superlative.', suggestion: 'Describe the advantage.' }),
    finding(text, 'best', 0, { message: 'Unqualified superlative.' }),
    { id: 'x', quote: 'no longer there', offset: 3, length: 15, message: 'gone' },
  ]);
  assert.equal(added, 2);
  assert.deepEqual(doc.comments.map((c) => [c.start, c.end]), [[19, 23], [4, 8]]);
  assert.match(doc.comments[0].text, /Unqualified superlative\.\nSuggestion: Describe the advantage\./);
});

test('applying a suggestion replaces the quote as a tracked change and answers the new text', async () => {
  const text = 'Says our chairman, and our chairman again.';
  const { doc, adapter } = adapterFor(text);
  const f = finding(text, 'chairman', 1, { suggestion: 'chair' });
  const updated = await adapter.applySuggestion(text, f);
  assert.equal(updated, 'Says our chairman, and our chair again.');
  assert.equal(doc.changeTrackingMode, 'TrackAll');
  assert.deepEqual(doc.trackedChanges, [{ type: 'Replace', oldText: 'chairman', newText: 'chair', start: 27 }]);
});

test('head and tail never split a surrogate pair', () => {
  const text = `${'a'.repeat(254)}🚀${'b'.repeat(10)}`;
  assert.equal(head(text), 'a'.repeat(254));
  const end = `${'b'.repeat(10)}🚀${'a'.repeat(254)}`;
  assert.equal(tail(end), 'a'.repeat(254));
});

test('matchIndex counts non-overlapping occurrences before the offset', () => {
  assert.equal(matchIndex('aa aa aa', 'aa', 6), 2);
  assert.equal(matchIndex('aaaa', 'aa', 1), 0);
  assert.equal(matchIndex('x best y best', 'best', 9), 1);
});

test('single sign-on asks Office for an access token only where Office has IdentityAPI 1.3', async () => {
  const calls = [];
  const office = (identityApi) => ({
    context: { requirements: { isSetSupported: (name, version) => name === 'IdentityAPI' && version === '1.3' && identityApi } },
    auth: { getAccessToken: async (options) => { calls.push(options); return 'sso-token'; } },
  });
  const { adapter } = adapterFor('', office(true));
  assert.equal(adapter.ssoSupported, true);
  assert.equal(await adapter.signIn(), 'sso-token');
  assert.equal(calls[0].allowSignInPrompt, true);
  // Office.js defines getAccessToken everywhere: without IdentityAPI 1.3 there is no SSO, and no call.
  const without = adapterFor('', office(false)).adapter;
  assert.equal(without.ssoSupported, false);
  assert.equal(await without.signIn(), null);
  assert.equal(calls.length, 1);
  assert.equal(await adapterFor('').adapter.signIn(), null);
});

test('the recorded Word refuses members above the requirement sets it offers, as Word does', async () => {
  assert.equal(DECLARED.WordApi, '1.4');
  assert.equal(DECLARED.IdentityAPI, '1.3');
  const text = 'The best plan, the best rate.';
  const older = adapterFor(text, {}, { WordApi: '1.3' });
  await assert.rejects(older.adapter.addComments(text, [finding(text, 'best', 0)]), /ApiNotFound: Range.insertComment/);
  await assert.rejects(older.adapter.applySuggestion(text, finding(text, 'best', 0, { suggestion: 'a good' })),
    /ApiNotFound: Document.changeTrackingMode/);
  assert.equal(older.doc.refused.length, 2);
  const long = `Start ${'lorem ipsum dolor '.repeat(20)} end.`;
  const oldest = adapterFor(long, {}, { WordApi: '1.1' });
  await assert.rejects(oldest.adapter.reveal(long, finding(long, long, 0)), /ApiNotFound: Body.getRange/);
});
