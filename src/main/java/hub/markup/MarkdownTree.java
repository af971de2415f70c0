package hub.markup;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown as GitHub renders it (CommonMark with tables and strikethrough, parsed by commonmark-java with source
 * spans) turned into {@link MarkupNode}s. Two things the parser has no extension for here are read by hand, as
 * goldmark's extensions read them: YAML front matter ({@code ---} to {@code ---} or {@code ...} at the very start;
 * it is blanked out before parsing so that every offset stays put) and a task list item's box ({@code [ ]},
 * {@code [x]}). An HTML block is kept as {@link MarkupNode#RAW_HTML} with what jsoup parses of it as children, as
 * goldmark passes raw HTML through to the HTML Vale reads.
 */
final class MarkdownTree {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Pattern FRONT_MATTER = Pattern.compile(
            "\\A---[ \\t]*\\r?\\n(?:.*\\r?\\n)*?(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)");
    private static final Pattern TASK_BOX = Pattern.compile("\\[[ xX]][ \\t]+");

    private final String source;
    private int depth;

    private MarkdownTree(String source) {
        this.source = source;
    }

    static MarkupNode parse(String source) {
        MarkupNode root = new MarkupNode("#document", true, 0, source.length(), null);
        Matcher frontMatter = FRONT_MATTER.matcher(source);
        String parsed = source;
        if (frontMatter.lookingAt()) {
            root.add(new MarkupNode(MarkupNode.FRONT_MATTER, true, 0, frontMatter.end(), null));
            parsed = blank(source, frontMatter.end());
        }
        new MarkdownTree(source).children(PARSER.parse(parsed), root);
        return root;
    }

    /** The source with its first {@code length} characters blanked out (line breaks kept). */
    private static String blank(String source, int length) {
        char[] chars = source.toCharArray();
        for (int i = 0; i < length; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private void children(Node parent, MarkupNode into) {
        if (depth >= MarkupNode.MAX_DEPTH) {
            flatten(parent, into);
            return;
        }
        depth++;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            MarkupNode node = node(child, into);
            if (node != null) {
                into.add(node);
            }
        }
        depth--;
    }

    /** Below {@link MarkupNode#MAX_DEPTH}: only the text of every descendant, in order, without further nesting. */
    private void flatten(Node parent, MarkupNode into) {
        Node next = parent.getFirstChild();
        while (next != null) {
            Node node = next;
            boolean leaf = node instanceof Text || node instanceof Code || node instanceof SoftLineBreak
                    || node instanceof HardLineBreak;
            if (leaf) {
                into.add(node(node, into));
            }
            next = !leaf && node.getFirstChild() != null ? node.getFirstChild() : node.getNext();
            for (Node up = node; next == null && up.getParent() != null && up.getParent() != parent; ) {
                up = up.getParent();
                next = up.getNext();
            }
        }
    }

    private MarkupNode node(Node node, MarkupNode parent) {
        int start = start(node);
        int end = end(node);
        if (node instanceof Text text) {
            return new MarkupNode(MarkupNode.TEXT, false, start, end,
                    TextSpans.aligned(source, start, end, text.getLiteral(), true));
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            return lineBreak(node);
        }
        if (node instanceof Code) {
            int run = 0;
            while (start + run < end && source.charAt(start + run) == '`') {
                run++;
            }
            MarkupNode code = new MarkupNode("code", false, start, end, null);
            code.add(new MarkupNode(MarkupNode.TEXT, false, start + run, end - run,
                    TextSpans.verbatim(source, start + run, end - run)));
            return code;
        }
        if (node instanceof HtmlInline || node instanceof HtmlBlock) {
            boolean comment = source.startsWith("<!--", start);
            MarkupNode html = new MarkupNode(comment ? MarkupNode.COMMENT : MarkupNode.RAW_HTML,
                    node instanceof HtmlBlock, start, end, null);
            if (node instanceof HtmlBlock && !comment && start >= 0) {
                HtmlTree.fragment(source, start, end, html);
            }
            return html;
        }
        if (node instanceof LinkReferenceDefinition) {
            return new MarkupNode(MarkupNode.LINK_DEFINITION, true, start, end, null);
        }
        if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            MarkupNode pre = new MarkupNode("pre", true, start, end, null);
            int[] content = codeContent(node);
            if (content[0] < content[1]) {
                pre.add(new MarkupNode(MarkupNode.TEXT, false, content[0], content[1],
                        TextSpans.verbatim(source, content[0], content[1])));
            }
            return pre;
        }
        MarkupNode element = new MarkupNode(tag(node), isBlock(node), start, end, null);
        if (node instanceof ListItem) {
            taskBox(node);
        }
        children(node, element);
        return element;
    }

    /** A task list item's box is markup: its paragraph's first text starts after it. */
    private static void taskBox(Node item) {
        if (item.getFirstChild() instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof Text text) {
            Matcher box = TASK_BOX.matcher(text.getLiteral());
            if (box.lookingAt() && box.end() < text.getLiteral().length() && !text.getSourceSpans().isEmpty()) {
                SourceSpan span = text.getSourceSpans().get(0);
                text.setLiteral(text.getLiteral().substring(box.end()));
                text.setSourceSpans(List.of(span.subSpan(box.end())));
            }
        }
    }

    /** A line break: what is left of its line after the text before it, and the line ending. */
    private MarkupNode lineBreak(Node node) {
        int from = start(node);
        for (Node previous = node.getPrevious(); from < 0 && previous != null; previous = previous.getPrevious()) {
            from = end(previous);
        }
        from = Math.max(0, from < 0 ? start(node.getParent()) : from);
        int newline = from;
        while (newline < source.length() && source.charAt(newline) != '\n' && source.charAt(newline) != '\r') {
            newline++;
        }
        int to = source.startsWith("\r\n", newline) ? newline + 2 : Math.min(source.length(), newline + 1);
        return new MarkupNode(MarkupNode.BREAK, false, from, to, TextSpans.of('\n', newline, to));
    }

    /** The source span of a code block's content lines (without fences), as [start, end). */
    private int[] codeContent(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (spans.isEmpty()) {
            return new int[] {0, 0};
        }
        int first = 0;
        int last = spans.size();
        if (block instanceof FencedCodeBlock fenced) {
            first = 1;
            if (last > 1 && fenced.getClosingFenceLength() != null) {
                last--;
            }
        }
        if (first >= last) {
            return new int[] {0, 0};
        }
        SourceSpan end = spans.get(last - 1);
        return new int[] {spans.get(first).getInputIndex(), end.getInputIndex() + end.getLength()};
    }

    private static String tag(Node node) {
        if (node instanceof Heading heading) {
            return "h" + heading.getLevel();
        } else if (node instanceof Paragraph) {
            return "p";
        } else if (node instanceof BlockQuote) {
            return "blockquote";
        } else if (node instanceof BulletList) {
            return "ul";
        } else if (node instanceof OrderedList) {
            return "ol";
        } else if (node instanceof ListItem) {
            return "li";
        } else if (node instanceof ThematicBreak) {
            return "hr";
        } else if (node instanceof TableBlock) {
            return "table";
        } else if (node instanceof TableHead) {
            return "thead";
        } else if (node instanceof TableBody) {
            return "tbody";
        } else if (node instanceof TableRow) {
            return "tr";
        } else if (node instanceof TableCell cell) {
            return cell.isHeader() ? "th" : "td";
        } else if (node instanceof Emphasis) {
            return "em";
        } else if (node instanceof StrongEmphasis) {
            return "strong";
        } else if (node instanceof Strikethrough) {
            return "del";
        } else if (node instanceof Link) {
            return "a";
        } else if (node instanceof Image) {
            return "img";
        }
        return isBlock(node) ? "div" : "span";
    }

    private static boolean isBlock(Node node) {
        return node instanceof org.commonmark.node.Block || node instanceof TableHead || node instanceof TableBody
                || node instanceof TableRow || node instanceof TableCell;
    }

    private static int start(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? -1 : spans.get(0).getInputIndex();
    }

    private static int end(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return -1;
        }
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength();
    }
}
