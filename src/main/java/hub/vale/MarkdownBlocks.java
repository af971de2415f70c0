package hub.vale;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Set;

/**
 * Markdown (CommonMark with GitHub tables and YAML front matter, parsed by flexmark) as Vale's blocks: headings,
 * list items, block quotes and table cells are scoped blocks; other paragraphs are prose. Code spans are masked,
 * code blocks, HTML blocks, images and front matter are left out.
 */
final class MarkdownBlocks {

    private static final Parser PARSER = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), YamlFrontMatterExtension.create())))
            .build();

    private final BlockCollector out;
    private final Set<String> skipped;
    private final Set<String> ignored;

    private MarkdownBlocks(String source, Set<String> skipped, Set<String> ignored) {
        this.out = new BlockCollector(source, "md");
        this.skipped = skipped;
        this.ignored = ignored;
    }

    static List<BlockCollector.MarkupBlock> parse(String source) {
        return parse(source, Set.copyOf(ValeIni.DEFAULT_SKIPPED_SCOPES), Set.copyOf(ValeIni.DEFAULT_IGNORED_SCOPES));
    }

    /**
     * With {@code SkippedScopes} and {@code IgnoredScopes} as the HTML tags the Markdown renders to: a heading is
     * {@code h1}–{@code h6}, a list item {@code li}, a quote {@code blockquote}, a table cell {@code th}/{@code td}
     * (inside {@code table}), a paragraph {@code p}; inline, a code span is {@code code}, emphasis {@code em}, strong
     * emphasis {@code strong}, a link {@code a}. Code blocks are always left out.
     */
    static List<BlockCollector.MarkupBlock> parse(String source, Set<String> skipped, Set<String> ignored) {
        MarkdownBlocks blocks = new MarkdownBlocks(source, skipped, ignored);
        blocks.container(PARSER.parse(source), null);
        return blocks.out.blocks();
    }

    private void container(Node node, String scope) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            block(child, scope);
        }
    }

    private void block(Node node, String scope) {
        if (skipped.contains(tag(node)) || node instanceof TableCell && skipped.contains("table")) {
            return;
        }
        if (node instanceof Heading heading) {
            inlines(heading);
            out.finish("text.heading.h" + heading.getLevel());
        } else if (node instanceof Paragraph) {
            inlines(node);
            out.finish(scope);
        } else if (node instanceof TableCell cell) {
            inlines(cell);
            out.finish(cell.isHeader() ? "text.table.header" : "text.table.cell");
        } else if (node instanceof ListItem) {
            container(node, "text.list");
        } else if (node instanceof BlockQuote) {
            container(node, scope == null ? "text.blockquote" : scope);
        } else if (!isSkipped(node)) {
            container(node, scope);
        }
    }

    private static boolean isSkipped(Node node) {
        return node instanceof CodeBlock || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
                || node instanceof HtmlBlock || node instanceof HtmlCommentBlock || node instanceof ThematicBreak
                || node instanceof YamlFrontMatterBlock || node instanceof Reference;
    }

    private void inlines(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node);
        }
    }

    private static String tag(Node node) {
        if (node instanceof Heading heading) {
            return "h" + heading.getLevel();
        } else if (node instanceof TableCell cell) {
            return cell.isHeader() ? "th" : "td";
        } else if (node instanceof ListItem) {
            return "li";
        } else if (node instanceof BlockQuote) {
            return "blockquote";
        } else if (node instanceof Paragraph) {
            return "p";
        } else if (node instanceof Code) {
            return "code";
        } else if (node instanceof Emphasis) {
            return "em";
        } else if (node instanceof StrongEmphasis) {
            return "strong";
        } else if (node instanceof Link || node instanceof LinkRef) {
            return "a";
        }
        return "";
    }

    private void inline(Node node) {
        if (!(node instanceof Code) && !tag(node).isEmpty() && ignored.contains(tag(node))) {
            out.mask(node.getStartOffset(), node.getEndOffset());
            return;
        }
        if (node instanceof Code code && !ignored.contains("code")) {
            out.copy(code.getText().getStartOffset(), code.getText().getEndOffset());
        } else if (node instanceof Text) {
            out.copyUnescaped(node.getStartOffset(), node.getEndOffset());
        } else if (node instanceof Code code) {
            BasedSequence text = code.getText();
            out.mask(text.getStartOffset(), text.getEndOffset());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            int newline = node.getChars().indexOf('\n');
            out.append('\n', newline < 0 ? node.getStartOffset() : node.getStartOffset() + newline);
        } else if (node instanceof HtmlEntity) {
            out.decoded(org.jsoup.parser.Parser.unescapeEntities(node.getChars().toString(), false),
                    node.getStartOffset());
        } else if (node instanceof AutoLink || node instanceof MailLink) {
            BasedSequence text = node instanceof AutoLink link ? link.getText() : ((MailLink) node).getText();
            out.copy(text.getStartOffset(), text.getEndOffset());
        } else if (!(node instanceof Image || node instanceof ImageRef || node instanceof HtmlInline
                || node instanceof HtmlInlineComment)) {
            inlines(node);
        }
    }
}
