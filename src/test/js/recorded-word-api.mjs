// A RECORDED FAKE of the Word JavaScript API (Office.js, WordApi 1.1-1.4), not Word: Word itself cannot run here.
// It reproduces the subset the Word adapter uses, with the behaviour recorded from Word's documentation and from
// Word on the web: proxy objects whose properties throw until load() and context.sync(), body.search() with
// matchCase, Word's '^' escapes (^^, ^p) and its 255-character limit (SearchStringInvalidOrTooLong),
// non-overlapping matches in document order, Range.expandTo, Body.getRange('End'), insertComment, insertText with
// 'Replace' recorded as a tracked change when changeTrackingMode is TrackAll, and select().
// Paragraphs are separated by '\r' in body.text, as Word reports them.

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
  }
}

class Range {
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
    this.context.pending.push(() => { this.loaded = true; });
    return this;
  }

  search(search, options = {}) {
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
    return new Range(this.context, Math.min(this.start, other.start), Math.max(this.end, other.end));
  }

  getRange(location) {
    const at = location === 'Start' ? this.start : this.end;
    return new Range(this.context, at, at);
  }

  select() {
    this.context.pending.push(() => { this.context.doc.selection = [this.start, this.end]; });
  }

  insertComment(text) {
    this.context.pending.push(() => {
      this.context.doc.comments.push({ text, start: this.start, end: this.end });
    });
  }

  insertText(text, location) {
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
  constructor(context) {
    super(context, 0, 0);
  }

  get end() {
    return this.context.doc.text.length;
  }

  set end(_) {}

  getRange(location) {
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
    this.context.pending.push(() => {
      this.found = this.find();
      this.found.forEach((r) => { r.loaded = true; });
    });
    return this;
  }
}

class RequestContext {
  constructor(doc) {
    this.doc = doc;
    this.pending = [];
    const context = this;
    this.document = {
      body: new Body(this),
      get changeTrackingMode() { return doc.changeTrackingMode; },
      set changeTrackingMode(mode) { context.pending.push(() => { doc.changeTrackingMode = mode; }); },
    };
  }

  async sync() {
    this.doc.syncs++;
    const queue = this.pending;
    this.pending = [];
    queue.forEach((op) => op());
  }
}

/** The `Word` global for one document: Word.run(callback), and the enums the adapter uses. */
export function recordedWord(doc) {
  return {
    run: async (callback) => {
      const context = new RequestContext(doc);
      const result = await callback(context);
      await context.sync();
      return result;
    },
    ChangeTrackingMode: { off: 'Off', trackAll: 'TrackAll', trackMineOnly: 'TrackMineOnly' },
    InsertLocation: { replace: 'Replace', start: 'Start', end: 'End', before: 'Before', after: 'After' },
  };
}
