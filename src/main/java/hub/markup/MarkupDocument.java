package hub.markup;

/**
 * A submitted text parsed once by a maintained parser: Markdown by commonmark-java, HTML by jsoup, both with source
 * positions. The article's text map ({@code hub.article.PlainText}) and Vale's scopes ({@code hub.vale}) both read
 * this tree, so the two agree on what is a heading, a list item, code or markup.
 */
public final class MarkupDocument {

    private final String source;
    private final MarkupNode root;

    private MarkupDocument(String source, MarkupNode root) {
        this.source = source;
        this.root = root;
    }

    /** Markdown: CommonMark with GitHub tables, strikethrough, task list boxes and YAML front matter. */
    public static MarkupDocument markdown(String source) {
        String s = source == null ? "" : source;
        return new MarkupDocument(s, MarkdownTree.parse(s));
    }

    /** HTML, as a browser's parser reads it. */
    public static MarkupDocument html(String source) {
        String s = source == null ? "" : source;
        return new MarkupDocument(s, HtmlTree.parse(s));
    }

    public String source() {
        return source;
    }

    /** The document node; its children are the top-level blocks. */
    public MarkupNode root() {
        return root;
    }
}
