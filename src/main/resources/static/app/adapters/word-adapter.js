// The host adapter inside Microsoft Word (Office.js). Word finds text by search, not by offset: each finding is
// located by searching its quote in the body, and the finding's offset picks among repeated matches (the n-th
// match in the document is the n-th occurrence of the quote in the text that was submitted).
// Word's search takes at most 255 characters; a longer quote is found by its first and last 255 characters and
// the range between them.

export const WORD_SEARCH_LIMIT = 255;

/** Word's search string for a literal text: '^' is Word's escape character, paragraph breaks are ^p. */
export function wordSearchText(text) {
  return text.replace(/\^/g, '^^').replace(/\r\n|\r|\n/g, '^p');
}

/** The first (or last) at most `limit` UTF-16 code units of text, never cutting a surrogate pair in two. */
export function head(text, limit = WORD_SEARCH_LIMIT) {
  if (text.length <= limit) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[limit - 1]) ? limit - 1 : limit;
  return text.slice(0, cut);
}

export function tail(text, limit = WORD_SEARCH_LIMIT) {
  if (text.length <= limit) return text;
  const from = text.length - limit;
  const start = /[\uDC00-\uDFFF]/.test(text[from]) ? from + 1 : from;
  return text.slice(start);
}

/**
 * Which of Word's matches of needle is the one at offset: Word reports non-overlapping matches in document order,
 * so count the non-overlapping occurrences in text before it. A match Word cannot report on its own (it overlaps
 * an earlier one) falls back to the closest reported one.
 */
export function matchIndex(text, needle, offset) {
  let best = 0;
  let bestDistance = Infinity;
  let index = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length), index++) {
    if (at === offset) return index;
    const distance = Math.abs(at - offset);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The adapter for a Word host. `Word` and `Office` are the Office.js globals (or, in the unit tests, a recorded
 * fake of their shape: src/test/js/recorded-word-api.mjs).
 */
export function createWordAdapter({ Word, Office }) {
  const searchOptions = { matchCase: true, matchWholeWord: false, matchWildcards: false };

  async function searchNth(context, scope, needle, n) {
    const results = scope.search(wordSearchText(needle), searchOptions);
    results.load('items');
    await context.sync();
    return results.items[Math.min(n, results.items.length - 1)] ?? null;
  }

  /** The Word range of a finding in the body whose text is `text` (as submitted), or null when it is gone. */
  async function locate(context, text, finding) {
    const body = context.document.body;
    const quote = finding.quote;
    if (!quote) return null;
    if (quote.length <= WORD_SEARCH_LIMIT) {
      return searchNth(context, body, quote, matchIndex(text, quote, finding.offset));
    }
    const first = head(quote);
    const last = tail(quote);
    const start = await searchNth(context, body, first, matchIndex(text, first, finding.offset));
    if (!start) return null;
    const rest = start.expandTo(body.getRange('End'));
    const lastOffset = finding.offset + quote.length - last.length;
    const end = await searchNth(context, rest, last,
        matchIndex(text.slice(finding.offset), last, lastOffset - finding.offset));
    return end ? start.expandTo(end) : null;
  }

  return {
    kind: 'word',

    async readArticle() {
      return Word.run(async (context) => {
        const body = context.document.body;
        body.load('text');
        await context.sync();
        return { text: body.text, format: 'plain', title: '' };
      });
    },

    /** Selects the finding in the document, which scrolls Word to it. */
    async reveal(text, finding) {
      return Word.run(async (context) => {
        const range = await locate(context, text, finding);
        if (!range) return false;
        range.select();
        await context.sync();
        return true;
      });
    },

    /** One Word comment per located finding; answers how many were added. */
    async addComments(text, findings) {
      return Word.run(async (context) => {
        let added = 0;
        for (const f of findings) {
          const range = await locate(context, text, f);
          if (range) {
            range.insertComment(`${f.guidelineTitle ?? f.guidelineId}: ${f.message}`
                + (f.suggestion ? `\nSuggestion: ${f.suggestion}` : ''));
            added++;
          }
        }
        await context.sync();
        return added;
      });
    },

    /** Replaces the quote by the suggestion as a tracked change; answers the body's new text. */
    async applySuggestion(text, finding) {
      return Word.run(async (context) => {
        const range = await locate(context, text, finding);
        if (!range) throw new Error(`"${finding.quote}" is no longer in the document`);
        context.document.changeTrackingMode = Word.ChangeTrackingMode.trackAll;
        range.insertText(finding.suggestion, Word.InsertLocation.replace);
        const body = context.document.body;
        body.load('text');
        await context.sync();
        return body.text;
      });
    },

    /**
     * Whether Office SSO can work in this Office: Office.js defines Office.auth.getAccessToken everywhere, so only
     * the IdentityAPI 1.3 requirement set tells (docs/word-addin.md). Without it the task pane signs in with a token.
     */
    get ssoSupported() {
      return Boolean(Office?.context?.requirements?.isSetSupported?.('IdentityAPI', '1.3'));
    },

    /**
     * Entra ID single sign-on (Office SSO): an access token for the hub's API, whose app registration is in the
     * manifest's WebApplicationInfo (docs/word-addin.md). Null when this Office lacks IdentityAPI 1.3.
     */
    async signIn() {
      if (!this.ssoSupported) return null;
      return Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
    },

    locate,
  };
}
