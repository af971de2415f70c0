package hub.incremental;

import hub.article.PlainText;
import hub.article.QuoteLocator;
import hub.incremental.CachedVerdict.SpanFinding;
import hub.llm.QuotedFinding;
import hub.report.model.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Locates the model's quotes in the judged span and re-bases cached findings onto a later version of the article:
 * new offset = the span's new start + the offset relative to the span, as long as the text there is still the quote
 * (else the quote is looked up in the span again).
 */
public final class SpanFindings {

    private SpanFindings() {
    }

    /** The model's findings located in {@code span} (the judged visible text), offsets relative to its start. */
    public static List<SpanFinding> locate(String span, List<QuotedFinding> quoted) {
        List<SpanFinding> located = new ArrayList<>();
        Map<String, Integer> cursor = new HashMap<>();
        for (QuotedFinding f : quoted) {
            int from = cursor.getOrDefault(f.quote(), 0);
            Optional<int[]> at = QuoteLocator.find(span, f.quote(), from).or(() -> QuoteLocator.find(span, f.quote(), 0));
            if (at.isPresent()) {
                int[] s = at.get();
                cursor.put(f.quote(), s[1]);
                located.add(new SpanFinding(f.message(), f.suggestion(), span.substring(s[0], s[1]), s[0], s[1] - s[0]));
            } else {
                located.add(new SpanFinding(f.message(), f.suggestion(), f.quote(), null, 0));
            }
        }
        return located;
    }

    /** A cached finding as a report finding in {@code article}, whose judged span now starts at {@code spanStart}. */
    public static Finding rebase(SpanFinding f, PlainText article, int spanStart, int spanEnd, boolean reused) {
        String text = article.text();
        Integer rel = f.relOffset();
        int[] at = null;
        if (rel != null && spanStart + rel + f.length() <= spanEnd && f.quote().length() == f.length()
                && text.startsWith(f.quote(), spanStart + rel)) {
            at = new int[] {spanStart + rel, spanStart + rel + f.length()};
        } else if (rel != null) {
            at = QuoteLocator.find(text.substring(spanStart, spanEnd), f.quote(), 0)
                    .map(s -> new int[] {s[0] + spanStart, s[1] + spanStart}).orElse(null);
        }
        Finding finding = at == null
                ? new Finding("llm", f.message(), f.quote(), null, 0, f.suggestion())
                : article.locate("llm", at[0], at[1], f.message(), f.suggestion());
        return finding.reused(reused);
    }
}
