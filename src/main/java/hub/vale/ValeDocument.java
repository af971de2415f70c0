package hub.vale;

import hub.article.ArticleFormat;
import hub.markup.MarkupDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * What a {@code .vale.ini} changes in how a document is read: {@code TokenIgnores} and {@code BlockIgnores}
     * (patterns over the source whose first group, or else whole match, no rule sees: masked as code is, so that
     * offsets stay right), {@code SkippedScopes} (block tags left out) and {@code IgnoredScopes} (inline tags masked).
     */
    public record Options(List<Pattern> tokenIgnores, List<Pattern> blockIgnores, Set<String> skippedScopes,
            Set<String> ignoredScopes) {

        public static final Options DEFAULT = new Options(List.of(), List.of(),
                Set.copyOf(ValeIni.DEFAULT_SKIPPED_SCOPES), Set.copyOf(ValeIni.DEFAULT_IGNORED_SCOPES));

        public Options {
            tokenIgnores = List.copyOf(tokenIgnores);
            blockIgnores = List.copyOf(blockIgnores);
            skippedScopes = Set.copyOf(skippedScopes);
            ignoredScopes = Set.copyOf(ignoredScopes);
        }

        /** The options of {@code ini} for {@code fileName}; an ignore pattern is translated as rules are. */
        public static Options of(ValeIni ini, String fileName) {
            return of(ini, fileName, new ArrayList<>());
        }

        /** As above; an ignore pattern that does not compile is left out and named in {@code warnings}. */
        public static Options of(ValeIni ini, String fileName, List<String> warnings) {
            return new Options(compile("TokenIgnores", ini.tokenIgnores(fileName), warnings),
                    compile("BlockIgnores", ini.blockIgnores(fileName), warnings),
                    Set.copyOf(ini.skippedScopes()), Set.copyOf(ini.ignoredScopes()));
        }

        private static List<Pattern> compile(String key, List<String> patterns, List<String> warnings) {
            List<Pattern> compiled = new ArrayList<>();
            for (String p : patterns) {
                try {
                    compiled.add(GoRegex.compile(p));
                } catch (IllegalArgumentException e) {
                    warnings.add(key + " pattern skipped: " + e.getMessage());
                }
            }
            return compiled;
        }
    }

    public static ValeDocument of(String source, ArticleFormat format) {
        return of(source, format, Options.DEFAULT);
    }

    public static ValeDocument of(String source, ArticleFormat format, Options options) {
        return of(source, format, options, null);
    }

    /** As above, reading Markdown or HTML from {@code parsed} when it is given (the article's text map's parse). */
    private static ValeDocument of(String source, ArticleFormat format, Options options, MarkupDocument parsed) {
        String text = source == null ? "" : source;
        List<BlockCollector.MarkupBlock> markup = switch (format == null ? ArticleFormat.PLAIN : format) {
            case MARKDOWN -> MarkdownBlocks.parse(parsed != null ? parsed : MarkupDocument.markdown(text),
                    options.skippedScopes(), options.ignoredScopes());
            case HTML -> HtmlBlocks.parse(parsed != null ? parsed : MarkupDocument.html(text),
                    options.skippedScopes(), options.ignoredScopes());
            case PLAIN -> List.of(new BlockCollector.MarkupBlock(Block.verbatim(text, "txt", 0), true));
        };
        String ext = format == ArticleFormat.MARKDOWN ? "md" : format == ArticleFormat.HTML ? "html" : "txt";
        return assemble(text, ext, ignore(text, markup, options));
    }

    /** The markup blocks with what the ignore patterns match masked; a block left with nothing else is dropped. */
    private static List<BlockCollector.MarkupBlock> ignore(String source, List<BlockCollector.MarkupBlock> markup,
            Options options) {
        if (options.tokenIgnores().isEmpty() && options.blockIgnores().isEmpty()) {
            return markup;
        }
        boolean[] ignored = new boolean[source.length() + 1];
        for (Pattern p : concat(options.tokenIgnores(), options.blockIgnores())) {
            Matcher m = p.matcher(source);
            while (m.find()) {
                boolean group = m.groupCount() >= 1 && m.start(1) >= 0;
                Arrays.fill(ignored, group ? m.start(1) : m.start(), group ? m.end(1) : m.end(), true);
            }
        }
        List<BlockCollector.MarkupBlock> out = new ArrayList<>();
        for (BlockCollector.MarkupBlock m : markup) {
            Block masked = m.block().masked(ignored);
            if (!masked.text().chars().allMatch(c -> c == '*' || Character.isWhitespace(c))
                    || masked.text().equals(m.block().text())) {
                out.add(new BlockCollector.MarkupBlock(masked, m.prose()));
            }
        }
        return out;
    }

    private static List<Pattern> concat(List<Pattern> a, List<Pattern> b) {
        List<Pattern> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The document for {@code key}'s text, parsed once while {@code key} (e.g. the request's article) lives. */
    public static ValeDocument cached(Object key, String source, ArticleFormat format) {
        return cached(key, source, format, null);
    }

    /**
     * As above, from the article's already parsed Markdown or HTML ({@code hub.article.PlainText#markup()}; null:
     * parse it here), so that one parse serves the text map and Vale's scopes.
     */
    public static ValeDocument cached(Object key, String source, ArticleFormat format, MarkupDocument parsed) {
        return CACHE.computeIfAbsent(key, k -> of(source, format, Options.DEFAULT, parsed));
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
