// The Word task pane end to end in Debian's headless Chromium: the hub's /taskpane?host=office page loads "Office.js"
// as it does inside Word, but the request is answered with the RECORDED Office.js API surface
// (src/test/js/recorded-word-api.mjs), which models Word's requirement sets: the host offers exactly the sets that
// addin/manifest.xml declares, and any call of a member from a newer set is refused (ApiNotFound), recorded and fails
// this test. Word cannot run here; this is the closest stand-in, and it runs the real page, main.js and Word adapter.
// recorded-word-api.mjs is copied beside this file. Environment: HUB_URL, HUB_TOKEN, MANIFEST (addin/manifest.xml), REPORT_DIR,
// CHROMIUM (default /usr/bin/chromium). Exits non-zero with the failed assertion.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { declaredSets } from './recorded-word-api.mjs';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const hubUrl = process.env.HUB_URL;
const token = process.env.HUB_TOKEN;
const reportDir = process.env.REPORT_DIR;
const manifest = readFileSync(process.env.MANIFEST, 'utf8');
const recordedApi = readFileSync(new URL('./recorded-word-api.mjs', import.meta.url), 'utf8');
const log = (...args) => console.log('[word-e2e]', ...args);

// Paragraphs are '\r' in Word's body text. Both "guaranteed returns" are findings of it-rules (suggestion: target
// returns). Quotes over Word's 255-character search limit (head, tail and expandTo, WordApi 1.3) are covered by
// word-adapter.test.mjs against the same recorded surface.
const longSentence = `This plan ${'carefully spreads your savings over many funds and '.repeat(6)}never promises guaranteed returns to anyone.`;
const articleText = `Our fund offers guaranteed returns.\rInvest today.\r${longSentence}`;

/** The recorded API as a classic script that defines the Office and Word globals, like office.js. */
function officeJs(sets, text) {
  return `(() => {\n${recordedApi.replace(/^export /gm, '')}\n`
      + `const doc = new RecordedWordDocument(${JSON.stringify(text)});\n`
      + `globalThis.__recordedDoc = doc;\n`
      + `globalThis.Word = recordedWord(doc, { sets: ${JSON.stringify(sets)} });\n`
      + `globalThis.Office = recordedOffice(doc, { sets: ${JSON.stringify(sets)} });\n})();\n`;
}

async function openTaskPane(context, sets) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'application/javascript',
    body: officeJs(sets, articleText) }));
  await page.goto(`${hubUrl}/taskpane?host=office`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#host-kind'), 'Word task pane');
  return { page, errors };
}

const refused = (page) => page.evaluate(() => globalThis.__recordedDoc.refused);
const doc = (page) => page.evaluate(() => {
  const d = globalThis.__recordedDoc;
  return { text: d.text, comments: d.comments, trackedChanges: d.trackedChanges, selection: d.selection,
    changeTrackingMode: d.changeTrackingMode };
});

const sets = declaredSets(manifest);
log('declared requirement sets', JSON.stringify(sets));
assert.ok(sets.WordApi, 'the manifest declares a WordApi requirement set');

const { context, close } = await launchChromium({ width: 350, height: 900 });
try {
  await context.route('**/*', (route) => (route.request().url().startsWith(hubUrl) ? route.continue() : route.abort()));
  const { page, errors } = await openTaskPane(context, sets);

  // Single sign-on is offered because the host has IdentityAPI 1.3 (declared); a token signs in here.
  assert.equal(await page.isVisible('#sso-login'), true);
  assert.equal(await page.isDisabled('#sso-login'), !sets.IdentityAPI, 'SSO button enabled only with IdentityAPI');
  await page.fill('#token', token);
  await page.click('#use-token');
  await page.waitForFunction(() => document.querySelector('#signin-status').textContent.startsWith('Signed in'));
  await page.selectOption('#guideline-set', 'it-rules');

  // Check the document open in Word: the adapter reads the body through load and sync.
  await page.click('#submit');
  await page.waitForSelector('#results:not([hidden]) .finding-jump', { timeout: 60_000 });
  const findings = await page.$$eval('.finding-jump', (b) => b.length);
  log('findings shown', findings);
  assert.ok(findings >= 2, `at least the two guaranteed returns: ${findings}`);

  // Reveal: Word selects the quote.
  await page.click('.finding-jump >> nth=0');
  await page.waitForFunction(() => globalThis.__recordedDoc.selection !== null);
  let state = await doc(page);
  assert.equal(state.text.slice(...state.selection), 'guaranteed returns');

  // One Word comment per located finding (WordApi 1.4).
  await page.click('#add-comments');
  await page.waitForFunction(() => /comment\(s\) added|failed/.test(document.querySelector('#comments-status').textContent));
  assert.match(await page.textContent('#comments-status'), /^\d+ comment\(s\) added\.$/);
  state = await doc(page);
  assert.equal(state.comments.length, findings);
  assert.ok(state.comments.every((c) => articleText.slice(c.start, c.end).includes('guaranteed returns')));

  // Apply the suggestion as a tracked change (WordApi 1.4's changeTrackingMode).
  await page.click('.apply >> nth=0');
  await page.waitForFunction(() => globalThis.__recordedDoc.trackedChanges.length > 0);
  state = await doc(page);
  assert.equal(state.changeTrackingMode, 'TrackAll');
  assert.deepEqual(state.trackedChanges[0], { type: 'Replace', oldText: 'guaranteed returns', newText: 'target returns',
    start: articleText.indexOf('guaranteed returns') });

  assert.deepEqual(await refused(page), [], 'Word API calls above the declared requirement sets');
  assert.deepEqual(errors, [], 'console and page errors');
  await page.screenshot({ path: join(reportDir, 'word-taskpane.png'), fullPage: true });

  // A Word without IdentityAPI 1.3: the SSO button is disabled with its reason, and the token still signs in.
  const withoutSso = { ...sets };
  delete withoutSso.IdentityAPI;
  const older = await openTaskPane(context, withoutSso);
  assert.equal(await older.page.isDisabled('#sso-login'), true);
  assert.match(await older.page.getAttribute('#sso-login', 'title'), /IdentityAPI 1\.3/);
  await older.page.fill('#token', token);
  await older.page.click('#use-token');
  await older.page.waitForFunction(() => document.querySelector('#signin-status').textContent.startsWith('Signed in'));
  assert.deepEqual(await refused(older.page), []);
  log('OK');
} finally {
  await close();
}
