package hub.vale;

import hub.markup.MarkupDocument;
import hub.markup.MarkupNode;
import hub.markup.TextSpans;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTML ({@link MarkupDocument#html}) as the same blocks as Markdown: h1–h6, li, blockquote, td, th and captions are
 * scoped blocks, p and loose text are prose. code, tt and kbd are masked; script, style, pre and similar are left out.
 */
final class HtmlBlocks {

    private static final Map<String, String> SCOPES = Map.of(
            "li", "text.list", "blockquote", "text.blockquote", "td", "text.table.cell", "th", "text.table.header",
            "caption", "text.table.caption", "figcaption", "text.figure.caption");
    /** Left out whatever SkippedScopes says: none of them holds prose. */
    private static final Set<String> NEVER_PROSE = Set.of("script", "style", "noscript", "iframe",
            "head", "title", "template", "svg", "math", MarkupNode.COMMENT);

    private final BlockCollector out;
    private final Set<String> skipped;
    private final Set<String> masked;

    /** Collects into {@code out}: its own, or a Markdown document's for an HTML block inside it. */
    HtmlBlocks(BlockCollector out, Set<String> skipped, Set<String> ignored) {
        this.out = out;
        this.skipped = skipped;
        Set<String> m = new HashSet<>(ignored);
        m.add("kbd");
        this.masked = m;
    }

    /** With {@code SkippedScopes} (tags left out) and {@code IgnoredScopes} (tags masked). */
    static List<BlockCollector.MarkupBlock> parse(MarkupDocument document, Set<String> skipped, Set<String> ignored) {
        HtmlBlocks blocks = new HtmlBlocks(new BlockCollector(document.source(), "html"), skipped, ignored);
        blocks.children(document.root(), null);
        blocks.out.finish(null);
        return blocks.out.blocks();
    }

    /** The children of {@code parent} as blocks; loose text is a block of {@code scope} (null: prose). */
    void children(MarkupNode parent, String scope) {
        for (MarkupNode child : parent.children()) {
            node(child, scope);
        }
    }

    private void node(MarkupNode node, String scope) {
        if (node.is(MarkupNode.TEXT)) {
            text(node.text(), false);
            return;
        }
        String name = node.name();
        if (NEVER_PROSE.contains(name) || skipped.contains(name)) {
            return;
        }
        if (masked.contains(name)) {
            node.children().stream().filter(t -> t.is(MarkupNode.TEXT)).forEach(t -> text(t.text(), true));
        } else if (node.isBlock()) {
            out.finish(scope);
            String inner = node.headingLevel() > 0 ? "text.heading." + name : SCOPES.getOrDefault(name, scope);
            children(node, inner);
            out.finish(inner);
        } else {
            children(node, scope);
        }
    }

    private void text(TextSpans text, boolean masked) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(masked && !Character.isWhitespace(c) ? '*' : c, text.start(i));
        }
    }
}
