package hub.markup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of a parsed document: an element named as the HTML it is or renders to ({@code h1}–{@code h6}, {@code p},
 * {@code li}, {@code blockquote}, {@code pre}, {@code table}, {@code th}, {@code td}, {@code code}, {@code em},
 * {@code strong}, {@code del}, {@code a}, {@code img}, …), or a leaf: {@link #TEXT} (visible text), {@link #BREAK}
 * (a line break inside a paragraph), {@link #RAW_HTML} (HTML inside Markdown; an HTML block has the elements jsoup
 * parses of it as children), {@link #COMMENT},
 * {@link #FRONT_MATTER}, {@link #LINK_DEFINITION}.
 *
 * <p>Every node knows the source span [start, end) it was parsed from (UTF-16 indices; -1 when the parser gives
 * none). A text leaf also carries its decoded characters, each with the source span it came from: an entity's
 * characters span the whole reference, an escaped character its own index.
 */
public final class MarkupNode {

    public static final String TEXT = "#text";
    public static final String BREAK = "#break";
    public static final String RAW_HTML = "#html";
    public static final String COMMENT = "#comment";
    public static final String FRONT_MATTER = "#front-matter";
    public static final String LINK_DEFINITION = "#link-definition";
    /**
     * How deep nodes nest: below it only the text of deeper markup is kept, flat, so that no reader of the tree
     * recurses deeper (20,000 nested quotes are 40,000 characters, well inside a submission).
     */
    public static final int MAX_DEPTH = 100;

    private final String name;
    private final boolean block;
    private final int start;
    private final int end;
    private final int openEnd;
    private final int closeStart;
    private final List<MarkupNode> children = new ArrayList<>();
    private final TextSpans text;

    MarkupNode(String name, boolean block, int start, int end, TextSpans text) {
        this(name, block, start, start, end, end, text);
    }

    /** An HTML element: its start tag is [start, openEnd), its end tag [closeStart, end) (empty when implied). */
    MarkupNode(String name, boolean block, int start, int openEnd, int closeStart, int end, TextSpans text) {
        this.name = name;
        this.block = block;
        this.start = start;
        this.openEnd = openEnd;
        this.closeStart = closeStart;
        this.end = end;
        this.text = text;
    }

    /** The HTML tag name (lower case) or one of the leaf names above. */
    public String name() {
        return name;
    }

    /** Whether this is a block (a paragraph, heading, list item, table cell, …) rather than inline markup. */
    public boolean isBlock() {
        return block;
    }

    public boolean is(String leafOrTag) {
        return name.equals(leafOrTag);
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** End of an HTML element's start tag (equal to {@link #start()} when the tag is implied or not HTML). */
    public int openEnd() {
        return openEnd;
    }

    /** Start of an HTML element's end tag (equal to {@link #end()} when there is none or not HTML). */
    public int closeStart() {
        return closeStart;
    }

    public List<MarkupNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The decoded characters of a {@link #TEXT} or {@link #BREAK} leaf with their source spans; null otherwise. */
    public TextSpans text() {
        return text;
    }

    /** The heading level 1–6 of an {@code h1}–{@code h6}, else 0. */
    public int headingLevel() {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6'
                ? name.charAt(1) - '0' : 0;
    }

    void add(MarkupNode child) {
        children.add(child);
    }

    @Override
    public String toString() {
        return name + "[" + start + "," + end + ")" + (text == null ? "" : " '" + text.text() + "'");
    }
}
