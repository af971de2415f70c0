package hub.markup;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * HTML parsed by jsoup (the HTML5 tree builder, with source positions) turned into {@link MarkupNode}s: an element
 * spans its start tag to its end tag (an implied tag is empty), text is decoded with a source
 * span per character, comments are {@link MarkupNode#COMMENT}; a script's or style's data is left out.
 */
final class HtmlTree {

    private final String source;
    /** Where the parsed text starts in the source (an HTML block inside Markdown). */
    private final int base;
    private int depth;

    private HtmlTree(String source, int base) {
        this.source = source;
        this.base = base;
    }

    static MarkupNode parse(String source) {
        Element document = Jsoup.parse(source, "", Parser.htmlParser().setTrackPosition(true));
        MarkupNode root = new MarkupNode("#document", true, 0, source.length(), null);
        new HtmlTree(source, 0).children(document, root);
        return root;
    }

    /** The source span [from, to) (an HTML block inside Markdown) parsed as the content of a body, into {@code into}. */
    static void fragment(String source, int from, int to, MarkupNode into) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Element body = new Element("body");
        for (Node node : parser.parseFragmentInput(source.substring(from, to), body, "")) {
            body.appendChild(node);
        }
        new HtmlTree(source, from).children(body, into);
    }

    private void children(Node parent, MarkupNode into) {
        if (depth >= MarkupNode.MAX_DEPTH) {
            flatten(parent, into);
            return;
        }
        depth++;
        for (Node child : parent.childNodes()) {
            MarkupNode node = node(child);
            if (node != null) {
                into.add(node);
            }
        }
        depth--;
    }

    /** Below {@link MarkupNode#MAX_DEPTH}: only the text of every descendant, in order, without further nesting. */
    private void flatten(Node parent, MarkupNode into) {
        NodeTraversor.traverse((node, level) -> {
            if (node instanceof TextNode) {
                MarkupNode text = node(node);
                if (text != null) {
                    into.add(text);
                }
            }
        }, parent);
    }

    private MarkupNode node(Node node) {
        Range range = node.sourceRange();
        int start = range.isTracked() ? base + range.startPos() : -1;
        int end = range.isTracked() ? base + range.endPos() : -1;
        if (node instanceof TextNode text) {
            if (start < 0 || text.getWholeText().isEmpty()) {
                return null;
            }
            return new MarkupNode(MarkupNode.TEXT, false, start, end,
                    TextSpans.aligned(source, start, end, text.getWholeText(), false));
        }
        if (node instanceof Comment) {
            return new MarkupNode(MarkupNode.COMMENT, false, start, end, null);
        }
        if (node instanceof DataNode || !(node instanceof Element element)) {
            return null;
        }
        Range endTag = element.endSourceRange();
        boolean closed = endTag.isTracked() && endTag.endPos() > endTag.startPos()
                && base + endTag.startPos() >= end;
        MarkupNode out = new MarkupNode(element.normalName(), element.isBlock(), start, end,
                closed ? base + endTag.startPos() : end, closed ? base + endTag.endPos() : end, null);
        children(element, out);
        return out;
    }
}
