// The hub's REST API as the console uses it. Every error is an RFC 9457 problem; HubError carries its detail.

export class HubError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export class HubApi {
  constructor({ baseUrl = '', token = null, fetchImpl = globalThis.fetch.bind(globalThis) } = {}) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.fetchImpl = fetchImpl;
  }

  async request(path, { method = 'GET', body, headers = {} } = {}) {
    const all = { Accept: 'application/json, application/problem+json', ...headers };
    if (this.token) all.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) all['Content-Type'] = 'application/json';
    const response = await this.fetchImpl(this.baseUrl + path,
        { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new HubError(response.status, json);
    return json;
  }

  guidelineSets() {
    return this.request('/api/v1/guideline-sets');
  }

  /**
   * Submits an article; previousJobId makes it a re-check that reuses what did not change. A hub without
   * incremental re-checks refuses the unknown field: the article is then submitted as a fresh check.
   */
  async submit({ article, guidelineSet, previousJobId }) {
    const body = { article, guidelineSet, options: { gtcValidation: false } };
    const post = (b) => this.request('/api/v1/jobs', {
      method: 'POST', body: b, headers: { 'Idempotency-Key': globalThis.crypto.randomUUID() },
    });
    if (!previousJobId) return post(body);
    try {
      return await post({ ...body, previousJobId });
    } catch (e) {
      if (e.status === 400 && /previousJobId/.test(e.message)) return post(body);
      throw e;
    }
  }

  status(jobId) {
    return this.request(`/api/v1/jobs/${encodeURIComponent(jobId)}`);
  }

  result(jobId) {
    return this.request(`/api/v1/jobs/${encodeURIComponent(jobId)}/result`);
  }

  /** The development login (embedded hub only); a 404 means it is off. */
  devLogin(subject) {
    return this.request('/auth/dev-login', { method: 'POST', body: subject ? { subject } : {} });
  }
}

/** Polls a job until it is COMPLETED (answers the report) or FAILED (throws), reporting each status. */
export async function awaitReport(api, jobId, onStatus, { intervalMs = 300, sleep } = {}) {
  const wait = sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  for (;;) {
    const status = await api.status(jobId);
    onStatus(status);
    if (status.status === 'COMPLETED') return api.result(jobId);
    if (status.status === 'FAILED') throw new Error(`The check failed: ${status.error ?? 'no reason given'}`);
    await wait(intervalMs);
  }
}

/** The progress line for a status document: queued, running (guidelines done of total), completed. */
export function progressText(status) {
  switch (status.status) {
    case 'QUEUED': return 'Queued: waiting for a worker';
    case 'RUNNING': {
      const p = status.progress;
      return p ? `Running: ${p.guidelinesDone} of ${p.guidelinesTotal} guidelines done` : 'Running';
    }
    case 'COMPLETED': return 'Completed';
    default: return status.status;
  }
}
