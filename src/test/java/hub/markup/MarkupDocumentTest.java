package hub.markup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupDocumentTest {

    /** Every node below {@code node} in document order, as name@start..end. */
    private static List<String> outline(MarkupNode node) {
        List<String> out = new ArrayList<>();
        for (MarkupNode child : node.children()) {
            out.add(child.name() + "@" + child.start() + ".." + child.end());
            out.addAll(outline(child));
        }
        return out;
    }

    private static List<MarkupNode> find(MarkupNode node, String name) {
        List<MarkupNode> out = new ArrayList<>();
        for (MarkupNode child : node.children()) {
            if (child.is(name)) {
                out.add(child);
            }
            out.addAll(find(child, name));
        }
        return out;
    }

    @Test
    void markdownBlocksAndInlinesKeepTheirSourceSpans() {
        String source = "# Title ##\n\nSome *em* and `code`.\n";
        MarkupDocument doc = MarkupDocument.markdown(source);

        assertThat(outline(doc.root())).containsExactly(
                "h1@0..10", "#text@2..7",
                "p@12..33", "#text@12..17", "em@17..21", "#text@18..20", "#text@21..26", "code@26..32",
                "#text@27..31", "#text@32..33");
        MarkupNode heading = doc.root().children().get(0);
        assertThat(heading.headingLevel()).isEqualTo(1);
        assertThat(heading.isBlock()).isTrue();
    }

    @Test
    void tablesListsQuotesAndCodeBlocksAreNamedAsTheHtmlTheyRenderTo() {
        String source = "- [x] done\n\n> quoted\n\n| H |\n| --- |\n| c |\n\n```\ncode\n```\n\n    indented\n";
        MarkupNode root = MarkupDocument.markdown(source).root();

        assertThat(root.children()).extracting(MarkupNode::name)
                .containsExactly("ul", "blockquote", "table", "pre", "pre");
        assertThat(find(root, "th")).hasSize(1);
        assertThat(find(root, "td")).hasSize(1);
        MarkupNode task = find(root, "li").get(0).children().get(0).children().get(0);
        assertThat(task.text().text()).isEqualTo("done");
        assertThat(task.start()).isEqualTo(source.indexOf("done"));
        MarkupNode fenced = root.children().get(3).children().get(0);
        assertThat(source.substring(fenced.start(), fenced.end())).isEqualTo("code");
    }

    @Test
    void frontMatterIsBlankedOutAndOffsetsStayPut() {
        String source = "---\ntitle: A\n---\n# Head\n";
        MarkupNode root = MarkupDocument.markdown(source).root();

        assertThat(root.children()).extracting(MarkupNode::name).containsExactly(MarkupNode.FRONT_MATTER, "h1");
        assertThat(root.children().get(0).end()).isEqualTo(source.indexOf("# Head"));
        MarkupNode text = root.children().get(1).children().get(0);
        assertThat(source.substring(text.start(), text.end())).isEqualTo("Head");
    }

    @Test
    void anHtmlBlockInsideMarkdownHoldsWhatJsoupParsesOfIt() {
        String source = "Intro\n\n<div>\nInside <b>bold</b>\n</div>\n";
        MarkupNode html = MarkupDocument.markdown(source).root().children().get(1);

        assertThat(html.name()).isEqualTo(MarkupNode.RAW_HTML);
        MarkupNode div = html.children().get(0);
        assertThat(div.name()).isEqualTo("div");
        assertThat(div.start()).isEqualTo(source.indexOf("<div>"));
        MarkupNode bold = find(div, "b").get(0).children().get(0);
        assertThat(bold.start()).isEqualTo(source.indexOf("bold"));
    }

    @Test
    void decodedTextMapsEachCharacterToItsSourceSpan() {
        String source = "R&amp;D \\*x\\*";
        TextSpans text = find(MarkupDocument.markdown(source).root(), MarkupNode.TEXT).get(0).text();

        assertThat(text.text()).isEqualTo("R&D *x*");
        assertThat(text.start(1)).isEqualTo(1);
        assertThat(text.end(1)).isEqualTo(6);
        assertThat(text.start(4)).isEqualTo(source.indexOf('*'));
        assertThat(text.end(4)).isEqualTo(source.indexOf('*') + 1);
    }

    @Test
    void htmlElementsKnowTheirStartAndEndTags() {
        String source = "<p>Caf&eacute; <em>now</em></p>";
        MarkupNode p = find(MarkupDocument.html(source).root(), "p").get(0);

        assertThat(p.start()).isZero();
        assertThat(p.openEnd()).isEqualTo(3);
        assertThat(p.closeStart()).isEqualTo(source.indexOf("</p>"));
        assertThat(p.end()).isEqualTo(source.length());
        TextSpans cafe = p.children().get(0).text();
        assertThat(cafe.text()).isEqualTo("Café ");
        assertThat(cafe.start(3)).isEqualTo(6);
        assertThat(cafe.end(3)).isEqualTo(14);
    }

    @Test
    void aReferenceToALoneSurrogateDecodesToTheReplacementCharacter() {
        TextSpans text = find(MarkupDocument.html("a&#xD800;b").root(), MarkupNode.TEXT).get(0).text();

        assertThat(text.text()).isEqualTo("a\uFFFDb");
    }

    private static int depth(MarkupNode node) {
        int deepest = 0;
        for (MarkupNode child : node.children()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    @Test
    void deepNestingIsCutAtMaxDepthAndKeepsTheText() {
        MarkupDocument quotes = MarkupDocument.markdown("> ".repeat(5000) + "deep");
        MarkupDocument divs = MarkupDocument.html("<div>".repeat(5000) + "deep");

        assertThat(depth(quotes.root())).isLessThanOrEqualTo(MarkupNode.MAX_DEPTH + 3);
        assertThat(depth(divs.root())).isLessThanOrEqualTo(MarkupNode.MAX_DEPTH + 3);
        assertThat(find(quotes.root(), MarkupNode.TEXT)).anyMatch(t -> t.text().text().endsWith("deep"));
        assertThat(find(divs.root(), MarkupNode.TEXT)).anyMatch(t -> t.text().text().equals("deep"));
    }
}
