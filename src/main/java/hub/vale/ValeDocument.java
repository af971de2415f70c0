package hub.vale;

import hub.article.ArticleFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submitted text as the blocks Vale's rules run on, in document order. Each markup block is one block of its
 * scope; a prose paragraph is also split into {@code paragraph} and {@code sentence} blocks and kept whole as a
 * {@code text} block. Last come {@code summary} (all prose, list and quote text) and {@code raw} (the source).
 */
public final class ValeDocument {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final Map<Object, ValeDocument> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final String source;
    private final String ext;
    private final List<Block> blocks;

    private ValeDocument(String source, String ext, List<Block> blocks) {
        this.source = source;
        this.ext = ext;
        this.blocks = List.copyOf(blocks);
    }

    public static ValeDocument of(String source, ArticleFormat format) {
        String text = source == null ? "" : source;
        return switch (format == null ? ArticleFormat.PLAIN : format) {
            case MARKDOWN -> assemble(text, "md", MarkdownBlocks.parse(text));
            case HTML -> assemble(text, "html", HtmlBlocks.parse(text));
            case PLAIN -> assemble(text, "txt",
                    List.of(new BlockCollector.MarkupBlock(Block.verbatim(text, "txt", 0), true)));
        };
    }

    /** The document for {@code key}'s text, parsed once while {@code key} (e.g. the request's article) lives. */
    public static ValeDocument cached(Object key, String source, ArticleFormat format) {
        return CACHE.computeIfAbsent(key, k -> of(source, format));
    }

    public String source() {
        return source;
    }

    public List<Block> blocks() {
        return blocks;
    }

    private static ValeDocument assemble(String source, String ext, List<BlockCollector.MarkupBlock> markup) {
        List<Block> blocks = new ArrayList<>();
        List<Block> summarised = new ArrayList<>();
        for (BlockCollector.MarkupBlock m : markup) {
            Block b = m.block();
            if (m.prose()) {
                prose(b, ext, blocks);
                summarised.add(b);
            } else {
                blocks.add(b);
                if (b.scope().startsWith("text.list") || b.scope().startsWith("text.blockquote")) {
                    summarised.add(b);
                }
            }
        }
        blocks.add(join(summarised, "summary." + ext));
        blocks.add(Block.verbatim(source, "raw." + ext, 0));
        return new ValeDocument(source, ext, blocks);
    }

    private static void prose(Block block, String ext, List<Block> out) {
        String text = block.text();
        Matcher m = BLANK_LINE.matcher(text);
        int from = 0;
        while (from <= text.length()) {
            int to = m.find(from) ? m.start() : text.length();
            Block paragraph = block.slice(from, to, "paragraph." + ext).strip("paragraph." + ext);
            if (!paragraph.text().isEmpty()) {
                out.add(paragraph);
                for (int[] s : Sentences.spans(paragraph.text())) {
                    out.add(paragraph.slice(s[0], s[1], "sentence." + ext));
                }
            }
            if (to == text.length()) {
                break;
            }
            from = m.end();
        }
        out.add(block.slice(0, text.length(), "text." + ext));
    }

    private static Block join(List<Block> parts, String scope) {
        StringBuilder text = new StringBuilder();
        int length = parts.stream().mapToInt(p -> p.text().length() + 2).sum();
        int[] sources = new int[Math.max(0, length - 2)];
        for (Block part : parts) {
            if (text.length() > 0) {
                sources[text.length()] = part.sourceStart(0);
                sources[text.length() + 1] = part.sourceStart(0);
                text.append("\n\n");
            }
            for (int i = 0; i < part.text().length(); i++) {
                sources[text.length() + i] = part.sourceStart(i);
            }
            text.append(part.text());
        }
        return new Block(text.toString(), scope, Arrays.copyOf(sources, text.length()));
    }
}
