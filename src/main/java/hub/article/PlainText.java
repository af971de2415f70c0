package hub.article;

import hub.report.model.Finding;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The visible text of an article, as the checks and the LLM see it, plus a map from every visible character back to
 * the span of the submitted text it came from.
 *
 * <p>All offsets are Java {@code String} indices, i.e. UTF-16 code units, which is also what Office.js counts; a
 * character outside the Basic Multilingual Plane (an emoji, say) therefore counts 2.
 *
 * <p>Markup that wraps text inline (markdown emphasis, code backticks, link syntax; HTML inline tags) is attached to
 * the text it wraps: a span that starts at the first wrapped character starts at the opening markup, a span that ends
 * at the last wrapped character ends after the closing markup. So {@code **guaranteed** returns} maps back whole.
 * Markup that only structures lines (headings, list markers, HTML block tags) is not attached.
 *
 * <p>The scanners never throw on malformed markup: whatever they cannot parse stays visible as literal text.
 */
public final class PlainText {

    private final String source;
    private final String text;
    /** Source start and end (exclusive) of every visible character; both null when text is source. */
    private final int[] starts;
    private final int[] ends;
    private final ArticleFormat format;
    private String folded;

    private PlainText(String source, String text, int[] starts, int[] ends) {
        this(source, text, starts, ends, ArticleFormat.PLAIN);
    }

    private PlainText(String source, String text, int[] starts, int[] ends, ArticleFormat format) {
        this.source = source;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.format = format;
    }

    public static PlainText of(String source, ArticleFormat format) {
        String submitted = source == null ? "" : source;
        ArticleFormat f = format == null ? ArticleFormat.PLAIN : format;
        PlainText scanned = switch (f) {
            case PLAIN -> new PlainText(submitted, submitted, null, null);
            case MARKDOWN -> new Markdown(submitted).scan();
            case HTML -> new Html(submitted).scan();
        };
        return new PlainText(scanned.source, scanned.text, scanned.starts, scanned.ends, f);
    }

    /** How the submitted text is marked up. */
    public ArticleFormat format() {
        return format;
    }

    /** The visible text. */
    /**
     * {@link #text()} with every char case-folded ({@link #fold(char)}), same length and offsets: a cheap test of
     * whether a case-insensitive match can exist at all.
     */
    public String folded() {
        String f = folded;
        if (f == null) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                chars[i] = fold(chars[i]);
            }
            f = new String(chars);
            folded = f;
        }
        return f;
    }

    /** The case fold under which two chars match case-insensitively (as {@code Pattern.UNICODE_CASE} compares). */
    public static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    public String text() {
        return text;
    }

    /** The text as submitted. */
    public String source() {
        return source;
    }

    /** Source index where the visible character at {@code plainIndex} starts; the text length maps to the end. */
    public int sourceOffset(int plainIndex) {
        Objects.checkIndex(plainIndex, text.length() + 1);
        if (starts == null) {
            return plainIndex;
        }
        return plainIndex == text.length() ? source.length() : starts[plainIndex];
    }

    /** Source index (exclusive) where a visible span ending before {@code plainEndExclusive} ends. */
    public int sourceEnd(int plainEndExclusive) {
        Objects.checkIndex(plainEndExclusive, text.length() + 1);
        if (ends == null || plainEndExclusive == 0) {
            return plainEndExclusive;
        }
        return ends[plainEndExclusive - 1];
    }

    /** A finding for the visible span [plainStart, plainEnd), located and quoted in the source. */
    public Finding locate(String checkId, int plainStart, int plainEnd, String message, String suggestion) {
        Objects.checkFromToIndex(plainStart, plainEnd, text.length());
        int start = sourceOffset(plainStart);
        int end = plainEnd == plainStart ? start : sourceEnd(plainEnd);
        return new Finding(checkId, message, source.substring(start, end), start, end - start, suggestion);
    }

    /** Accumulates visible characters together with the source span each came from. */
    private static final class Builder {
        private final String source;
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        /** Start of opening markup waiting to be attached to the next visible character, or -1. */
        private int pendingOpen = -1;

        Builder(String source) {
            this.source = source;
        }

        /** The source character at {@code index} is visible as itself. */
        void copy(int index) {
            append(source.charAt(index), takeOpen(index), index + 1);
        }

        /** Characters decoded from the source span [start, end), e.g. an entity. */
        void decoded(String chars, int start, int end) {
            int from = takeOpen(start);
            for (int i = 0; i < chars.length(); i++) {
                append(chars.charAt(i), from, end);
            }
        }

        /** A character the scanner inserts (a collapsed space, a block break); never carries opening markup. */
        void synthetic(char c, int start, int end) {
            append(c, start, end);
        }

        /** Opening inline markup at {@code index}: the next visible character starts there. */
        void open(int index) {
            if (pendingOpen < 0) {
                pendingOpen = index;
            }
        }

        /** The opening markup is not adjacent to visible text after all. */
        void cancelOpen() {
            pendingOpen = -1;
        }

        /** Closing inline markup ending at {@code end}: the last visible character now ends there. */
        void close(int end) {
            if (text.length() > 0 && pendingOpen < 0) {
                ends[text.length() - 1] = Math.max(ends[text.length() - 1], end);
            }
        }

        boolean isEmpty() {
            return text.length() == 0;
        }

        char last() {
            return text.charAt(text.length() - 1);
        }

        PlainText build() {
            int length = text.length();
            return new PlainText(source, text.toString(),
                    Arrays.copyOf(starts, length), Arrays.copyOf(ends, length));
        }

        private int takeOpen(int start) {
            int from = pendingOpen >= 0 ? pendingOpen : start;
            pendingOpen = -1;
            return from;
        }

        private void append(char c, int start, int end) {
            int at = text.length();
            if (at == starts.length) {
                starts = Arrays.copyOf(starts, at * 2);
                ends = Arrays.copyOf(ends, at * 2);
            }
            text.append(c);
            starts[at] = start;
            ends[at] = end;
        }
    }

    /** A decoded character reference and the index just after it. */
    private record Entity(String chars, int end) {

        private static final int MAX_NAME = 32;
        private static final Map<String, String> NAMED = Map.ofEntries(
                Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
                Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("euro", "€"),
                Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"), Map.entry("ndash", "–"),
                Map.entry("mdash", "—"), Map.entry("rsquo", "’"), Map.entry("lsquo", "‘"), Map.entry("ldquo", "“"),
                Map.entry("rdquo", "”"), Map.entry("sbquo", "‚"), Map.entry("bdquo", "„"), Map.entry("laquo", "«"),
                Map.entry("raquo", "»"), Map.entry("hellip", "…"), Map.entry("bull", "•"), Map.entry("middot", "·"),
                Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("sect", "§"),
                Map.entry("para", "¶"), Map.entry("deg", "°"), Map.entry("plusmn", "±"), Map.entry("times", "×"),
                Map.entry("divide", "÷"), Map.entry("permil", "‰"), Map.entry("frac12", "½"),
                Map.entry("frac14", "¼"), Map.entry("frac34", "¾"), Map.entry("sup2", "²"), Map.entry("sup3", "³"),
                Map.entry("shy", "\u00AD"), Map.entry("ensp", "\u2002"), Map.entry("emsp", "\u2003"),
                Map.entry("thinsp", "\u2009"), Map.entry("zwnj", "\u200C"), Map.entry("zwj", "\u200D"),
                Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"),
                Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"), Map.entry("eacute", "é"),
                Map.entry("Eacute", "É"), Map.entry("egrave", "è"), Map.entry("ecirc", "ê"), Map.entry("agrave", "à"),
                Map.entry("aacute", "á"), Map.entry("acirc", "â"), Map.entry("ccedil", "ç"), Map.entry("iacute", "í"),
                Map.entry("oacute", "ó"), Map.entry("uacute", "ú"), Map.entry("ntilde", "ñ"));

        /** The character reference starting at {@code amp} (which holds '&'), or null if there is none. */
        static Entity at(String s, int amp) {
            int limit = Math.min(s.length(), amp + 2 + MAX_NAME);
            int semicolon = amp + 1;
            while (semicolon < limit && s.charAt(semicolon) != ';') {
                semicolon++;
            }
            if (semicolon == limit) {
                return null;
            }
            String body = s.substring(amp + 1, semicolon);
            String chars = body.startsWith("#") ? numeric(body.substring(1)) : NAMED.get(body);
            return chars == null ? null : new Entity(chars, semicolon + 1);
        }

        private static String numeric(String digits) {
            boolean hex = digits.startsWith("x") || digits.startsWith("X");
            String number = hex ? digits.substring(1) : digits;
            if (number.isEmpty() || number.length() > 8
                    || !number.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0)) {
                return null;
            }
            long codePoint = Long.parseLong(number, hex ? 16 : 10);
            boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
                    && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
            return Character.toString(valid ? (int) codePoint : 0xFFFD);
        }
    }

    /**
     * Markdown in two passes: classify every source character (visible, hidden, opening or closing markup, literal),
     * then emit the visible ones. Block markers are recognised per line, inline syntax per paragraph.
     */
    private static final class Markdown {
        private static final byte VISIBLE = 0;
        private static final byte HIDDEN = 1;
        private static final byte OPEN = 2;
        private static final byte CLOSE = 3;
        /** Visible, with no entity decoding (code). */
        private static final byte LITERAL = 4;

        private static final Pattern RULE_LINE = Pattern.compile("([-*_=])(?:[ \\t]*\\1){2,}[ \\t]*");
        private static final Pattern TASK_BOX = Pattern.compile("\\[[ xX]][ \\t]");

        private final String s;
        private final byte[] kind;

        Markdown(String source) {
            this.s = source;
            this.kind = new byte[source.length()];
        }

        PlainText scan() {
            hideComments();
            classifyLines();
            return emit();
        }

        private void hideComments() {
            int from = 0;
            int open;
            while ((open = s.indexOf("<!--", from)) >= 0) {
                int close = s.indexOf("-->", open + 4);
                int end = close < 0 ? s.length() : close + 3;
                mark(open, end, HIDDEN);
                from = end;
            }
        }

        private void classifyLines() {
            String fence = null;
            int paragraphStart = -1;
            int lineStart = 0;
            while (lineStart < s.length()) {
                int lineEnd = lineEnd(lineStart);
                int next = nextLine(lineEnd);
                if (fence != null) {
                    String closing = fenceAt(skipMarkers(lineStart, lineEnd), lineEnd);
                    if (closing != null && closing.charAt(0) == fence.charAt(0) && closing.length() >= fence.length()) {
                        mark(lineStart, lineEnd, HIDDEN);
                        fence = null;
                    } else {
                        mark(lineStart, lineEnd, LITERAL);
                    }
                } else if (isBlank(lineStart, lineEnd)) {
                    paragraphStart = inlineParagraph(paragraphStart, lineStart);
                } else {
                    int content = skipMarkers(lineStart, lineEnd);
                    String opensFence = fenceAt(content, lineEnd);
                    if (opensFence != null) {
                        paragraphStart = inlineParagraph(paragraphStart, lineStart);
                        mark(lineStart, lineEnd, HIDDEN);
                        fence = opensFence;
                    } else if (RULE_LINE.matcher(s).region(content, lineEnd).matches()) {
                        mark(lineStart, lineEnd, HIDDEN);
                    } else {
                        mark(lineStart, blockMarkersEnd(content, lineEnd), HIDDEN);
                        if (paragraphStart < 0) {
                            paragraphStart = lineStart;
                        }
                    }
                }
                lineStart = next;
            }
            inlineParagraph(paragraphStart, s.length());
        }

        /** Runs inline classification on an open paragraph ending at {@code end}; returns the new (closed) start. */
        private int inlineParagraph(int paragraphStart, int end) {
            if (paragraphStart >= 0) {
                new Inline(paragraphStart, end).classify();
            }
            return -1;
        }

        private int lineEnd(int from) {
            int i = from;
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            return i;
        }

        private int nextLine(int lineEnd) {
            if (lineEnd >= s.length()) {
                return s.length();
            }
            return s.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd + 1;
        }

        private boolean isBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (kind[i] != HIDDEN && !isWhitespace(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Skips indentation and blockquote markers; stops at a character already hidden (a comment). */
        private int skipMarkers(int from, int to) {
            int i = from;
            while (i < to && kind[i] == VISIBLE && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '>')) {
                i++;
            }
            return i;
        }

        /** The fence (``` or ~~~, possibly longer) opening at {@code at}, or null. */
        private String fenceAt(int at, int to) {
            for (char c : new char[] {'`', '~'}) {
                int i = at;
                while (i < to && s.charAt(i) == c) {
                    i++;
                }
                if (i - at >= 3) {
                    return s.substring(at, i);
                }
            }
            return null;
        }

        /** End of a heading or list marker (with the whitespace after it) starting at {@code at}. */
        private int blockMarkersEnd(int at, int to) {
            int i = at;
            while (i < to && s.charAt(i) == '#' && i - at < 7) {
                i++;
            }
            if (i > at && i - at <= 6 && (i == to || isWhitespace(s.charAt(i)))) {
                return skipSpaces(i, to);
            }
            i = at;
            if (i < to && "-*+".indexOf(s.charAt(i)) >= 0) {
                i++;
            } else {
                while (i < to && i - at < 9 && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == at || i == to || (s.charAt(i) != '.' && s.charAt(i) != ')')) {
                    return at;
                }
                i++;
            }
            if (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                int item = skipSpaces(i, to);
                return TASK_BOX.matcher(s).region(item, to).lookingAt() ? skipSpaces(item + 3, to) : item;
            }
            return at;
        }

        private int skipSpaces(int from, int to) {
            int i = from;
            while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            return i;
        }

        private void mark(int from, int to, byte k) {
            for (int i = from; i < to; i++) {
                kind[i] = k;
            }
        }

        private PlainText emit() {
            Builder out = new Builder(s);
            for (int i = 0; i < s.length(); i++) {
                switch (kind[i]) {
                    case OPEN -> out.open(i);
                    case CLOSE -> out.close(i + 1);
                    case LITERAL -> out.copy(i);
                    case VISIBLE -> {
                        Entity entity = s.charAt(i) == '&' ? Entity.at(s, i) : null;
                        if (entity != null && allVisible(i, entity.end())) {
                            out.decoded(entity.chars(), i, entity.end());
                            i = entity.end() - 1;
                        } else {
                            out.copy(i);
                        }
                    }
                    default -> { }
                }
            }
            return out.build();
        }

        private boolean allVisible(int from, int to) {
            for (int i = from; i < to; i++) {
                if (kind[i] != VISIBLE) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Inline syntax of one paragraph: backslash escapes, code spans, links and images, emphasis. Works on a view
         * of the characters still visible after block markers were hidden, so constructs may span lines.
         */
        private final class Inline {
            /** How far a code span, link text or link destination may reach; bounds the work on unclosed syntax. */
            private static final int MAX_SPAN = 2048;

            private final int[] index;
            private final char[] c;

            Inline(int from, int to) {
                int count = 0;
                int[] visible = new int[to - from];
                for (int i = from; i < to; i++) {
                    if (kind[i] == VISIBLE) {
                        visible[count++] = i;
                    }
                }
                index = Arrays.copyOf(visible, count);
                c = new char[count];
                for (int k = 0; k < count; k++) {
                    c[k] = s.charAt(index[k]);
                }
            }

            void classify() {
                span(0, c.length);
            }

            private void span(int from, int to) {
                Map<Character, Deque<Delimiter>> openers = new HashMap<>();
                int k = from;
                while (k < to) {
                    char ch = c[k];
                    if (ch == '\\' && k + 1 < to && isAsciiPunctuation(c[k + 1])) {
                        set(k, k + 1, HIDDEN);
                        set(k + 1, k + 2, LITERAL);
                        k += 2;
                    } else if (ch == '`') {
                        k = codeSpan(k, to);
                    } else if (ch == '[' || (ch == '!' && k + 1 < to && c[k + 1] == '[')) {
                        k = link(k, to);
                    } else if (ch == '*' || ch == '_' || ch == '~') {
                        k = delimiter(k, from, to, openers);
                    } else {
                        k++;
                    }
                }
            }

            private int codeSpan(int at, int to) {
                int run = runEnd(at, to) - at;
                for (int k = at + run; k < Math.min(to, at + run + MAX_SPAN); ) {
                    int end = c[k] == '`' ? runEnd(k, to) : k + 1;
                    if (c[k] == '`' && end - k == run) {
                        set(at, at + run, OPEN);
                        set(at + run, k, LITERAL);
                        set(k, end, CLOSE);
                        return end;
                    }
                    k = end;
                }
                return at + run;
            }

            /** {@code [text](url)} or {@code ![alt](url)}: the text stays, the rest wraps it. */
            private int link(int at, int to) {
                int textStart = c[at] == '!' ? at + 2 : at + 1;
                int textEnd = matching(textStart, Math.min(to, textStart + MAX_SPAN), '[', ']');
                if (textEnd < 0 || textEnd + 1 >= to || c[textEnd + 1] != '(') {
                    return textStart;
                }
                int destinationEnd = matching(textEnd + 2, Math.min(to, textEnd + 2 + MAX_SPAN), '(', ')');
                if (destinationEnd < 0) {
                    return textStart;
                }
                set(at, textStart, OPEN);
                set(textEnd, destinationEnd + 1, CLOSE);
                span(textStart, textEnd);
                return destinationEnd + 1;
            }

            /** Index of the bracket closing one opened just before {@code from}, or -1. */
            private int matching(int from, int to, char open, char close) {
                int depth = 0;
                for (int k = from; k < to; k++) {
                    if (c[k] == '\\') {
                        k++;
                    } else if (c[k] == open) {
                        depth++;
                    } else if (c[k] == close && depth-- == 0) {
                        return k;
                    }
                }
                return -1;
            }

            private int delimiter(int at, int from, int to, Map<Character, Deque<Delimiter>> openers) {
                int end = runEnd(at, to);
                char before = at > from ? c[at - 1] : ' ';
                char after = end < to ? c[end] : ' ';
                Delimiter run = new Delimiter(c[at], at, end, before, after);
                if (run.canClose) {
                    closeWith(run, openers);
                }
                if (run.canOpen && run.start < run.end) {
                    openers.computeIfAbsent(run.ch, ch -> new ArrayDeque<>()).push(run);
                }
                return end;
            }

            /** Matches the closer with the nearest opener of its kind; openers in between are dropped (CommonMark). */
            private void closeWith(Delimiter closer, Map<Character, Deque<Delimiter>> openers) {
                Deque<Delimiter> same = openers.getOrDefault(closer.ch, new ArrayDeque<>());
                while (closer.start < closer.end && !same.isEmpty() && closer.closes(same.peek())) {
                    Delimiter opener = same.peek();
                    for (Deque<Delimiter> stack : openers.values()) {
                        while (!stack.isEmpty() && stack.peek().position > opener.position) {
                            stack.pop();
                        }
                    }
                    int used = Math.min(opener.end - opener.start, closer.end - closer.start);
                    set(opener.end - used, opener.end, OPEN);
                    opener.end -= used;
                    set(closer.start, closer.start + used, CLOSE);
                    closer.start += used;
                    if (opener.start == opener.end) {
                        same.pop();
                    }
                }
            }

            private int runEnd(int at, int to) {
                int k = at;
                while (k < to && c[k] == c[at]) {
                    k++;
                }
                return k;
            }

            private void set(int from, int to, byte k) {
                for (int i = from; i < to; i++) {
                    kind[index[i]] = k;
                }
            }
        }

        /** A run of *, _ or ~; the still unmatched part is [start, end). Flanking rules follow CommonMark. */
        private static final class Delimiter {
            final char ch;
            final int position;
            final int length;
            final boolean canOpen;
            final boolean canClose;
            int start;
            int end;

            Delimiter(char ch, int start, int end, char before, char after) {
                this.ch = ch;
                this.position = start;
                this.start = start;
                this.end = end;
                this.length = end - start;
                boolean leftFlanking = !isWhitespace(after)
                        && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
                boolean rightFlanking = !isWhitespace(before)
                        && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
                boolean strikethrough = ch == '~';
                boolean validRun = !strikethrough || length <= 2;
                if (ch == '_') {
                    canOpen = leftFlanking && (!rightFlanking || isPunctuation(before));
                    canClose = rightFlanking && (!leftFlanking || isPunctuation(after));
                } else {
                    canOpen = validRun && leftFlanking;
                    canClose = validRun && rightFlanking;
                }
            }

            boolean closes(Delimiter opener) {
                return opener.start < opener.end && (ch != '~' || opener.length == length);
            }
        }
    }

    /**
     * HTML: tags are dropped, script/style/head/title/template content is skipped, entities are decoded, white space
     * collapses as a browser renders it (except inside pre), block elements become line breaks: a blank line between
     * blocks, a single line break for br, li, tr, td, th, dt, dd.
     */
    private static final class Html {
        private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template");
        private static final Set<String> LINE_BLOCKS = Set.of("br", "li", "tr", "td", "th", "dt", "dd");
        private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                "article", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "caption", "header",
                "footer", "main", "nav", "aside", "figure", "figcaption", "hr", "pre", "address", "details", "summary",
                "form", "fieldset", "body", "html");

        private final String s;
        private final Builder out;
        /** Line breaks owed before the next visible character (0, 1 or 2) and the span of the tags causing them. */
        private int pendingBreaks;
        private int breakStart;
        private int breakEnd;
        /** Collapsible white space owed before the next visible character, or -1. */
        private int spaceStart = -1;
        private int spaceEnd;
        private int preDepth;

        Html(String source) {
            this.s = source;
            this.out = new Builder(source);
        }

        PlainText scan() {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '<') {
                    i = markup(i);
                } else if (c == '&') {
                    i = reference(i);
                } else if (preDepth == 0 && isCollapsible(c)) {
                    if (spaceStart < 0) {
                        spaceStart = i;
                    }
                    spaceEnd = i + 1;
                    out.cancelOpen();
                    i++;
                } else {
                    flushSpacing();
                    out.copy(i);
                    i++;
                }
            }
            return out.build();
        }

        private int reference(int amp) {
            Entity entity = Entity.at(s, amp);
            flushSpacing();
            if (entity == null) {
                out.copy(amp);
                return amp + 1;
            }
            out.decoded(entity.chars(), amp, entity.end());
            return entity.end();
        }

        /** Handles the markup starting with '<' at {@code lt}; returns the index after it. */
        private int markup(int lt) {
            if (s.startsWith("<!--", lt)) {
                int close = s.indexOf("-->", lt + 4);
                return close < 0 ? s.length() : close + 3;
            }
            char next = lt + 1 < s.length() ? s.charAt(lt + 1) : ' ';
            if (next == '!' || next == '?') {
                int close = s.indexOf('>', lt);
                return close < 0 ? s.length() : close + 1;
            }
            boolean closing = next == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= s.length() || !isAsciiLetter(s.charAt(nameStart))) {
                flushSpacing();
                out.copy(lt);
                return lt + 1;
            }
            int nameEnd = nameStart;
            while (nameEnd < s.length() && isNameChar(s.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = s.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            int tagEnd = tagEnd(nameEnd);
            if (!closing && SKIPPED.contains(name) && s.charAt(tagEnd - 1) == '>' && s.charAt(tagEnd - 2) != '/') {
                return skipContent(name, tagEnd);
            }
            if (LINE_BLOCKS.contains(name) || BLOCKS.contains(name)) {
                block(name, closing, lt, tagEnd);
            } else if (closing) {
                if (spaceStart < 0 && pendingBreaks == 0) {
                    out.close(tagEnd);
                }
            } else {
                out.open(lt);
            }
            return tagEnd;
        }

        private void block(String name, boolean closing, int start, int end) {
            if (name.equals("pre")) {
                preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
            }
            if (pendingBreaks == 0) {
                breakStart = start;
            }
            breakEnd = end;
            int breaks = LINE_BLOCKS.contains(name) ? 1 : 2;
            pendingBreaks = name.equals("br") ? Math.min(2, pendingBreaks + 1) : Math.max(pendingBreaks, breaks);
            spaceStart = -1;
            out.cancelOpen();
        }

        /** Index after the '>' ending a tag whose name ends at {@code from}; quoted attribute values may hold '>'. */
        private int tagEnd(int from) {
            int i = from;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '>') {
                    return i + 1;
                }
                if (c == '=') {
                    int value = i + 1;
                    while (value < s.length() && isCollapsible(s.charAt(value))) {
                        value++;
                    }
                    if (value < s.length() && (s.charAt(value) == '"' || s.charAt(value) == '\'')) {
                        int quoteEnd = s.indexOf(s.charAt(value), value + 1);
                        if (quoteEnd < 0) {
                            int gt = s.indexOf('>', value);
                            return gt < 0 ? s.length() : gt + 1;
                        }
                        i = quoteEnd;
                    }
                }
                i++;
            }
            return s.length();
        }

        /** Skips to after {@code </name>}; an unclosed head ends where the body starts, anything else at the end. */
        private int skipContent(String name, int from) {
            int close = indexOfIgnoreCase("</" + name, from);
            if (name.equals("head")) {
                int body = indexOfIgnoreCase("<body", from);
                if (close < 0 || (body >= 0 && body < close)) {
                    return body < 0 ? from : body;
                }
            }
            return close < 0 ? s.length() : tagEnd(close + 2 + name.length());
        }

        private int indexOfIgnoreCase(String needle, int from) {
            for (int i = from; i + needle.length() <= s.length(); i++) {
                if (s.regionMatches(true, i, needle, 0, needle.length())) {
                    return i;
                }
            }
            return -1;
        }

        /** Emits owed line breaks or a collapsed space, unless at the very start of the text. */
        private void flushSpacing() {
            if (!out.isEmpty()) {
                if (pendingBreaks > 0) {
                    for (int n = 0; n < pendingBreaks; n++) {
                        out.synthetic('\n', breakStart, breakEnd);
                    }
                } else if (spaceStart >= 0 && out.last() != '\n') {
                    out.synthetic(' ', spaceStart, spaceEnd);
                }
            }
            pendingBreaks = 0;
            spaceStart = -1;
        }

        private static boolean isCollapsible(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        }

        private static boolean isNameChar(char c) {
            return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':';
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }

    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isPunctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && isPunctuation(c);
    }
}
