// The web console and Word task pane: sign in, choose a guideline set, submit, follow the job, show the report.
// One app for two hosts: the adapter (adapters/) reads the article and shows findings in Word or in the page.
import { HubApi, awaitReport, progressText } from './api.js';
import { compareFindings } from './changes.js';
import { flattenFindings, gtcLink, isReplacement, orderedGuidelines, segments, shiftAfterEdit } from './findings.js';
import { renderArticle } from './article.js';
import { createBrowserAdapter } from './adapters/browser-adapter.js';
import { languageLine, languageSummary, reportWarnings } from './warnings.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SEVERITY = {
  error: { icon: '■', label: 'Error' },
  warning: { icon: '▲', label: 'Warning' },
  info: { icon: '●', label: 'Info' },
};
const VERDICT_ICON = { PASS: '✔', FAIL: '✖', WARN: '⚠', NOT_APPLICABLE: '–', NOT_EVALUATED: '?', ERROR: '!' };

const $ = (id) => document.getElementById(id);
const api = new HubApi({ token: sessionStorage.getItem('hub.token') });
const state = { adapter: null, text: '', format: 'plain', report: null, findings: [], previous: null, current: null };

/** Element helper: el('p', {class: 'x'}, 'text', child). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** Inside Office (the manifest's URL carries ?host=office, Office adds _host_Info) Office.js is loaded; never else. */
async function pickAdapter() {
  const params = new URLSearchParams(location.search);
  if (params.get('host') === 'office' || params.has('_host_Info')) {
    try {
      await new Promise((resolve, reject) => {
        const script = el('script', { src: OFFICE_JS });
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
      const info = await globalThis.Office.onReady();
      if (info.host === globalThis.Office.HostType.Word) {
        const { createWordAdapter } = await import('./adapters/word-adapter.js');
        return createWordAdapter({ Word: globalThis.Word, Office: globalThis.Office });
      }
    } catch (e) {
      console.warn('Office.js is not available; using the browser adapter', e);
    }
  }
  return createBrowserAdapter({ textarea: $('article'), format: $('format'), title: $('title') });
}

function showError(e) {
  $('error').textContent = e ? (e.message || String(e)) : '';
}

async function signedIn(token, how) {
  api.token = token;
  try {
    const sets = await api.guidelineSets();
    sessionStorage.setItem('hub.token', token);
    const select = $('guideline-set');
    // The empty value sends no guidelineSet: the hub chooses the set by the article's language.
    select.replaceChildren(el('option', { value: '' }, 'Automatic: the set for the article\'s language'),
        ...sets.map((s) => el('option', { value: s.id },
            `${s.title || s.id} (${s.id} ${s.version}, ${s.guidelines} guidelines${s.language ? `, ${s.language}` : ''})`)));
    $('signin-status').textContent = `Signed in (${how}).`;
    showError(null);
  } catch (e) {
    api.token = null;
    sessionStorage.removeItem('hub.token');
    $('signin-status').textContent = `Not signed in: ${e.message}`;
  }
}

/** The highlight of a piece of the article covered by the findings ids; a click shows the first finding. */
function highlight(ids, piece) {
  const byId = new Map(state.findings.map((f) => [f.id, f]));
  const worst = ids.map((id) => byId.get(id).severity).sort((a, b) =>
      Object.keys(SEVERITY).indexOf(a) - Object.keys(SEVERITY).indexOf(b))[0];
  const mark = el('mark', { 'data-findings': ids.join(' '), class: `severity-${worst}`, tabindex: '-1',
    title: ids.map((id) => `${SEVERITY[byId.get(id).severity]?.label}: ${byId.get(id).message}`).join('\n') },
  piece);
  mark.addEventListener('click', () => focusFinding(ids[0]));
  return mark;
}

/** The checked text as the writer sees it: markdown and HTML rendered, plain text as it is; findings highlighted. */
function renderDocument() {
  const view = $('document-view');
  const rendered = state.format === 'markdown' || state.format === 'html';
  view.classList.toggle('rendered', rendered);
  view.dataset.format = state.format ?? 'plain';
  if (rendered) {
    view.replaceChildren(renderArticle(document, state.text, state.format, state.findings, highlight));
    return;
  }
  view.replaceChildren(...segments(state.text, state.findings).map(({ start, end, ids }) => {
    const piece = state.text.slice(start, end);
    return ids.length ? highlight(ids, piece) : document.createTextNode(piece);
  }));
}

function focusFinding(id) {
  const item = document.querySelector(`[data-finding="${id}"] .finding-jump`);
  item?.scrollIntoView({ block: 'center' });
  item?.focus();
}

async function reveal(finding) {
  document.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'));
  document.querySelectorAll(`[data-findings~="${finding.id}"]`).forEach((m) => m.classList.add('current'));
  await state.adapter.reveal(state.text, finding);
}

async function applySuggestion(finding) {
  try {
    const before = state.text;
    state.text = await state.adapter.applySuggestion(before, finding);
    state.findings = shiftAfterEdit(state.findings, finding, finding.suggestion.length);
    renderDocument();
    const item = document.querySelector(`[data-finding="${finding.id}"]`);
    item?.classList.add('applied');
    item?.querySelector('.apply')?.setAttribute('disabled', '');
    item?.querySelector('.finding-status')?.replaceChildren('Applied: re-check to confirm.');
    $('submit').focus();
  } catch (e) {
    showError(e);
  }
}

function renderFinding(f) {
  const parts = [
    // Article-level findings (nothing to highlight) stay focusable: aria-disabled, not disabled.
    el('button', { type: 'button', class: 'finding-jump', 'aria-disabled': f.located ? null : 'true',
      'aria-label': `${SEVERITY[f.severity]?.label}: ${f.message}${f.quote ? ` Quote: ${f.quote}` : ''}`
        + (f.located ? '' : ' (not located in the text)') },
    el('span', { 'aria-hidden': 'true' }, `${SEVERITY[f.severity]?.icon ?? ''} `),
    f.message, f.quote ? el('span', {}, ' — ', el('q', {}, f.quote)) : null),
  ];
  if (f.reused) parts.push(el('span', { class: 'reused' }, ' (reused from the last check)'));
  if (f.needsReview) parts.push(el('span', { class: 'needs-review' }, ' (needs review: the rules cannot tell alone)'));
  if (f.overruled) {
    parts.push(el('p', { class: 'overruled' }, 'Overruled by the model: ', f.overruledReason ?? 'no reason given'));
  }
  if (f.suggestion) {
    parts.push(el('p', { class: 'suggestion' }, 'Suggestion: ', f.suggestion));
    if (isReplacement(f)) {
      parts.push(el('button', { type: 'button', class: 'apply',
        'aria-label': `Apply suggestion: replace “${f.quote}” with “${f.suggestion}”` }, 'Apply suggestion'));
    }
  }
  if (f.link) parts.push(el('a', { href: f.link, target: '_blank', rel: 'noopener' }, 'About this rule'));
  parts.push(el('span', { class: 'finding-status', role: 'status' }));
  const item = el('li', { class: 'finding', 'data-finding': f.id }, ...parts);
  if (f.located) item.querySelector('.finding-jump').addEventListener('click', () => reveal(f));
  item.querySelector('.apply')?.addEventListener('click', () => applySuggestion(f));
  return item;
}

function renderGuidelines(report) {
  const findings = new Map();
  for (const f of state.findings) findings.set(f.guidelineId, [...(findings.get(f.guidelineId) ?? []), f]);
  $('guidelines').replaceChildren(...orderedGuidelines(report).map((g) => {
    const sev = SEVERITY[g.severity] ?? SEVERITY.info;
    const list = findings.get(g.guidelineId) ?? [];
    return el('section', { class: `guideline verdict-${g.verdict}`, 'data-guideline': g.guidelineId },
      el('h4', {},
        el('span', { class: `badge verdict` }, `${VERDICT_ICON[g.verdict] ?? ''} ${g.verdict}`),
        el('span', { class: `badge severity severity-${g.severity}` },
          el('span', { 'aria-hidden': 'true' }, `${sev.icon} `), sev.label),
        g.title ?? g.guidelineId,
        g.reused ? el('span', { class: 'reused' }, ' (reused)') : null,
        g.needsReview ? el('span', { class: 'needs-review' }, ' (needs review)') : null),
      g.reason || g.rationale ? el('p', {}, g.reason || g.rationale) : null,
      list.length ? el('ul', {}, ...list.map(renderFinding)) : null);
  }));
}

function renderGtc(report) {
  const gtc = report.gtc ?? {};
  const items = (gtc.findings ?? []).map((f) => {
    const link = gtcLink(f, gtc.documents);
    const where = `${f.gtcId ?? ''}${f.version ? ` v${f.version}` : ''}${f.page ? `, page ${f.page}` : ''}`
        + `${f.section ? `, ${f.section}` : ''}`;
    return el('li', { class: `gtc-finding verdict-${f.verdict}` }, `${f.verdict}: `,
      f.quote ? el('q', {}, f.quote) : null, ` ${f.explanation ?? ''} `,
      link ? el('a', { href: link, target: '_blank', rel: 'noopener' }, where) : where);
  });
  $('gtc').hidden = !items.length && !gtc.reason;
  $('gtc-list').replaceChildren(...(items.length ? items : [el('li', {}, `${gtc.status}: ${gtc.reason ?? ''}`)]));
}

function renderChanges(previous, report) {
  const box = $('changes');
  if (!previous) {
    box.hidden = true;
    return;
  }
  const { fixed, added, open } = compareFindings(flattenFindings(previous), state.findings);
  const lines = [
    el('li', { id: 'changes-fixed' }, `${fixed.length} fixed`, fixed.length ? ': ' : '',
      ...fixed.map((f) => el('q', { class: 'fixed' }, f.quote ?? f.message))),
    el('li', { id: 'changes-new' }, `${added.length} new`),
    el('li', { id: 'changes-open' }, `${open.length} still open`),
  ];
  const units = report.changes;
  if (units) {
    lines.push(el('li', {}, `Text units: ${units.unitsUnchanged} unchanged, ${units.unitsChanged} changed, `
        + `${units.unitsAdded} added, ${units.unitsRemoved} removed of ${units.unitsTotal}`));
  }
  const reused = (report.guidelines ?? []).filter((g) => g.reused).length;
  if (report.previousJobId) lines.push(el('li', {}, `${reused} guideline result(s) reused from the last check`));
  if (report.cost?.totalEur !== undefined) {
    lines.push(el('li', {}, `Cost ${report.cost.totalEur} ${report.cost.currency ?? 'EUR'}`
        + (report.cost.savedEur !== undefined ? `, saved ${report.cost.savedEur} by reuse` : '')));
  }
  $('changes-list').replaceChildren(...lines);
  box.hidden = false;
}

/** The warnings banner above the findings: hidden when the report has no warnings. */
function renderWarnings(report) {
  const warnings = reportWarnings(report);
  $('warnings-list').replaceChildren(...warnings.map((w) => el('li', {}, w)));
  $('warnings-language').textContent = languageLine(report.language) ?? '';
  $('warnings').hidden = warnings.length === 0;
}

function renderReport(report, previous) {
  state.report = report;
  state.findings = flattenFindings(report);
  const results = $('results');
  results.dataset.jobId = report.jobId;
  $('score').replaceChildren('Score: ', el('strong', { id: 'score-value' }, String(report.score ?? '–')), ' / 100',
    report.coverage !== undefined
      ? el('span', { id: 'coverage-value', title: 'The share of the guideline set that was judged' },
        ` · ${Math.round(report.coverage * 100)} % of the guidelines judged`)
      : null);
  $('counts').textContent = Object.entries(report.counts ?? {}).filter(([, n]) => n > 0)
      .map(([verdict, n]) => `${n} ${verdict}`).join(' · ');
  $('language').textContent = languageSummary(report.language) ?? '';
  $('partial').textContent = report.partial ? `Partial: ${(report.partialReasons ?? []).join(' ')}` : '';
  renderWarnings(report);
  renderChanges(previous, report);
  renderDocument();
  renderGuidelines(report);
  renderGtc(report);
  results.hidden = false;
}

async function submit(event) {
  event.preventDefault();
  showError(null);
  if (!api.token) {
    showError(new Error('Sign in first: paste a token or use the development login.'));
    $('token').focus();
    return;
  }
  const button = $('submit');
  button.disabled = true;
  try {
    const article = await state.adapter.readArticle();
    if (!article.text.trim()) throw new Error('The article is empty.');
    const previous = state.report;
    // No language: the hub detects it, and the report warns when it does not match the set.
    const accepted = await api.submit({ article, guidelineSet: $('guideline-set').value || undefined,
      previousJobId: previous?.jobId });
    $('progress-box').hidden = false;
    const bar = $('progress-bar');
    const report = await awaitReport(api, accepted.jobId, (status) => {
      $('progress').textContent = progressText(status);
      if (status.progress) {
        bar.max = status.progress.guidelinesTotal;
        bar.value = status.progress.guidelinesDone;
      } else if (status.status === 'COMPLETED') {
        bar.max = 1;
        bar.value = 1;
      }
    });
    state.text = article.text;
    state.format = article.format ?? 'plain';
    renderReport(report, previous);
    button.textContent = 'Re-check';
    $('start-over').hidden = false;
  } catch (e) {
    showError(e);
  } finally {
    button.disabled = false;
  }
}

async function loadSample() {
  try {
    const response = await fetch('/examples/sample-request.json');
    const sample = await response.json();
    $('article').value = sample.article.text;
    $('title').value = sample.article.title;
    $('format').value = sample.article.format;
  } catch (e) {
    showError(e);
  }
}

async function start() {
  state.adapter = await pickAdapter();
  const word = state.adapter.kind === 'word';
  $('host-kind').textContent = word ? 'Word task pane' : 'Web console';
  document.querySelectorAll('.browser-only').forEach((n) => { n.hidden = word; });
  document.querySelectorAll('.word-only').forEach((n) => { n.hidden = !word; });
  $('sso-login').hidden = !word;
  if (word && !state.adapter.ssoSupported) {
    // Office SSO needs IdentityAPI 1.3; without it the token form (and the development login) sign in.
    $('sso-login').disabled = true;
    $('sso-login').title = 'Single sign-on needs IdentityAPI 1.3, which this Office lacks: paste a token instead.';
    $('signin-status').textContent = 'Single sign-on is not available in this Office: paste a token to sign in.';
  }

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    signedIn($('token').value.trim(), 'token');
  });
  $('dev-login').addEventListener('click', async () => {
    try {
      const token = await new HubApi().devLogin();
      await signedIn(token.accessToken, `development login as ${token.subject}`);
    } catch (e) {
      $('signin-status').textContent = e.status === 404
        ? 'The development login is off on this hub: paste a token instead.' : `Login failed: ${e.message}`;
    }
  });
  $('sso-login').addEventListener('click', async () => {
    try {
      const token = await state.adapter.signIn();
      if (token) await signedIn(token, 'Microsoft Entra ID');
    } catch (e) {
      $('signin-status').textContent = `Single sign-on failed: ${e.message ?? e.code}. Paste a token to sign in instead.`;
    }
  });
  $('check-form').addEventListener('submit', submit);
  $('load-sample').addEventListener('click', loadSample);
  $('start-over').addEventListener('click', () => {
    state.report = null;
    $('results').hidden = true;
    $('start-over').hidden = true;
    $('submit').textContent = 'Check article';
  });
  $('add-comments').addEventListener('click', async () => {
    try {
      const added = await state.adapter.addComments(state.text, state.findings.filter((f) => f.located));
      $('comments-status').textContent = `${added} comment(s) added.`;
    } catch (e) {
      $('comments-status').textContent = `Adding comments failed: ${e.message ?? e.code}`;
    }
  });
  if (api.token) await signedIn(api.token, 'saved token');
  document.body.dataset.ready = 'true';
}

start();
