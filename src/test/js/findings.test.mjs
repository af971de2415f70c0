import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenFindings, gtcLink, segments, shiftAfterEdit } from '../../main/resources/static/app/findings.js';
import { compareFindings } from '../../main/resources/static/app/changes.js';
import { awaitReport, progressText } from '../../main/resources/static/app/api.js';

const text = '# Plan 🚀 now\nThe best plan with guaranteed returns of 5%.';
const at = (q) => text.indexOf(q);
const report = {
  guidelines: [
    { guidelineId: 'superlatives', severity: 'warning', verdict: 'WARN',
      findings: [{ checkId: 'term', message: 'Superlative', quote: 'best plan', offset: at('best plan'), length: 9 }] },
    { guidelineId: 'returns', severity: 'error', verdict: 'FAIL',
      findings: [
        { checkId: 'term', message: 'Guarantee', quote: 'guaranteed returns', offset: at('guaranteed'), length: 18 },
        { checkId: 'pattern', message: 'Percentage', quote: 'guaranteed returns of 5%', offset: at('guaranteed'), length: 24 },
        { checkId: 'missing', message: 'No risk warning' },
      ] },
  ],
};

test('segments cover the text exactly, and each finding\'s pieces join to its quote (emoji before them)', () => {
  const findings = flattenFindings(report);
  const pieces = segments(text, findings);
  assert.equal(pieces.map((p) => text.slice(p.start, p.end)).join(''), text);
  for (const f of findings.filter((x) => x.located)) {
    const covered = pieces.filter((p) => p.ids.includes(f.id)).map((p) => text.slice(p.start, p.end)).join('');
    assert.equal(covered, f.quote, f.id);
  }
  assert.equal(findings.find((f) => f.checkId === 'missing').located, false);
});

test('after applying a suggestion, later findings move and overlapping ones lose their place', () => {
  const findings = flattenFindings(report);
  const best = findings[0];
  const shifted = shiftAfterEdit(findings, best, 'plan'.length);
  const newText = text.slice(0, best.offset) + 'plan' + text.slice(best.offset + best.length);
  const guarantee = shifted.find((f) => f.checkId === 'term');
  assert.equal(newText.substr(guarantee.offset, guarantee.length), 'guaranteed returns');
  assert.equal(shifted.some((f) => f.id === best.id), false);
  const overlapping = shiftAfterEdit(findings, findings[1], 3);
  assert.equal(overlapping.find((f) => f.checkId === 'pattern').located, false);
});

test('what changed: fixed, new and still open, with repeated findings counted once each', () => {
  const before = [{ guidelineId: 'g', checkId: 'c', quote: 'best' }, { guidelineId: 'g', checkId: 'c', quote: 'best' },
    { guidelineId: 'h', checkId: 'c', quote: 'chairman' }];
  const after = [{ guidelineId: 'g', checkId: 'c', quote: 'best', offset: 40 }, { guidelineId: 'k', checkId: 'c', quote: 'new' }];
  const { fixed, added, open } = compareFindings(before, after);
  assert.deepEqual(fixed.map((f) => f.quote), ['best', 'chairman']);
  assert.deepEqual(added.map((f) => f.quote), ['new']);
  assert.deepEqual(open.map((f) => f.offset), [40]);
});

test('GTC findings link to the document\'s PDF at their page', () => {
  const documents = [{ id: 'gtc-1', pdfUrl: 'https://gtc.example.com/gtc-1.pdf' }];
  assert.equal(gtcLink({ gtcId: 'gtc-1', page: 4 }, documents), 'https://gtc.example.com/gtc-1.pdf#page=4');
  assert.equal(gtcLink({ gtcId: 'gtc-1' }, documents), 'https://gtc.example.com/gtc-1.pdf');
  assert.equal(gtcLink({ gtcId: 'other', page: 1 }, documents), null);
});

test('progress: queued, running with guidelines done of total, completed', async () => {
  assert.equal(progressText({ status: 'QUEUED' }), 'Queued: waiting for a worker');
  assert.equal(progressText({ status: 'RUNNING', progress: { guidelinesDone: 3, guidelinesTotal: 10 } }),
      'Running: 3 of 10 guidelines done');
  const statuses = [{ status: 'QUEUED' }, { status: 'RUNNING' }, { status: 'COMPLETED' }];
  const seen = [];
  const api = { status: async () => statuses.shift(), result: async () => ({ score: 80 }) };
  const result = await awaitReport(api, 'j', (s) => seen.push(s.status), { sleep: async () => {} });
  assert.deepEqual(seen, ['QUEUED', 'RUNNING', 'COMPLETED']);
  assert.equal(result.score, 80);
  const failing = { status: async () => ({ status: 'FAILED', error: 'boom' }) };
  await assert.rejects(awaitReport(failing, 'j', () => {}, { sleep: async () => {} }), /boom/);
});

test('a re-check names the previous job; a hub that refuses the field gets a fresh check', async () => {
  const { HubApi } = await import('../../main/resources/static/app/api.js');
  const bodies = [];
  const respond = (status, json) => ({ ok: status < 300, status, text: async () => JSON.stringify(json) });
  const old = new HubApi({ fetchImpl: async (url, init) => {
    const body = JSON.parse(init.body);
    bodies.push(body);
    return body.previousJobId
      ? respond(400, { status: 400, detail: "Unknown field 'previousJobId'" })
      : respond(202, { jobId: 'j2' });
  } });
  assert.equal((await old.submit({ article: {}, guidelineSet: 'default', previousJobId: 'j1' })).jobId, 'j2');
  assert.deepEqual(bodies.map((b) => b.previousJobId), ['j1', undefined]);
  const other = new HubApi({ fetchImpl: async () => respond(400, { detail: 'text is empty' }) });
  await assert.rejects(other.submit({ article: {}, guidelineSet: 'd', previousJobId: 'j1' }), /text is empty/);
});

test('only suggestions that read as replacement text can be applied', async () => {
  const { isReplacement } = await import('../../main/resources/static/app/findings.js');
  const located = (quote, suggestion) => ({ quote, suggestion, located: true, offset: 0, length: quote.length });
  assert.equal(isReplacement(located('chairman', 'chair')), true);
  assert.equal(isReplacement(located('the management charge is just 0.5% a year',
      'the management charge is 0.5% a year (see the GTC, section 4)')), true);
  assert.equal(isReplacement(located('The fee is 1.5% a year.', 'The fee is 1.5% a year (see our GTC).')), true);
  assert.equal(isReplacement(located('**Guaranteed returns**',
      'Describe the target or historical return and say that it is not guaranteed.')), false);
  assert.equal(isReplacement(located(`When you open a plan ${'and more '.repeat(20)}as you grow.`,
      'Split it into shorter sentences.')), false);
  assert.equal(isReplacement({ ...located('chairman', 'chair'), located: false }), false);
  assert.equal(isReplacement(located('chairman', undefined)), false);
});

test('a finding the model overruled is listed but neither located nor highlighted', () => {
  const overruledReport = { guidelines: [{ guidelineId: 'returns', severity: 'error', verdict: 'PASS', findings: [
    { checkId: 'term', message: 'Guarantee', quote: 'guaranteed returns', offset: at('guaranteed'), length: 18,
      overruledBy: 'llm', overruledReason: 'A denial.' }] }] };
  const [f] = flattenFindings(overruledReport);
  assert.equal(f.overruled, true);
  assert.equal(f.located, false);
  assert.deepEqual(segments(text, [f]).flatMap((p) => p.ids), []);
});
