package hub.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.incremental.CachedVerdict.SpanFinding;
import hub.llm.QuotedFinding;
import hub.report.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanFindingsTest {

    @Test
    void quotesAreLocatedRelativeToTheJudgedSpan() {
        List<SpanFinding> found = SpanFindings.locate("It is the best plan. The best, really.",
                List.of(new QuotedFinding("the best plan", "m", null), new QuotedFinding("not there", "m2", "s")));

        assertThat(found.get(0)).isEqualTo(new SpanFinding("m", null, "the best plan", 6, 13));
        assertThat(found.get(1).relOffset()).isNull();
    }

    @Test
    void aReusedFindingMovesWithItsUnitAndStillQuotesTheText() {
        String unit = "It is the best plan.";
        SpanFinding cached = SpanFindings.locate(unit, List.of(new QuotedFinding("the best plan", "m", null))).get(0);
        String newText = "A new, much longer first paragraph.\n\n" + unit;
        PlainText article = PlainText.of(newText, ArticleFormat.PLAIN);
        int newStart = newText.indexOf(unit);

        Finding f = SpanFindings.rebase(cached, article, newStart, newStart + unit.length(), true);

        assertThat(f.offset()).isEqualTo(newStart + 6);
        assertThat(newText.substring(f.offset(), f.offset() + f.length())).isEqualTo(f.quote()).isEqualTo("the best plan");
        assertThat(f.reused()).isTrue();
    }

    @Test
    void aUnitWhoseWhiteSpaceChangedIsSearchedAgain() {
        SpanFinding cached = new SpanFinding("m", null, "the best plan", 6, 13);
        String newText = "It  is the best plan.";
        PlainText article = PlainText.of(newText, ArticleFormat.PLAIN);

        Finding f = SpanFindings.rebase(cached, article, 0, newText.length(), true);

        assertThat(f.offset()).isEqualTo(7);
        assertThat(newText.substring(f.offset(), f.offset() + f.length())).isEqualTo("the best plan");
    }

    @Test
    void markdownFindingsMapBackToTheSubmittedSource() {
        String source = "Intro\n\nIt is **the best** plan.";
        PlainText article = PlainText.of(source, ArticleFormat.MARKDOWN);
        int start = article.text().indexOf("It is");
        int end = article.text().length();
        SpanFinding cached = SpanFindings.locate(article.text().substring(start, end),
                List.of(new QuotedFinding("the best", "m", null))).get(0);

        Finding f = SpanFindings.rebase(cached, article, start, end, false);

        assertThat(source.substring(f.offset(), f.offset() + f.length())).isEqualTo(f.quote()).isEqualTo("**the best**");
    }
}
