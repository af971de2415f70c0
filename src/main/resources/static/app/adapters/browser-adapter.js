// The host adapter in a plain browser: the article is the text area's content (pasted text, markdown or HTML),
// findings are highlighted in a read-only view of the text that was checked, and a suggestion replaces the quote.

/**
 * @param {{textarea: HTMLTextAreaElement, format: HTMLSelectElement, title: HTMLInputElement}} fields
 */
export function createBrowserAdapter({ textarea, format, title }) {
  // Pasting rich content while the format is HTML keeps its markup, so offsets refer to the HTML source.
  textarea.addEventListener('paste', (event) => {
    const html = event.clipboardData?.getData('text/html');
    if (format.value === 'html' && html) {
      event.preventDefault();
      textarea.setRangeText(html, textarea.selectionStart, textarea.selectionEnd, 'end');
    }
  });

  return {
    kind: 'browser',

    async readArticle() {
      return { text: textarea.value, format: format.value, title: title.value };
    },

    /** Scrolls the highlight of a finding into view and focuses it. */
    async reveal(_text, finding) {
      const mark = document.querySelector(`[data-findings~="${finding.id}"]`);
      if (!mark) return false;
      mark.scrollIntoView({ block: 'center' });
      mark.focus();
      return true;
    },

    async addComments() {
      return 0;
    },

    /** Replaces the finding's quote by its suggestion in the text area; answers the new text. */
    async applySuggestion(text, finding) {
      const current = textarea.value;
      const at = current.slice(finding.offset, finding.offset + finding.length) === finding.quote
          ? finding.offset : current.indexOf(finding.quote);
      if (at < 0) throw new Error(`"${finding.quote}" is no longer in the text`);
      textarea.value = current.slice(0, at) + finding.suggestion + current.slice(at + finding.quote.length);
      return textarea.value;
    },

    async signIn() {
      return null;
    },
  };
}
