package hub.article;

import hub.markup.MarkupDocument;
import hub.report.model.Finding;
import java.util.Objects;

/**
 * The visible text of an article, as the checks and the LLM see it, plus a map from every visible character back to
 * the span of the submitted text it came from.
 *
 * <p>All offsets are Java {@code String} indices, i.e. UTF-16 code units, which is also what Office.js counts; a
 * character outside the Basic Multilingual Plane (an emoji, say) therefore counts 2.
 *
 * <p>Markup that wraps text inline (markdown emphasis, code backticks, link syntax; HTML inline tags) is attached to
 * the text it wraps: a span that starts at the first wrapped character starts at the opening markup, a span that ends
 * at the last wrapped character ends after the closing markup. So {@code **guaranteed** returns} maps back whole.
 * Markup that only structures lines (headings, list markers, HTML block tags) is not attached.
 *
 * <p>Markdown and HTML are read by the parsers of {@link MarkupDocument} (commonmark-java, jsoup), the same tree
 * Vale's scopes are read from ({@link MarkdownText}, {@link HtmlText}); neither parser throws on malformed markup.
 */
public final class PlainText {

    private final String source;
    private final String text;
    /** Source start and end (exclusive) of every visible character; both null when text is source. */
    private final int[] starts;
    private final int[] ends;
    private final ArticleFormat format;
    /** The parsed Markdown or HTML the text was read from; null for plain text. */
    private final MarkupDocument markup;
    private String folded;

    private PlainText(String source, String text, int[] starts, int[] ends) {
        this(source, text, starts, ends, ArticleFormat.PLAIN, null);
    }

    /** A text map built from a parsed document: each visible character's source start and end (exclusive). */
    static PlainText mapped(String source, String text, int[] starts, int[] ends) {
        return new PlainText(source, text, starts, ends);
    }

    private PlainText(String source, String text, int[] starts, int[] ends, ArticleFormat format,
            MarkupDocument markup) {
        this.source = source;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.format = format;
        this.markup = markup;
    }

    public static PlainText of(String source, ArticleFormat format) {
        String submitted = source == null ? "" : source;
        ArticleFormat f = format == null ? ArticleFormat.PLAIN : format;
        MarkupDocument markup = switch (f) {
            case PLAIN -> null;
            case MARKDOWN -> MarkupDocument.markdown(submitted);
            case HTML -> MarkupDocument.html(submitted);
        };
        PlainText scanned = switch (f) {
            case PLAIN -> new PlainText(submitted, submitted, null, null);
            case MARKDOWN -> MarkdownText.of(markup);
            case HTML -> HtmlText.of(markup);
        };
        return new PlainText(scanned.source, scanned.text, scanned.starts, scanned.ends, f, markup);
    }

    /**
     * The parsed Markdown or HTML this text was read from (null for plain text), for Vale's scopes: one parse serves
     * both.
     */
    public MarkupDocument markup() {
        return markup;
    }

    /** How the submitted text is marked up. */
    public ArticleFormat format() {
        return format;
    }

    /** The visible text. */
    /**
     * {@link #text()} with every char case-folded ({@link #fold(char)}), same length and offsets: a cheap test of
     * whether a case-insensitive match can exist at all.
     */
    public String folded() {
        String f = folded;
        if (f == null) {
            f = fold(text);
            folded = f;
        }
        return f;
    }

    /** {@code text} with every char case-folded ({@link #fold(char)}). */
    public static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** The case fold under which two chars match case-insensitively (as {@code Pattern.UNICODE_CASE} compares). */
    public static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    public String text() {
        return text;
    }

    /** The text as submitted. */
    public String source() {
        return source;
    }

    /** Source index where the visible character at {@code plainIndex} starts; the text length maps to the end. */
    public int sourceOffset(int plainIndex) {
        Objects.checkIndex(plainIndex, text.length() + 1);
        if (starts == null) {
            return plainIndex;
        }
        return plainIndex == text.length() ? source.length() : starts[plainIndex];
    }

    /** Source index (exclusive) where a visible span ending before {@code plainEndExclusive} ends. */
    public int sourceEnd(int plainEndExclusive) {
        Objects.checkIndex(plainEndExclusive, text.length() + 1);
        if (ends == null || plainEndExclusive == 0) {
            return plainEndExclusive;
        }
        return ends[plainEndExclusive - 1];
    }

    /** A finding for the visible span [plainStart, plainEnd), located and quoted in the source. */
    public Finding locate(String checkId, int plainStart, int plainEnd, String message, String suggestion) {
        Objects.checkFromToIndex(plainStart, plainEnd, text.length());
        int start = sourceOffset(plainStart);
        int end = plainEnd == plainStart ? start : sourceEnd(plainEnd);
        return new Finding(checkId, message, source.substring(start, end), start, end - start, suggestion);
    }

}
