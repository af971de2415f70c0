// The web console end to end in Debian's headless Chromium (playwright-core, no downloaded browser), against a
// real hub that WebConsoleBrowserIT started. Environment: HUB_URL, HUB_TOKEN, SAMPLE (the sample request JSON),
// REPORT_DIR (screenshots), CHROMIUM (default /usr/bin/chromium). Exits non-zero with the failed assertion.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const hubUrl = process.env.HUB_URL;
const token = process.env.HUB_TOKEN;
const reportDir = process.env.REPORT_DIR;
const screenshotDir = process.env.SCREENSHOT_DIR ?? reportDir;
const sample = JSON.parse(readFileSync(process.env.SAMPLE, 'utf8'));
const text = sample.article.text;

const log = (...args) => console.log('[console-e2e]', ...args);

async function api(path) {
  const r = await fetch(hubUrl + path, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return r.json();
}

/**
 * What a quote looks like rendered: markdown and HTML markup gone, the entities used here decoded, white space
 * ignored (list items and paragraphs are separate blocks). Independent of the console's renderer on purpose.
 */
function rendered(quote) {
  return quote.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, '')
      .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm, '').replace(/[*_`]/g, '')
      .replace(/&rsquo;/g, '’').replace(/&amp;/g, '&').replace(/\s+/g, '');
}

/** Every located finding's highlight pieces, joined, must be its quote as rendered; answers the number checked. */
async function assertHighlights(page, report, checkedText) {
  let checked = 0;
  for (const [i, f] of flatten(report).entries()) {
    if (!Number.isInteger(f.offset) || f.overruledBy) continue;
    assert.equal(checkedText.slice(f.offset, f.offset + f.length), f.quote, `report offset of ${f.quote}`);
    const shown = await page.$$eval(`#document-view [data-findings~="f${i}"]`, (marks) => marks.map((m) => m.textContent).join(''));
    assert.equal(shown.replace(/\s+/g, ''), rendered(f.quote), `highlight of finding f${i} (${f.guidelineId}): ${f.quote}`);
    checked++;
  }
  return checked;
}

/** No sideways scrolling at the given window width. */
async function assertNoSidewaysScrolling(page, width) {
  await page.setViewportSize({ width, height: 900 });
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `at ${width} px the page is ${scroll} px wide (window ${inner} px)`);
}

/** The document view's text shows no markup. */
async function assertNoRawMarkup(page) {
  const shown = await page.textContent('#document-view');
  for (const raw of ['**', '<i>', '<b>', '&rsquo;', '](', '# ']) {
    assert.ok(!shown.includes(raw), `the rendered article shows "${raw}": ${shown}`);
  }
  return shown;
}

function flatten(report) {
  return report.guidelines.flatMap((g) => (g.findings ?? []).map((f) => ({ ...f, guidelineId: g.guidelineId })));
}

const key = (f) => `${f.guidelineId}|${f.checkId}|${f.quote ?? f.message}`;

const { context, close } = await launchChromium({ width: 1200, height: 900 });
try {
  const external = [];
  const submissions = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith(hubUrl)) {
      external.push(url);
      return route.abort();
    }
    if (route.request().method() === 'POST' && url.endsWith('/api/v1/jobs')) {
      submissions.push(JSON.parse(route.request().postData()));
    }
    return route.continue();
  });
  const page = context.pages()[0] ?? await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await page.goto(`${hubUrl}/`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#host-kind'), 'Web console');

  // Accessibility: every control has an accessible name, and the keyboard reaches the form in order.
  const unnamed = await page.$$eval('button, input, select, textarea', (controls) => controls
      .filter((c) => !c.closest('[hidden]'))
      .filter((c) => !((c.labels && c.labels.length) || c.getAttribute('aria-label')
          || c.getAttribute('aria-labelledby') || (c.tagName === 'BUTTON' && c.textContent.trim())))
      .map((c) => c.outerHTML));
  assert.deepEqual(unnamed, [], 'controls without an accessible name');
  const tabOrder = [];
  await page.focus('body');
  for (let i = 0; i < 20 && !tabOrder.includes('submit'); i++) {
    await page.keyboard.press('Tab');
    tabOrder.push(await page.evaluate(() => document.activeElement.id));
  }
  for (const id of ['token', 'use-token', 'dev-login', 'guideline-set', 'title', 'format', 'load-sample', 'article', 'submit']) {
    assert.ok(tabOrder.includes(id), `Tab reaches #${id}: ${tabOrder.join(' > ')}`);
  }
  assert.ok(tabOrder.indexOf('article') < tabOrder.indexOf('submit'), 'the article comes before submit');

  // Sign in by pasting a token (the keyboard submits the form).
  await page.fill('#token', token);
  await page.focus('#token');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#signin-status').textContent.startsWith('Signed in'));
  await page.selectOption('#guideline-set', 'default');

  // The sample loads from the hub; then the article is pasted, as a user would.
  await page.click('#load-sample');
  await page.waitForFunction((t) => document.querySelector('#article').value === t, text);
  await page.fill('#article', '');
  await page.focus('#article');
  await page.keyboard.insertText(text);
  assert.equal(await page.inputValue('#article'), text);

  // Submit and follow the progress.
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => window.progressSeen.push(document.querySelector('#progress').textContent))
        .observe(document.querySelector('#progress'), { childList: true, characterData: true, subtree: true });
  });
  await page.focus('#submit');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60000 });
  const progressSeen = await page.evaluate(() => window.progressSeen);
  log('progress shown:', JSON.stringify([...new Set(progressSeen)]));
  assert.ok(progressSeen.some((p) => /^Running: \d+ of 10 guidelines done$/.test(p)), 'guidelines done of total shown');
  assert.equal(progressSeen.at(-1), 'Completed');

  const firstJob = await page.getAttribute('#results', 'data-job-id');
  const report = await api(`/api/v1/jobs/${firstJob}/result`);
  assert.equal(await page.textContent('#score-value'), String(report.score));
  assert.deepEqual(report.warnings, [], 'the English sample matches the English set');
  assert.equal(await page.isHidden('#warnings'), true, 'no warnings banner without warnings');
  const findings = flatten(report);
  assert.equal(await page.locator('li.finding').count(), findings.length, 'one list item per finding');
  for (const g of report.guidelines) {
    const section = page.locator(`section[data-guideline="${g.guidelineId}"]`);
    assert.match(await section.locator('h4').textContent(), new RegExp(`${g.verdict}.*(Error|Warning|Info)`),
        `${g.guidelineId}: verdict and severity as text`);
    assert.equal(await section.locator('li.finding').count(), (g.findings ?? []).length, g.guidelineId);
  }
  const located = findings.filter((f) => Number.isInteger(f.offset));
  assert.ok(located.length >= 5, `located findings: ${located.length}`);
  assert.ok(text.indexOf('🚀') < Math.min(...located.map((f) => f.offset)), 'an emoji precedes every finding');
  assert.equal(await assertHighlights(page, report, text), located.length);
  // The markdown sample is rendered: headings, bold, italic, list and link, no markup left.
  assert.equal(await page.getAttribute('#document-view', 'data-format'), 'markdown');
  const sampleShown = await assertNoRawMarkup(page);
  assert.ok(sampleShown.includes('FutureNest 🚀 Savings and Life Cover in One Plan'), sampleShown);
  assert.equal(await page.textContent('#document-view h1'), 'FutureNest 🚀 Savings and Life Cover in One Plan');
  assert.ok(await page.$$eval('#document-view li strong mark', (m) => m.some((x) => x.textContent === 'Guaranteed returns')),
      'the bold "Guaranteed returns" in the list is highlighted');
  assert.ok(await page.$$eval('#document-view em mark', (m) => m.some((x) => x.textContent === 'best')),
      'the italic "best" is highlighted');
  assert.equal(await page.getAttribute('#document-view a', 'href'), 'https://example.com/futurenest');
  assert.match(await page.textContent('#coverage-value'), /\d+ % of the guidelines judged/);
  for (const width of [1280, 350]) {
    await assertNoSidewaysScrolling(page, width);
    await page.screenshot({ path: join(screenshotDir, `console-markdown-${width}.png`), fullPage: true });
  }
  await assertNoSidewaysScrolling(page, 320);
  await page.setViewportSize({ width: 1200, height: 900 });
  assert.ok(findings.some((f) => f.checkId === 'llm'), 'the LLM finding is listed');

  // The keyboard reaches every finding after the form.
  await page.focus('#submit');
  const reached = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement.closest('[data-finding]')?.dataset.finding);
    if (id) reached.add(id);
  }
  assert.deepEqual([...reached].sort(), findings.map((_, i) => `f${i}`).sort(), 'Tab reaches every finding');

  // Clicking a finding scrolls to its highlight and focuses it (the last one, far down the text).
  const lastIndex = findings.reduce((best, f, i) => (Number.isInteger(f.offset)
      && f.offset > (findings[best]?.offset ?? -1) ? i : best), -1);
  await page.click(`li.finding[data-finding="f${lastIndex}"] .finding-jump`);
  const revealed = await page.evaluate((id) => {
    const mark = document.querySelector(`#document-view [data-findings~="${id}"]`);
    const view = document.querySelector('#document-view').getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    return { focused: document.activeElement === mark, current: mark.classList.contains('current'),
      inside: box.top >= view.top && box.bottom <= view.bottom };
  }, `f${lastIndex}`);
  assert.deepEqual(revealed, { focused: true, current: true, inside: true });
  await page.screenshot({ path: join(reportDir, 'console.png'), fullPage: true });

  // Apply the suggestion for "layman's" ("plain"), then re-check. (The chairman is named: no finding.)
  assert.ok(!findings.some((f) => f.quote === 'chairman'), 'a named chairman is no inclusive-language finding');
  const layman = findings.findIndex((f) => f.quote === "layman's");
  assert.ok(layman >= 0, 'the sample has the "layman\'s" finding');
  await page.click(`li.finding[data-finding="f${layman}"] .apply`);
  const edited = text.replace("layman's terms", `${findings[layman].suggestion} terms`);
  assert.equal(await page.inputValue('#article'), edited);
  assert.equal(await page.$$eval(`#document-view [data-findings~="f${layman}"]`, (m) => m.length), 0);
  await page.click('#submit');
  await page.waitForFunction((first) => {
    const id = document.querySelector('#results').dataset.jobId;
    return id && id !== first;
  }, firstJob, { timeout: 60000 });
  const secondJob = await page.getAttribute('#results', 'data-job-id');
  assert.equal(submissions[0].previousJobId, undefined);
  assert.equal(submissions[1].previousJobId, firstJob, 'the re-check names the previous job');
  assert.equal(submissions.length, 2, 'one check and one re-check');
  const second = await api(`/api/v1/jobs/${secondJob}/result`);
  // Incremental re-check: only the edited paragraph is new; the model's jargon finding in the fee paragraph is reused
  // from the first job.
  assert.equal(second.previousJobId, firstJob);
  assert.equal(second.changes.unitsChanged, 1, JSON.stringify(second.changes));
  const jargon = second.guidelines.find((g) => g.guidelineId === 'jargon-explained');
  assert.ok(jargon.findings.length > 0 && jargon.findings.every((f) => f.reused === true), JSON.stringify(jargon));
  assert.match(await page.textContent('#changes-list'), /Text units: \d+ unchanged, 1 changed/);
  assert.match(await page.textContent('#results'), /reused from the last check/);
  const before = findings.map(key).sort();
  const after = flatten(second).map(key).sort();
  assert.ok(!after.some((k) => k.includes("|layman's")), 'the fixed finding is gone');
  assert.deepEqual(after, before.filter((k) => !k.includes("|layman's")), 'every other finding is still there');
  assert.equal(await page.textContent('#changes-fixed'), "1 fixed: layman's");
  assert.equal(await page.textContent('#changes-new'), '0 new');
  assert.equal(await page.textContent('#changes-open'), `${findings.length - 1} still open`);
  assert.equal(await assertHighlights(page, second, edited), located.length - 1);
  await page.screenshot({ path: join(reportDir, 'console-recheck.png'), fullPage: true });

  // An HTML article, checked afresh: rendered (entities decoded, tags gone), highlights on the rendered words.
  await page.click('#start-over');
  const htmlArticle = '<h2>Don&rsquo;t miss out</h2>\n<p>Our <b>best</b> plan offers <i>risk-free</i> growth and '
      + '<strong>guaranteed returns</strong> for savers &amp; families.</p>\n'
      + '<ul><li>You may get back less than you invest.</li></ul>\n<p><a href="javascript:alert(1)">a link</a> '
      + '<script>alert(2)</script></p>';
  await page.selectOption('#format', 'html');
  await page.fill('#article', htmlArticle);
  await page.click('#submit');
  await page.waitForFunction((previous) => {
    const id = document.querySelector('#results').dataset.jobId;
    return id && id !== previous && !document.querySelector('#results').hidden;
  }, secondJob, { timeout: 60000 });
  const htmlJob = await page.getAttribute('#results', 'data-job-id');
  assert.equal(submissions.at(-1).previousJobId, undefined, 'a fresh check after Start over');
  assert.equal(submissions.at(-1).article.format, 'html');
  const htmlReport = await api(`/api/v1/jobs/${htmlJob}/result`);
  assert.equal(await page.getAttribute('#document-view', 'data-format'), 'html');
  const htmlShown = await assertNoRawMarkup(page);
  assert.ok(htmlShown.includes('Don’t miss out') && htmlShown.includes('savers & families'), htmlShown);
  assert.ok(htmlShown.includes('<script>alert(2)</script>'), 'a script is shown as text, never run');
  assert.equal(await page.$$eval('#document-view script, #document-view [onclick], #document-view a[href^="javascript"]',
      (n) => n.length), 0);
  const htmlLocated = flatten(htmlReport).filter((f) => Number.isInteger(f.offset) && !f.overruledBy);
  assert.equal(await assertHighlights(page, htmlReport, htmlArticle), htmlLocated.length);
  const marked = await page.$$eval('#document-view mark', (m) => m.map((x) => x.textContent));
  for (const word of ['best', 'risk-free', 'guaranteed returns']) {
    assert.ok(marked.includes(word), `"${word}" is highlighted: ${JSON.stringify(marked)} (${htmlLocated.length} located)`);
  }
  assert.ok(await page.$$eval('#document-view b mark, #document-view i mark', (m) => m.length >= 2),
      'highlights sit inside the rendered bold and italic');

  // No sideways scrolling in a desktop window nor at the task pane's width; screenshots at 1280 and 350 px.
  await assertNoSidewaysScrolling(page, 1280);
  await page.screenshot({ path: join(screenshotDir, 'console-1280.png'), fullPage: true });
  await assertNoSidewaysScrolling(page, 350);
  await page.screenshot({ path: join(screenshotDir, 'console-350.png'), fullPage: true });
  await assertNoSidewaysScrolling(page, 320);
  const favicon = await fetch(`${hubUrl}/favicon.ico`);
  assert.equal(favicon.status, 200, '/favicon.ico');
  assert.match(favicon.headers.get('content-type') ?? '', /^image\//);

  assert.deepEqual(external, [], 'no request leaves the hub');
  assert.deepEqual(consoleErrors, [], 'no errors in the page');
  log(`OK: score ${report.score} -> ${second.score}, ${findings.length} findings, ${located.length} highlighted; `
      + `re-check ${secondJob} after ${firstJob}`);
} finally {
  await close();
}
