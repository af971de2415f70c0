package hub.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import hub.report.model.Finding;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    /** Locates the first occurrence of {@code visible} in the plain text. */
    private static Finding locate(PlainText plain, String visible) {
        int start = plain.text().indexOf(visible);
        assertThat(start).as("'%s' in '%s'", visible, plain.text()).isNotNegative();
        return plain.locate("test", start, start + visible.length(), "m", "s");
    }

    private static void assertSpan(Finding finding, int offset, String quote) {
        assertThat(finding.offset()).isEqualTo(offset);
        assertThat(finding.length()).isEqualTo(quote.length());
        assertThat(finding.quote()).isEqualTo(quote);
    }

    @Nested
    class Plain {

        @Test
        void isTheIdentity() {
            PlainText plain = PlainText.of("A <b>bold</b> **claim** &amp; more", ArticleFormat.PLAIN);

            assertThat(plain.text()).isEqualTo(plain.source()).isEqualTo("A <b>bold</b> **claim** &amp; more");
            assertThat(plain.sourceOffset(5)).isEqualTo(5);
            assertThat(plain.sourceEnd(9)).isEqualTo(9);
            assertSpan(locate(plain, "**claim**"), 14, "**claim**");
        }

        @Test
        void nullFormatAndNullSourceAreEmptyPlainText() {
            PlainText plain = PlainText.of(null, null);

            assertThat(plain.text()).isEmpty();
            assertThat(plain.sourceOffset(0)).isZero();
        }

        @Test
        void findingCarriesCheckIdMessageAndSuggestion() {
            Finding finding = PlainText.of("one two", ArticleFormat.PLAIN).locate("forbidden-term", 4, 7, "msg", "sug");

            assertThat(finding).isEqualTo(new Finding("forbidden-term", "msg", "two", 4, 3, "sug"));
        }

        @Test
        void offsetsCountUtf16CodeUnits() {
            PlainText plain = PlainText.of("🚀 act now", ArticleFormat.PLAIN);

            assertSpan(locate(plain, "act now"), 3, "act now");
        }
    }

    @Nested
    class Markdown {

        private PlainText md(String source) {
            return PlainText.of(source, ArticleFormat.MARKDOWN);
        }

        @Test
        void stripsHeadingsListsAndBlockquotesButKeepsLines() {
            PlainText plain = md("# Title\n\nIntro\n- one\n* two\n+ three\n1. four\n2) five\n> quoted\n> - nested\n## Sub ##");

            // The closing ## of an ATX heading is markup (CommonMark, and Vale's goldmark).
            assertThat(plain.text()).isEqualTo("Title\n\nIntro\none\ntwo\nthree\nfour\nfive\nquoted\nnested\nSub");
            assertSpan(locate(plain, "four"), 38, "four");
        }

        @Test
        void textThatOnlyLooksLikeMarkersStays() {
            PlainText plain = md("#hashtag\n-5% fees\n2024 was good\n2 * 3 = 6\nsnake_case_name");

            assertThat(plain.text()).isEqualTo("#hashtag\n-5% fees\n2024 was good\n2 * 3 = 6\nsnake_case_name");
        }

        @Test
        void emphasisAroundATermMapsBackToTheWholeMarkdownSpan() {
            PlainText plain = md("Earn **guaranteed** returns");

            assertThat(plain.text()).isEqualTo("Earn guaranteed returns");
            assertSpan(locate(plain, "guaranteed returns"), 5, "**guaranteed** returns");
            assertSpan(locate(plain, "guaranteed"), 5, "**guaranteed**");
            assertSpan(locate(plain, "returns"), 20, "returns");
            assertSpan(locate(plain, "Earn"), 0, "Earn");
        }

        @Test
        void emphasisInsideATerm() {
            PlainText plain = md("guaran**teed** _returns_ ~~now~~ ***both***");

            assertThat(plain.text()).isEqualTo("guaranteed returns now both");
            assertSpan(locate(plain, "guaranteed returns"), 0, "guaran**teed** _returns_");
            assertSpan(locate(plain, "now"), 25, "~~now~~");
            assertSpan(locate(plain, "both"), 33, "***both***");
        }

        @Test
        void unmatchedDelimitersStayVisible() {
            assertThat(md("**open only and a_b").text()).isEqualTo("**open only and a_b");
            assertThat(md("**bold*").text()).isEqualTo("*bold");
        }

        @Test
        void inlineCodeKeepsItsContentLiteral() {
            PlainText plain = md("Use `**risk-free**` here and ``a ` b``");

            assertThat(plain.text()).isEqualTo("Use **risk-free** here and a ` b");
            assertSpan(locate(plain, "**risk-free**"), 4, "`**risk-free**`");
        }

        @Test
        void linksAndImagesKeepTheirText() {
            PlainText plain = md("See [best *rates*](https://x.com/a_b_c (title)) and ![a chart](c.png).");

            assertThat(plain.text()).isEqualTo("See best rates and a chart.");
            assertSpan(locate(plain, "best rates"), 4, "[best *rates*](https://x.com/a_b_c (title))");
            assertSpan(locate(plain, "best"), 4, "[best");
            assertSpan(locate(plain, "a chart"), 52, "![a chart](c.png)");
        }

        @Test
        void bracketsThatAreNotLinksStay() {
            assertThat(md("[note] and [x] (y) and [open").text()).isEqualTo("[note] and [x] (y) and [open");
        }

        @Test
        void commentsAreHiddenEvenAcrossLines() {
            PlainText plain = md("a <!-- hidden\n\nstill hidden --> b\n<!-- unclosed");

            assertThat(plain.text()).isEqualTo("a  b\n");
            assertSpan(locate(plain, "b"), 32, "b");
        }

        @Test
        void backslashEscapesAndEntities() {
            PlainText plain = md("\\*not emphasis\\* R&amp;D &#x1F680; AT&T");

            assertThat(plain.text()).isEqualTo("*not emphasis* R&D 🚀 AT&T");
            assertSpan(locate(plain, "R&D"), 17, "R&amp;D");
            assertSpan(locate(plain, "🚀"), 25, "&#x1F680;");
        }

        @Test
        void fencedCodeIsLiteralAndRulesAreHidden() {
            PlainText plain = md("```java\n**x** &amp;\n```\n---\ny");

            assertThat(plain.text()).isEqualTo("\n**x** &amp;\n\n\ny");
        }

        @Test
        void tablePipesAndTheDelimiterRowAreMarkup() {
            PlainText plain = md("| Year | Fund |\n|---|---|\n| 2024 | +11.8% |");

            assertThat(plain.text()).isEqualTo("Year  Fund \n\n2024  +11.8% ");
            assertSpan(locate(plain, "+11.8%"), 35, "+11.8%");
        }

        @Test
        void anHtmlBlockStaysAsWritten() {
            assertThat(md("<div>\n*x*\n</div>").text()).isEqualTo("<div>\n*x*\n</div>");
        }

        @Test
        void taskListBoxesAreMarkers() {
            assertThat(md("- [ ] open\n- [x] done").text()).isEqualTo("open\ndone");
        }

        @Test
        void windowsLineEndingsKeepTheirPlace() {
            PlainText plain = md("# Title\r\n\r\n**Act now**\r\n");

            assertThat(plain.text()).isEqualTo("Title\r\n\r\nAct now\r\n");
            assertSpan(locate(plain, "Act now"), 11, "**Act now**");
        }

        @Test
        void surrogatePairsBeforeAFindingCountTwice() {
            PlainText plain = md("🚀 **best** plan");

            assertThat(plain.text()).isEqualTo("🚀 best plan");
            assertSpan(locate(plain, "best"), 3, "**best**");
        }
    }

    @Nested
    class Html {

        private PlainText html(String source) {
            return PlainText.of(source, ArticleFormat.HTML);
        }

        @Test
        void inlineTagsAttachToTheTextTheyWrap() {
            PlainText plain = html("<p>Earn <b>guaranteed</b> returns</p>");

            assertThat(plain.text()).isEqualTo("Earn guaranteed returns");
            assertSpan(locate(plain, "guaranteed returns"), 8, "<b>guaranteed</b> returns");
            assertSpan(locate(plain, "Earn"), 3, "Earn");
            assertSpan(locate(plain, "returns"), 26, "returns");
        }

        @Test
        void tagInsideATerm() {
            PlainText plain = html("<p>act <em>now</em></p>");

            assertSpan(locate(plain, "act now"), 3, "act <em>now</em>");
        }

        @Test
        void blockElementsBecomeLineBreaks() {
            PlainText plain = html("<h1>Title</h1><div><p>One</p><ul><li>a</li><li>b</li></ul>x<br>y<br/><br>z</div>"
                    + "<table><tr><td>c1</td><td>c2</td></tr></table>");

            assertThat(plain.text()).isEqualTo("Title\n\nOne\n\na\nb\n\nx\ny\n\nz\n\nc1\nc2");
            assertSpan(locate(plain, "One\n\na"), 22, "One</p><ul><li>a");
            assertSpan(locate(plain, "y\n\nz"), 63, "y<br/><br>z");
        }

        @Test
        void whiteSpaceCollapsesExceptInPre() {
            PlainText plain = html("<p>\n  a \t\n b  </p>\n<pre>x\n  y</pre>");

            assertThat(plain.text()).isEqualTo("a b\n\nx\n  y");
            assertSpan(locate(plain, "a b"), 6, "a \t\n b");
        }

        @Test
        void namedAndNumericEntitiesAreDecoded() {
            PlainText plain = html("Caf&eacute; &amp; more&nbsp;text &euro;5 &ndash; &mdash; &rsquo;&lsquo;&ldquo;&rdquo;"
                    + "&hellip; &lt;b&gt; &quot;&apos; &#233;&#xE9;");

            assertThat(plain.text()).isEqualTo("Café & more\u00A0text €5 – — ’‘“”… <b> \"' éé");
            assertSpan(locate(plain, "Café"), 0, "Caf&eacute;");
            assertSpan(locate(plain, "é"), 3, "&eacute;");
            assertSpan(locate(plain, "more\u00A0text"), 18, "more&nbsp;text");
        }

        @Test
        void supplementaryCodePointEntitiesMapBothUnitsToTheEntity() {
            PlainText plain = html("&#128640; &#x1F680;!");

            assertThat(plain.text()).isEqualTo("🚀 🚀!");
            assertThat(plain.sourceOffset(0)).isZero();
            assertThat(plain.sourceOffset(1)).isZero();
            assertThat(plain.sourceEnd(2)).isEqualTo(9);
            assertSpan(plain.locate("t", 3, 6, "m", null), 10, "&#x1F680;!");
        }

        @Test
        void invalidReferencesStayOrBecomeReplacementCharacters() {
            PlainText plain = html("AT&T &unknown; & &#; &#xZZ; &#0; &#xD800; &#x110000;");

            assertThat(plain.text()).isEqualTo("AT&T &unknown; & &#; &#xZZ; \uFFFD \uFFFD \uFFFD");
        }

        @Test
        void scriptStyleAndHeadContentIsSkipped() {
            PlainText plain = html("<html><head><title>T</title><style>p { color: red }</style></head>"
                    + "<body><script>if (a < b && c) { x('<p>') }</script><p>Hi</p><SCRIPT>y()</SCRIPT></body></html>");

            assertThat(plain.text()).isEqualTo("Hi");
        }

        @Test
        void headWithoutClosingTagEndsAtTheBody() {
            assertThat(html("<head><title>T</title><body><p>Body</p>").text()).isEqualTo("Body");
            assertThat(html("<head><meta charset=utf-8><p>Body").text()).isEqualTo("Body");
        }

        @Test
        void attributesMayContainAngleBrackets() {
            PlainText plain = html("Go <a title=\"x > y\" href='z'>here</a>.");

            assertThat(plain.text()).isEqualTo("Go here.");
            assertSpan(locate(plain, "here"), 3, "<a title=\"x > y\" href='z'>here</a>");
        }

        @Test
        void commentsDoctypesAndProcessingInstructionsAreHidden() {
            assertThat(html("<!DOCTYPE html><?xml version='1.0'?>a<!-- b -->c<!-- unclosed").text()).isEqualTo("ac");
        }

        @Test
        void malformedMarkupNeverThrows() {
            assertThat(html("a < b & c > d").text()).isEqualTo("a < b & c > d");
            assertThat(html("x <b unclosed").text()).isEqualTo("x");
            assertThat(html("</b>stray</i> <").text()).isEqualTo("stray <");
            assertThat(html("<script>never closed").text()).isEmpty();
            // A tag still open at the end of the input is dropped whole, as the HTML5 parser (and a browser) does.
            assertThat(html("<a href=\"unterminated>text").text()).isEmpty();
            assertThat(html("<").text()).isEqualTo("<");
            assertThat(html("&").text()).isEqualTo("&");
        }

        @Test
        void emojiBeforeAFinding() {
            PlainText plain = html("<p>🚀 <strong>act now</strong></p>");

            assertSpan(locate(plain, "act now"), 6, "<strong>act now</strong>");
        }
    }

    @Test
    void randomMarkupNeverThrowsAndMapsMonotonically() {
        String[] tokens = {"<", ">", "/", "&", ";", "#", "x", "!", "-", "*", "**", "_", "~~", "`", "[", "]", "(", ")",
            "\\", " ", "\n", "\n\n", "\r\n", "\t", "a", "b", "p", "é", "🚀", "\"", "'", "=", "<p>", "</p>", "<b>",
            "</b>", "<br>", "<li>", "<pre>", "</pre>", "<script>", "</script>", "<head>", "<body>", "<!--", "-->",
            "&amp;", "&nbsp;", "&#x1F680;", "&#233;", "# ", "- ", "1. ", "> ", "```", "](", "![", "<a href=\""};
        Random random = new Random(42);
        for (int round = 0; round < 5000; round++) {
            StringBuilder source = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                source.append(tokens[random.nextInt(tokens.length)]);
            }
            for (ArticleFormat format : ArticleFormat.values()) {
                assertThatCode(() -> assertMonotonic(PlainText.of(source.toString(), format)))
                        .as("%s: %s", format, source).doesNotThrowAnyException();
            }
        }
    }

    /**
     * Spans follow each other without overlap; characters decoded or inserted together (the halves of a
     * supplementary entity, the two line breaks of a paragraph break) may share one.
     */
    private static void assertMonotonic(PlainText plain) {
        int previousStart = -1;
        int previousEnd = 0;
        for (int i = 0; i < plain.text().length(); i++) {
            int start = plain.sourceOffset(i);
            int end = plain.sourceEnd(i + 1);
            boolean shared = start == previousStart && end >= previousEnd;
            if ((start < previousEnd && !shared) || end <= start || end > plain.source().length()) {
                throw new AssertionError("bad span for char " + i + ": " + start + ".." + end);
            }
            previousStart = start;
            previousEnd = end;
        }
    }
}
