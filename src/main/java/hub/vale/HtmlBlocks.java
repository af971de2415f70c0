package hub.vale;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * HTML (parsed by jsoup, with source positions) as the same blocks as Markdown: h1–h6, li, blockquote, td, th and
 * captions are scoped blocks, p and loose text are prose. code, tt and kbd are masked; script, style, pre and similar
 * are left out.
 */
final class HtmlBlocks {

    private static final Map<String, String> SCOPES = Map.of(
            "li", "text.list", "blockquote", "text.blockquote", "td", "text.table.cell", "th", "text.table.header",
            "caption", "text.table.caption", "figcaption", "text.figure.caption");
    /** Left out whatever SkippedScopes says: none of them holds prose. */
    private static final Set<String> NEVER_PROSE = Set.of("script", "style", "noscript", "iframe",
            "head", "title", "template", "svg", "math");

    private final BlockCollector out;
    private final Set<String> skipped;
    private final Set<String> masked;

    private HtmlBlocks(String source, Set<String> skipped, Set<String> ignored) {
        this.out = new BlockCollector(source, "html");
        this.skipped = skipped;
        Set<String> m = new java.util.HashSet<>(ignored);
        m.add("kbd");
        this.masked = m;
    }

    static List<BlockCollector.MarkupBlock> parse(String source) {
        return parse(source, Set.copyOf(ValeIni.DEFAULT_SKIPPED_SCOPES), Set.copyOf(ValeIni.DEFAULT_IGNORED_SCOPES));
    }

    /** With {@code SkippedScopes} (tags left out) and {@code IgnoredScopes} (tags masked). */
    static List<BlockCollector.MarkupBlock> parse(String source, Set<String> skipped, Set<String> ignored) {
        HtmlBlocks blocks = new HtmlBlocks(source, skipped, ignored);
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Element root = Jsoup.parse(source, "", parser);
        blocks.children(root, null);
        blocks.out.finish(null);
        return blocks.out.blocks();
    }

    private void children(Node parent, String scope) {
        for (Node child : parent.childNodes()) {
            node(child, scope);
        }
    }

    private void node(Node node, String scope) {
        if (node instanceof TextNode text) {
            text(text, false);
        } else if (node instanceof Element element) {
            String name = element.normalName();
            if (NEVER_PROSE.contains(name) || skipped.contains(name)) {
                return;
            }
            if (masked.contains(name)) {
                element.textNodes().forEach(t -> text(t, true));
                return;
            }
            if (element.isBlock()) {
                out.finish(scope);
                String inner = name.matches("h[1-6]") ? "text.heading." + name : SCOPES.getOrDefault(name, scope);
                children(element, inner);
                out.finish(inner);
            } else {
                children(element, scope);
            }
        }
    }

    private void text(TextNode node, boolean masked) {
        String text = node.getWholeText();
        int start = node.sourceRange().startPos();
        int end = node.sourceRange().endPos();
        if (start < 0) {
            return;
        }
        boolean verbatim = end - start == text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = verbatim ? start + i : Math.min(start + i, Math.max(start, end - 1));
            out.append(masked && !Character.isWhitespace(c) ? '*' : c, at);
        }
    }
}
