// A RECORDED FAKE of the Word JavaScript API (Office.js, WordApi 1.1-1.4), not Word: Word itself cannot run here.
// It reproduces the subset the Word adapter uses, with the behaviour recorded from Word's documentation and from
// Word on the web: proxy objects whose properties throw until load() and context.sync(), body.search() with
// matchCase, Word's '^' escapes (^^, ^p) and its 255-character limit (SearchStringInvalidOrTooLong),
// non-overlapping matches in document order, Range.expandTo, Body.getRange('End'), insertComment, insertText with
// 'Replace' recorded as a tracked change when changeTrackingMode is TrackAll, and select().
// Paragraphs are separated by '\r' in body.text, as Word reports them.
// It models Word's requirement sets: recordedWord(doc, {sets}) is a Word that offers exactly those sets (the tests pass
// the ones addin/manifest.xml declares, read by declaredSets), and a member from a newer set is refused as Word refuses
// it (ApiNotFound), recorded in doc.refused, so a call above the declared sets fails the tests. The file is also served
// as "Office.js" to the task pane in the browser test (src/test/browser/word-taskpane.e2e.mjs): no imports.

/** The Word API requirement set that introduced each member this fake records (Word JavaScript API reference). */
export const WORD_API_SETS = {
  'Word.run': '1.1', 'Body.load': '1.1', 'Body.search': '1.1', 'Range.load': '1.1', 'Range.search': '1.1',
  'Range.select': '1.1', 'Range.insertText': '1.1', 'RangeCollection.load': '1.1',
  'Range.expandTo': '1.3', 'Range.getRange': '1.3', 'Body.getRange': '1.3',
  'Range.insertComment': '1.4', 'Document.changeTrackingMode': '1.4',
};

/** The requirement sets a manifest declares: {WordApi: '1.4', IdentityAPI: '1.3'}. */
export function declaredSets(manifestXml) {
  const sets = {};
  for (const m of manifestXml.matchAll(/<(?:bt:)?Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)) sets[m[1]] = m[2];
  return sets;
}

/** True when version (e.g. '1.3') is at most offered (e.g. '1.4'). */
export function covers(offered, version) {
  if (!offered) return false;
  const [a, b] = offered.split('.').map(Number);
  const [c, d] = version.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** Refuses a member the host's WordApi does not offer, as Word does, and records the refusal. */
function requireSet(context, member) {
  const needed = WORD_API_SETS[member];
  if (!needed) throw new Error(`the recorded API has no requirement set for ${member}`);
  if (covers(context.sets.WordApi, needed)) return;
  context.doc.refused.push(`${member} needs WordApi ${needed}; this Word offers ${context.sets.WordApi ?? 'none'}`);
  const e = new Error(`ApiNotFound: ${member} (WordApi ${needed}) is not available in this Word`);
  e.code = 'ApiNotFound';
  throw e;
}

class NotLoaded extends Error {
  constructor(what) {
    super(`PropertyNotLoaded: ${what} is not available; call load() and context.sync() first`);
    this.code = 'PropertyNotLoaded';
  }
}

function unescapeSearch(search) {
  if (search.length > 255) {
    const e = new Error('SearchStringInvalidOrTooLong');
    e.code = 'SearchStringInvalidOrTooLong';
    throw e;
  }
  return search.replace(/\^(\^|p)/g, (_, c) => (c === '^' ? '^' : '\r'));
}

export class RecordedWordDocument {
  constructor(text) {
    this.text = text;
    this.comments = [];
    this.trackedChanges = [];
    this.selection = null;
    this.changeTrackingMode = 'Off';
    this.syncs = 0;
    this.searches = [];
    this.refused = [];
  }
}

class Range {
  get kind() { return 'Range'; }

  constructor(context, start, end) {
    this.context = context;
    this.start = start;
    this.end = end;
    this.loaded = false;
  }

  get text() {
    if (!this.loaded) throw new NotLoaded('Range.text');
    return this.context.doc.text.slice(this.start, this.end);
  }

  load() {
    requireSet(this.context, `${this.kind}.load`);
    this.context.pending.push(() => { this.loaded = true; });
    return this;
  }

  search(search, options = {}) {
    requireSet(this.context, `${this.kind}.search`);
    this.context.doc.searches.push(search);
    return new RangeCollection(this.context, () => {
      const needle = unescapeSearch(search);
      const hay = this.context.doc.text.slice(this.start, this.end);
      const found = [];
      const a = options.matchCase ? hay : hay.toLowerCase();
      const b = options.matchCase ? needle : needle.toLowerCase();
      for (let at = a.indexOf(b); at !== -1 && b.length; at = a.indexOf(b, at + b.length)) {
        found.push(new Range(this.context, this.start + at, this.start + at + b.length));
      }
      return found;
    });
  }

  expandTo(other) {
    requireSet(this.context, 'Range.expandTo');
    return new Range(this.context, Math.min(this.start, other.start), Math.max(this.end, other.end));
  }

  getRange(location) {
    requireSet(this.context, 'Range.getRange');
    const at = location === 'Start' ? this.start : this.end;
    return new Range(this.context, at, at);
  }

  select() {
    requireSet(this.context, 'Range.select');
    this.context.pending.push(() => { this.context.doc.selection = [this.start, this.end]; });
  }

  insertComment(text) {
    requireSet(this.context, 'Range.insertComment');
    this.context.pending.push(() => {
      this.context.doc.comments.push({ text, start: this.start, end: this.end });
    });
  }

  insertText(text, location) {
    requireSet(this.context, 'Range.insertText');
    if (location !== 'Replace') throw new Error(`this fake records only insertText(..., 'Replace'), not ${location}`);
    this.context.pending.push(() => {
      const doc = this.context.doc;
      const old = doc.text.slice(this.start, this.end);
      if (this.context.document.changeTrackingMode === 'TrackAll') {
        doc.trackedChanges.push({ type: 'Replace', oldText: old, newText: text, start: this.start });
      }
      doc.text = doc.text.slice(0, this.start) + text + doc.text.slice(this.end);
    });
  }
}

class Body extends Range {
  get kind() { return 'Body'; }

  constructor(context) {
    super(context, 0, 0);
  }

  get end() {
    return this.context.doc.text.length;
  }

  set end(_) {}

  getRange(location) {
    requireSet(this.context, 'Body.getRange');
    const at = location === 'Start' ? 0 : this.context.doc.text.length;
    return new Range(this.context, at, at);
  }
}

class RangeCollection {
  constructor(context, find) {
    this.context = context;
    this.find = find;
    this.found = null;
  }

  get items() {
    if (!this.found) throw new NotLoaded('RangeCollection.items');
    return this.found;
  }

  load() {
    requireSet(this.context, 'RangeCollection.load');
    this.context.pending.push(() => {
      this.found = this.find();
      this.found.forEach((r) => { r.loaded = true; });
    });
    return this;
  }
}

class RequestContext {
  constructor(doc, sets) {
    this.doc = doc;
    this.sets = sets;
    this.pending = [];
    const context = this;
    this.document = {
      body: new Body(this),
      get changeTrackingMode() {
        requireSet(context, 'Document.changeTrackingMode');
        return doc.changeTrackingMode;
      },
      set changeTrackingMode(mode) {
        requireSet(context, 'Document.changeTrackingMode');
        context.pending.push(() => { doc.changeTrackingMode = mode; });
      },
    };
  }

  async sync() {
    this.doc.syncs++;
    const queue = this.pending;
    this.pending = [];
    queue.forEach((op) => op());
  }
}

/**
 * The `Word` global for one document: Word.run(callback), and the enums the adapter uses. `sets` are the requirement
 * sets this Word offers (default: WordApi 1.1, the oldest Word with the API).
 */
export function recordedWord(doc, { sets = { WordApi: '1.1' } } = {}) {
  return {
    run: async (callback) => {
      const context = new RequestContext(doc, sets);
      requireSet(context, 'Word.run');
      const result = await callback(context);
      await context.sync();
      return result;
    },
    ChangeTrackingMode: { off: 'Off', trackAll: 'TrackAll', trackMineOnly: 'TrackMineOnly' },
    InsertLocation: { replace: 'Replace', start: 'Start', end: 'End', before: 'Before', after: 'After' },
  };
}

/**
 * The `Office` global of a Word that offers `sets`: onReady, the host type, isSetSupported by those sets, and
 * auth.getAccessToken, which answers a recorded token (SSO itself needs Microsoft's sign-in, which cannot run here).
 */
export function recordedOffice(doc, { sets, accessToken = 'recorded-sso-token' }) {
  return {
    HostType: { Word: 'Word' },
    onReady: async () => ({ host: 'Word', platform: 'OfficeOnline' }),
    context: { requirements: { isSetSupported: (name, version = '1.1') => covers(sets[name], String(version)) } },
    auth: {
      getAccessToken: async () => {
        if (!covers(sets.IdentityAPI, '1.3')) {
          doc.refused.push('Office.auth.getAccessToken needs IdentityAPI 1.3');
          const e = new Error('13012: SSO is not supported in this Office');
          e.code = 13012;
          throw e;
        }
        return accessToken;
      },
    },
  };
}
