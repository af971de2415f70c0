package hub.vale;

import hub.markup.MarkupDocument;
import hub.markup.MarkupNode;
import hub.markup.TextSpans;
import java.util.List;
import java.util.Set;

/**
 * Markdown ({@link MarkupDocument#markdown}) as Vale's blocks: headings, list items, block quotes and table cells
 * are scoped blocks; other paragraphs are prose. Code spans are masked; code blocks, inline HTML tags, images, link
 * reference definitions and front matter are left out. An HTML block is read as HTML ({@link HtmlBlocks}), since
 * goldmark passes it through to the HTML Vale reads.
 */
final class MarkdownBlocks {

    private static final Set<String> LEFT_OUT = Set.of("pre", "hr", "img", MarkupNode.RAW_HTML, MarkupNode.COMMENT,
            MarkupNode.FRONT_MATTER, MarkupNode.LINK_DEFINITION);

    private final BlockCollector out;
    private final Set<String> skipped;
    private final Set<String> ignored;

    private MarkdownBlocks(String source, Set<String> skipped, Set<String> ignored) {
        this.out = new BlockCollector(source, "md");
        this.skipped = skipped;
        this.ignored = ignored;
    }

    /**
     * With {@code SkippedScopes} and {@code IgnoredScopes} as the HTML tags the Markdown renders to: a heading is
     * {@code h1}–{@code h6}, a list item {@code li}, a quote {@code blockquote}, a table cell {@code th}/{@code td}
     * (inside {@code table}), a paragraph {@code p}; inline, a code span is {@code code}, emphasis {@code em}, strong
     * emphasis {@code strong}, a link {@code a}. Code blocks are always left out.
     */
    static List<BlockCollector.MarkupBlock> parse(MarkupDocument document, Set<String> skipped, Set<String> ignored) {
        MarkdownBlocks blocks = new MarkdownBlocks(document.source(), skipped, ignored);
        blocks.container(document.root(), null);
        return blocks.out.blocks();
    }

    private void container(MarkupNode node, String scope) {
        for (MarkupNode child : node.children()) {
            block(child, scope);
        }
    }

    private void block(MarkupNode node, String scope) {
        boolean cell = node.is("th") || node.is("td");
        boolean left = LEFT_OUT.contains(node.name()) && !(node.is(MarkupNode.RAW_HTML) && node.isBlock());
        if (skipped.contains(node.name()) || cell && skipped.contains("table") || left) {
            return;
        }
        if (node.headingLevel() > 0) {
            inlines(node);
            out.finish("text.heading." + node.name());
        } else if (node.is("p")) {
            inlines(node);
            out.finish(scope);
        } else if (cell) {
            inlines(node);
            out.finish(node.is("th") ? "text.table.header" : "text.table.cell");
        } else if (node.is("li")) {
            container(node, "text.list");
        } else if (node.is("blockquote")) {
            container(node, scope == null ? "text.blockquote" : scope);
        } else if (node.is(MarkupNode.RAW_HTML)) {
            new HtmlBlocks(out, skipped, ignored).children(node, scope);
            out.finish(scope);
        } else {
            container(node, scope);
        }
    }

    private void inlines(MarkupNode parent) {
        for (MarkupNode node : parent.children()) {
            inline(node);
        }
    }

    private void inline(MarkupNode node) {
        if (node.is("code")) {
            for (MarkupNode content : node.children()) {
                if (ignored.contains("code")) {
                    out.mask(content.start(), content.end());
                } else {
                    out.copy(content.start(), content.end());
                }
            }
        } else if (ignored.contains(node.name())) {
            out.mask(node.start(), node.end());
        } else if (node.is(MarkupNode.TEXT) || node.is(MarkupNode.BREAK)) {
            TextSpans text = node.text();
            for (int i = 0; i < text.length(); i++) {
                out.append(text.charAt(i), text.start(i));
            }
        } else if (!LEFT_OUT.contains(node.name())) {
            inlines(node);
        }
    }
}
