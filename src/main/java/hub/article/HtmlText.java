package hub.article;

import hub.markup.MarkupDocument;
import hub.markup.MarkupNode;
import hub.markup.TextSpans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The visible text of an HTML article, read from its {@link MarkupDocument}: tags are dropped, script, style, head,
 * title and template content is skipped, white space collapses as a browser renders it (except inside pre), block
 * elements become line breaks: a blank line between blocks, a single line break for br, li, tr, td, th, dt, dd. An
 * inline element's tags are attached to the text they wrap. Only tags written in the source count: the parser's
 * implied tags (an unclosed p, the html and body around a fragment) add no line break.
 */
final class HtmlText {

    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template");
    private static final Set<String> LINE_BLOCKS = Set.of("br", "li", "tr", "td", "th", "dt", "dd");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section",
            "article", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "caption", "header",
            "footer", "main", "nav", "aside", "figure", "figcaption", "hr", "pre", "address", "details", "summary",
            "form", "fieldset", "body", "html");

    private final TextMapBuilder out;
    /** Line breaks owed before the next visible character (0, 1 or 2) and the span of the tags causing them. */
    private int pendingBreaks;
    private int breakStart;
    private int breakEnd;
    /** Collapsible white space owed before the next visible character, or -1. */
    private int spaceStart = -1;
    private int spaceEnd;
    private int preDepth;

    private HtmlText(String source) {
        this.out = new TextMapBuilder(source);
    }

    static PlainText of(MarkupDocument document) {
        HtmlText text = new HtmlText(document.source());
        List<Event> events = new ArrayList<>();
        collect(document.root(), events);
        events.sort(Comparator.comparingInt(Event::at));
        int last = -1;
        for (Event event : events) {
            if (event.at() > last || event.text() != null) {
                text.handle(event);
            }
            last = event.at();
        }
        return text.out.build();
    }

    /**
     * A tag written in the source, or a text node, at its source position. The parser's tree is not always in source
     * order (text it moves out of a table, an inline element it reopens in the next block), so the events are sorted
     * back into it, and a tag the parser copied (same position) counts once.
     */
    private record Event(int at, int end, String name, boolean closing, TextSpans text) {}

    private static void collect(MarkupNode node, List<Event> events) {
        for (MarkupNode child : node.children()) {
            if (child.is(MarkupNode.TEXT)) {
                if (child.text().length() > 0) {
                    events.add(new Event(child.start(), child.end(), null, false, child.text()));
                }
            } else if (!child.name().startsWith("#") && !SKIPPED.contains(child.name())) {
                if (child.start() >= 0 && child.openEnd() > child.start()) {
                    events.add(new Event(child.start(), child.openEnd(), child.name(), false, null));
                }
                collect(child, events);
                if (child.closeStart() >= 0 && child.end() > child.closeStart()) {
                    events.add(new Event(child.closeStart(), child.end(), child.name(), true, null));
                }
            }
        }
    }

    private void handle(Event event) {
        if (event.text() != null) {
            text(event.text());
        } else if (LINE_BLOCKS.contains(event.name()) || BLOCKS.contains(event.name())) {
            block(event.name(), event.closing(), event.at(), event.end());
        } else if (!event.closing()) {
            out.open(event.at());
        } else if (spaceStart < 0 && pendingBreaks == 0) {
            out.close(event.end());
        }
    }

    private void text(TextSpans text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (preDepth == 0 && isCollapsible(c)) {
                if (spaceStart < 0) {
                    spaceStart = text.start(i);
                }
                spaceEnd = text.end(i);
                out.cancelOpen();
            } else {
                flushSpacing();
                int j = i + 1;
                while (j < text.length() && text.start(j) == text.start(i) && text.end(j) == text.end(i)) {
                    j++;
                }
                out.spans(text, i, j);
                i = j - 1;
            }
        }
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
}
