package hub.vale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers the visible text of one markup block at a time, character by character with its source index, and
 * collects the finished blocks. Code is kept as one {@code *} per character, as Vale does, so that offsets and word
 * counts stay right while no rule matches inside code.
 */
final class BlockCollector {

    /** A finished markup block; {@code prose} blocks are split further into paragraphs and sentences. */
    record MarkupBlock(Block block, boolean prose) {}

    private final String source;
    private final String ext;
    private final List<MarkupBlock> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int[] sources = new int[64];

    BlockCollector(String source, String ext) {
        this.source = source;
        this.ext = ext;
    }

    /** Source characters [from, to) as they are. */
    void copy(int from, int to) {
        for (int i = from; i < to; i++) {
            append(source.charAt(i), i);
        }
    }

    /** Code: one '*' for each source character in [from, to). */
    void mask(int from, int to) {
        for (int i = from; i < to; i++) {
            append(source.charAt(i) == '\n' ? '\n' : '*', i);
        }
    }

    void append(char c, int sourceIndex) {
        int at = text.length();
        if (at == sources.length) {
            sources = Arrays.copyOf(sources, at * 2);
        }
        text.append(c);
        sources[at] = sourceIndex;
    }

    /**
     * Ends the current block: {@code scope} is its Vale scope without the extension (e.g. {@code text.list}), or
     * null for prose. Blank blocks are dropped.
     */
    void finish(String scope) {
        if (!text.toString().isBlank()) {
            boolean prose = scope == null;
            Block raw = new Block(text.toString(), prose ? "txt" : scope + "." + ext,
                    Arrays.copyOf(sources, text.length()));
            blocks.add(new MarkupBlock(raw.strip(raw.scope()), prose));
        }
        text.setLength(0);
    }

    List<MarkupBlock> blocks() {
        return blocks;
    }
}
