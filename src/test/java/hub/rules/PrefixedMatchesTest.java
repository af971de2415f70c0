package hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import hub.article.PlainText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixedMatchesTest {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /**
     * Every regex of the shipped guideline sets on every text of the evaluation corpus, case-insensitive and
     * case-sensitive: the matches tried only where a prefix occurs are exactly find()'s, offsets and text.
     */
    @Test
    void findsExactlyWhatFindFindsForTheShippedRulesInTheCorpus() throws IOException {
        List<String> texts = LiteralPrefixesTest.corpusTexts();
        int compared = 0;
        int matches = 0;
        for (String regex : LiteralPrefixesTest.shippedRegexes()) {
            Optional<List<String>> prefixes = LiteralPrefixes.of(regex);
            if (prefixes.isEmpty()) {
                continue;
            }
            for (boolean caseSensitive : new boolean[] {false, true}) {
                Pattern pattern = Pattern.compile(regex, FLAGS | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE));
                for (String text : texts) {
                    List<String> expected = find(pattern, text);
                    assertThat(prefixed(pattern, text, prefixes.get(), caseSensitive)).as(regex + " in: " + text)
                            .isEqualTo(expected);
                    compared++;
                    matches += expected.size();
                }
            }
        }
        assertThat(compared).as("regex and text pairs").isGreaterThan(50_000);
        assertThat(matches).as("matches compared").isGreaterThan(200);
    }

    /** Where the position tried matters: what lies before it, empty matches, overlapping prefixes, case folds. */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '→', value = {
        "\\bgaranti(?:ert|e) → Die Garantie ist garantiert, ungarantiert nicht. → garanti",
        "(?<!nicht\\s)garantiert → garantiert, nicht garantiert, NICHT Garantiert. → garantiert",
        "(?=ab) → abab xab → ab",
        "(?=ab)ab|(?=ab) → ababab → ab",
        "^Risk\\w* → Risk one\\nRisky two\\n no Risk → Risk",
        "aa → aaaaa → aa",
        "\\b(?:our|your)\\s+money → Your money, our money, four money, YOUR  MONEY → our,your",
        "stra(?:ss|ß)e → STRASSE Straße straße → stra",
        "ǅemal → ǆemal Ǆemal ǅemal → ǅemal",
    })
    void findsWhatFindFinds(String regex, String text, String prefixes) {
        List<String> literal = List.of(prefixes.strip().split(","));
        text = text.strip().replace("\\n", "\n");
        regex = regex.strip();
        for (boolean caseSensitive : new boolean[] {false, true}) {
            Pattern pattern = Pattern.compile(regex, FLAGS | Pattern.MULTILINE
                    | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE));
            assertThat(prefixed(pattern, text, literal, caseSensitive)).as(caseSensitive ? "case-sensitive" : "folded")
                    .isEqualTo(find(pattern, text));
        }
    }

    @Test
    void withoutPrefixesEveryPositionIsTried() {
        PrefixedMatches matches = PrefixedMatches.everywhere(Pattern.compile("\\d+"), "a1b22");
        assertThat(matches.find()).isTrue();
        assertThat(matches.group()).isEqualTo("1");
        assertThat(matches.find()).isTrue();
        assertThat(matches.start()).isEqualTo(3);
        assertThat(matches.end()).isEqualTo(5);
        assertThat(matches.find()).isFalse();
    }

    @Test
    void aTextWithoutThePrefixesIsNotMatched() {
        PrefixedMatches matches = new PrefixedMatches(Pattern.compile("x|guaranteed"), "x guaranteed", "x guaranteed",
                List.of("guaranteed"));
        assertThat(matches.find()).isTrue();
        assertThat(matches.group()).as("x is not a prefix: only the prefixes' positions are tried")
                .isEqualTo("guaranteed");
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        return found;
    }

    private static List<String> prefixed(Pattern pattern, String text, List<String> prefixes, boolean caseSensitive) {
        List<String> found = new ArrayList<>();
        PrefixedMatches m = caseSensitive ? new PrefixedMatches(pattern, text, text, prefixes)
                : new PrefixedMatches(pattern, text, PlainText.fold(text), prefixes.stream().map(PlainText::fold).toList());
        while (m.find()) {
            found.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        return found;
    }
}
