package hub.article;

import static org.assertj.core.api.Assertions.assertThat;

import hub.report.model.UnitChanges;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleUnitsTest {

    @Test
    void everyNonBlankLineIsAUnitWithItsTrimmedSpan() {
        String text = "Heading\n\n  First paragraph.  \n- a list item\n\n\nLast";
        List<ArticleUnits.Unit> units = ArticleUnits.of(text);

        assertThat(units).extracting(u -> u.text(text))
                .containsExactly("Heading", "First paragraph.", "- a list item", "Last");
        assertThat(units).extracting(ArticleUnits.Unit::index).containsExactly(0, 1, 2, 3);
        assertThat(units.get(1).start()).isEqualTo(text.indexOf("First"));
        assertThat(units.get(3).end()).isEqualTo(text.length());
    }

    @Test
    void aBlankTextHasNoUnits() {
        assertThat(ArticleUnits.of("")).isEmpty();
        assertThat(ArticleUnits.of(" \n\t\n")).isEmpty();
    }

    @Test
    void theHashIgnoresWhiteSpaceRunsAndUnicodeComposition() {
        String composed = "Caf\u00e9 is   open.";
        String decomposed = "Cafe\u0301 is open.";
        assertThat(ArticleUnits.hash(composed)).isEqualTo(ArticleUnits.hash(decomposed))
                .isEqualTo(ArticleUnits.hash("\u00a0Caf\u00e9\tis open. "));
        assertThat(ArticleUnits.hash("Cafe is open.")).isNotEqualTo(ArticleUnits.hash(composed));
    }

    @Test
    void theSameUnitHasTheSameHashWhereverItStands() {
        List<ArticleUnits.Unit> before = ArticleUnits.of("A.\nB.");
        List<ArticleUnits.Unit> after = ArticleUnits.of("New first line.\n\nA.\nB.");
        assertThat(after.get(1).hash()).isEqualTo(before.get(0).hash());
        assertThat(after.get(1).start()).isNotEqualTo(before.get(0).start());
        assertThat(ArticleUnits.hashOf(before)).isNotEqualTo(ArticleUnits.hashOf(after));
    }

    @Test
    void changesCountUnchangedChangedAddedAndRemovedUnits() {
        assertThat(UnitChanges.between(List.of("a", "b", "c"), List.of("a", "b", "c")))
                .isEqualTo(new UnitChanges(3, 3, 0, 0, 0));
        assertThat(UnitChanges.between(List.of("a", "b", "c"), List.of("a", "x", "c")))
                .isEqualTo(new UnitChanges(3, 2, 1, 0, 0));
        assertThat(UnitChanges.between(List.of("a", "c"), List.of("a", "b", "c", "d")))
                .isEqualTo(new UnitChanges(4, 2, 0, 2, 0));
        assertThat(UnitChanges.between(List.of("a", "b", "c", "d"), List.of("x", "c")))
                .isEqualTo(new UnitChanges(2, 1, 1, 0, 2));
        assertThat(UnitChanges.allAdded(5)).isEqualTo(new UnitChanges(5, 0, 0, 5, 0));
    }
}
