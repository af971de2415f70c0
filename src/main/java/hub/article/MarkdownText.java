package hub.article;

import hub.markup.MarkupDocument;
import hub.markup.MarkupNode;
import java.util.Arrays;
import java.util.Set;

/**
 * The visible text of a Markdown article, read from its {@link MarkupDocument}: text and code stay, block markup
 * (heading and list markers, quote markers, fences, table pipes and the delimiter row, thematic breaks, front matter,
 * link reference definitions, comments) is hidden, inline markup (emphasis, code backticks, link syntax) wraps the
 * text it encloses. Line breaks and blank lines stay where they are, so the text keeps the source's lines.
 */
final class MarkdownText {

    private static final byte UNCOVERED = 0;
    private static final byte HIDDEN = 1;
    private static final byte OPEN = 2;
    private static final byte CLOSE = 3;
    private static final byte VISIBLE = 4;
    private static final byte LEAF = 5;
    private static final Set<String> WRAPPERS = Set.of("em", "strong", "del", "a", "img", "code");
    /** Hidden whole, line breaks included. */
    private static final Set<String> HIDDEN_LEAVES = Set.of(MarkupNode.COMMENT);
    /** Hidden except for their line breaks. */
    private static final Set<String> HIDDEN_BLOCKS = Set.of(MarkupNode.FRONT_MATTER, MarkupNode.LINK_DEFINITION);

    private final String s;
    private final byte[] kind;
    private final MarkupNode[] leaves;
    /** Code (spans and blocks): a comment never starts there. */
    private final boolean[] code;
    /** Inside an HTML comment, even one the parser reads as text. */
    private final boolean[] comment;

    private MarkdownText(String source) {
        this.s = source;
        this.kind = new byte[source.length()];
        this.leaves = new MarkupNode[source.length()];
        this.code = new boolean[source.length()];
        this.comment = new boolean[source.length()];
    }

    static PlainText of(MarkupDocument document) {
        MarkdownText text = new MarkdownText(document.source());
        for (MarkupNode child : document.root().children()) {
            text.classify(child);
        }
        text.indentation();
        text.comments();
        return text.emit();
    }

    private void classify(MarkupNode node) {
        if (node.start() < 0 || node.start() >= node.end()) {
            return;
        }
        if (node.is("code") || node.is("pre")) {
            Arrays.fill(code, node.start(), Math.min(node.end(), s.length()), true);
        }
        if (node.is(MarkupNode.TEXT)) {
            mark(node.start(), node.end(), LEAF);
            leaves[node.start()] = node;
        } else if (node.is(MarkupNode.BREAK) || node.is(MarkupNode.RAW_HTML)) {
            mark(node.start(), node.end(), VISIBLE);
        } else if (HIDDEN_LEAVES.contains(node.name())) {
            mark(node.start(), node.end(), HIDDEN);
        } else if (HIDDEN_BLOCKS.contains(node.name())) {
            markup(node.start(), node.end(), HIDDEN, false);
        } else if (WRAPPERS.contains(node.name())) {
            wrapper(node);
        } else {
            own(node, !node.is("p") && node.headingLevel() == 0);
        }
    }

    /** Inline markup: what comes before the first child opens, what follows the last child closes. */
    private void wrapper(MarkupNode node) {
        int first = node.end();
        int last = node.start();
        for (MarkupNode child : node.children()) {
            if (child.start() >= 0) {
                first = Math.min(first, child.start());
                last = Math.max(last, child.end());
            }
        }
        if (first >= last) {
            mark(node.start(), node.end(), HIDDEN);
            return;
        }
        mark(node.start(), first, OPEN);
        mark(last, node.end(), CLOSE);
        node.children().forEach(this::classify);
    }

    /**
     * A block's own markup (what its children do not cover) is hidden; the white space of a block other than a
     * paragraph or heading (between list items, around quoted blocks and table cells) and every line break stay
     * uncovered.
     */
    private void own(MarkupNode node, boolean keepWhiteSpace) {
        markup(node.start(), node.end(), HIDDEN, keepWhiteSpace);
        for (MarkupNode child : node.children()) {
            if (child.start() >= 0) {
                mark(child.start(), child.end(), UNCOVERED);
            }
        }
        node.children().forEach(this::classify);
    }

    private void markup(int from, int to, byte k, boolean keepWhiteSpace) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\r' && !(keepWhiteSpace && (c == ' ' || c == '\t'))) {
                kind[i] = k;
            }
        }
    }

    /** Uncovered white space before the first content of a line (after markers, if any) is indentation: hidden. */
    private void indentation() {
        int lineStart = 0;
        while (lineStart < s.length()) {
            int i = lineStart;
            while (i < s.length() && (kind[i] == HIDDEN || kind[i] == UNCOVERED && isBlank(s.charAt(i)))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                for (int k = lineStart; k < i; k++) {
                    kind[k] = HIDDEN;
                }
            }
            while (i < s.length() && s.charAt(i) != '\n') {
                i++;
            }
            lineStart = i + 1;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * HTML comments outside code are hidden, line breaks and all, also where CommonMark reads them as text (one that
     * spans a blank line or is never closed): what an author wrapped in {@code <!-- -->} is not article text.
     */
    private void comments() {
        int open = s.indexOf("<!--");
        while (open >= 0) {
            if (code[open]) {
                open = s.indexOf("<!--", open + 1);
                continue;
            }
            int close = s.indexOf("-->", open + 4);
            int end = close < 0 ? s.length() : close + 3;
            Arrays.fill(comment, open, end, true);
            open = s.indexOf("<!--", end);
        }
    }

    private void mark(int from, int to, byte k) {
        for (int i = Math.max(0, from); i < Math.min(to, s.length()); i++) {
            kind[i] = k;
        }
    }

    private PlainText emit() {
        TextMapBuilder out = new TextMapBuilder(s);
        int i = 0;
        while (i < s.length()) {
            if (leaves[i] != null) {
                i = leaf(leaves[i], out);
                continue;
            }
            if (comment[i]) {
                i++;
                continue;
            }
            switch (kind[i]) {
                case OPEN -> out.open(i);
                case CLOSE -> out.close(i + 1);
                case HIDDEN -> { }
                default -> out.copy(i);
            }
            i++;
        }
        return out.build();
    }

    /**
     * A text leaf: its decoded characters; source white space the parser trimmed stays visible as it was, other
     * characters it dropped (the backslash of an escape) are hidden. Returns the index after the leaf.
     */
    private int leaf(MarkupNode leaf, TextMapBuilder out) {
        var text = leaf.text();
        int at = leaf.start();
        for (int q = 0; q < text.length(); ) {
            at = trimmed(at, text.start(q), out);
            int next = q + 1;
            while (next < text.length() && text.start(next) == text.start(q)) {
                next++;
            }
            if (!comment[text.start(q)]) {
                out.spans(text, q, next);
            }
            at = Math.max(at, text.end(q));
            q = next;
        }
        trimmed(at, leaf.end(), out);
        return Math.max(leaf.end(), at);
    }

    private int trimmed(int from, int to, TextMapBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c == ' ' || c == '\t') && !comment[i]) {
                out.copy(i);
            }
        }
        return Math.max(from, to);
    }
}
