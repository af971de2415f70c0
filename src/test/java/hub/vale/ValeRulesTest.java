package hub.vale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hub.article.ArticleFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each Vale rule type on fixtures written for the hub. */
class ValeRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @SuppressWarnings("unchecked")
    static Rule rule(String yaml) {
        try {
            Map<String, Object> map = YAML.readValue(yaml, Map.class);
            return StyleLoader.compile(new RuleSpec("Test.Rule", map), (String) map.get("extends"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ValeAlert> check(String yaml, String text, ArticleFormat format) {
        return rule(yaml).check(ValeDocument.of(text, format));
    }

    static List<String> quotes(List<ValeAlert> alerts, String text) {
        return alerts.stream().map(a -> text.substring(a.start(), a.end())).toList();
    }

    @Test
    void existenceMatchesWholeWordsFoldingCaseAndFillsTheMessage() {
        String yaml = "extends: existence\nmessage: \"Avoid '%s'.\"\nignorecase: true\ntokens: [foo, école]\n";
        String text = "Foo, food and ÉCOLE; afoo.";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.PLAIN);
        assertThat(quotes(alerts, text)).containsExactly("Foo", "ÉCOLE");
        assertThat(alerts.get(0).message()).isEqualTo("Avoid 'Foo'.");
        assertThat(alerts.get(0).level()).isEqualTo(ValeLevel.WARNING);
    }

    @Test
    void existenceIsCaseSensitiveByDefaultAndHonoursExceptionsRawAndNonword() {
        assertThat(check("extends: existence\nmessage: x\ntokens: [API]\n", "api API", ArticleFormat.PLAIN))
                .hasSize(1);
        String acronyms = "extends: existence\nmessage: x\ntokens: ['[A-Z]{3}']\nexceptions: [CPU]\n";
        assertThat(quotes(check(acronyms, "CPU and GPU", ArticleFormat.PLAIN), "CPU and GPU")).containsExactly("GPU");
        String passive = "extends: existence\nmessage: \"'%s'\"\nraw: ['\\b(?:is|was)\\s+']\ntokens: ['\\w+ed']\n";
        String text = "It was fixed and is loved.";
        assertThat(quotes(check(passive, text, ArticleFormat.PLAIN), text)).containsExactly("was fixed", "is loved");
        String dashes = "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens: ['\\s—']\n";
        assertThat(check(dashes, "a — b", ArticleFormat.PLAIN).get(0).message()).isEqualTo("' —'");
    }

    @Test
    void overlappingTokensTakeTheFirstAlternativeThatMatchesAndDoNotOverlap() {
        String yaml = "extends: existence\nmessage: x\ntokens: [a number, a number of, number of]\n";
        String text = "a number of things";
        assertThat(quotes(check(yaml, text, ArticleFormat.PLAIN), text)).containsExactly("a number");
    }

    @Test
    void offsetsAreUtf16IndicesIntoTheMarkdownSource() {
        String yaml = "extends: existence\nmessage: x\ntokens: [target]\n";
        String text = "# 🚀 **Big** news\n\nThe `target` is a *target*, [target](http://x/target).\n";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.MARKDOWN);
        assertThat(alerts).extracting(ValeAlert::start)
                .containsExactly(text.indexOf("*target*") + 1, text.indexOf("[target]") + 1);
        assertThat(quotes(alerts, text)).containsOnly("target");
    }

    @Test
    void substitutionSuggestsTheSwapAndSkipsConformingText() {
        String yaml = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
                + "action: {name: replace}\nswap:\n  utilize: use\n  accomplish: carry out|do\n"
                + "  'javascript': JavaScript\n";
        String text = "Utilize it to accomplish JavaScript and javascript.";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.PLAIN);
        assertThat(alerts).extracting(ValeAlert::message).containsExactly("Use 'use' instead of 'Utilize'.",
                "Use 'carry out' or 'do' instead of 'accomplish'.", "Use 'JavaScript' instead of 'javascript'.");
        assertThat(alerts.get(1).suggestions()).containsExactly("carry out", "do");
    }

    @Test
    void substitutionFillsCaptureGroupsAndHonoursExceptions() {
        String yaml = "extends: substitution\nmessage: \"Prefer '%s' over '%s'.\"\nexceptions: [old folder]\n"
                + "swap:\n  'within the (\\w+) folder': in the $1 folder\n  'old (\\w+)': new $1\n";
        List<ValeAlert> alerts = check(yaml, "Look within the docs folder, the old folder, an old car.",
                ArticleFormat.PLAIN);
        assertThat(alerts).extracting(ValeAlert::message)
                .containsExactly("Prefer 'in the docs folder' over 'within the docs folder'.",
                        "Prefer 'new car' over 'old car'.");
        assertThat(alerts.get(0).suggestion()).isEqualTo("in the docs folder");
    }

    @Test
    void occurrenceCountsPerSentence() {
        String yaml = "extends: occurrence\nmessage: Too long.\nscope: sentence\nmax: 3\ntoken: '\\b(\\w+)\\b'\n";
        String text = "One two three. One two three four five.";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.PLAIN);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).start()).isEqualTo(text.indexOf("One two three four"));
        assertThat(alerts.get(0).message()).isEqualTo("Too long.");
    }

    @Test
    void repetitionFlagsRepeatedWordsWithinOneSentenceOnly() {
        String yaml = "extends: repetition\nmessage: \"'%s' is repeated!\"\nalpha: true\ntokens: ['[^\\s]+']\n";
        String text = "the the book. Book Book is fine. That. That is // // fine.";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.PLAIN);
        assertThat(quotes(alerts, text)).containsExactly("the the", "Book Book");
        assertThat(alerts.get(0).message()).isEqualTo("'the' is repeated!");
    }

    @Test
    void consistencyFlagsTheSecondSpellingInADocument() {
        String yaml = "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\nignorecase: true\n"
                + "either:\n  advisor: adviser\n";
        String text = "Ask an advisor.\n\nThe adviser said no.\n";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.MARKDOWN);
        assertThat(quotes(alerts, text)).containsExactly("adviser");
    }

    @Test
    void conditionalNeedsADefinitionBeforeUse() {
        String yaml = "extends: conditional\nmessage: \"'%s' has no definition.\"\nfirst: '\\b([A-Z]{3,5})\\b'\n"
                + "second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\nexceptions: [FAQ]\n";
        String text = "We use WHO early.\n\nThe World Health Organization (WHO) and WHO again. FAQ, `ABCD`, ABCD.\n";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.MARKDOWN);
        assertThat(alerts).extracting(ValeAlert::start).containsExactly(text.indexOf("WHO"), text.lastIndexOf("ABCD"));
    }

    @Test
    void capitalizationChecksHeadingsInEachStyle() {
        String sentence = "extends: capitalization\nmessage: \"'%s'\"\nscope: heading\nmatch: $sentence\n"
                + "indicators: [':']\nexceptions: [Azure]\n";
        String text = "# This is fine\n\n# This Is Not Fine\n\n# Setup: Use Azure\n\nThis Is Not A Heading.\n";
        List<ValeAlert> alerts = check(sentence, text, ArticleFormat.MARKDOWN);
        assertThat(alerts).extracting(ValeAlert::message).containsExactly("'This Is Not Fine'");
        String title = "extends: capitalization\nmessage: x\nscope: heading\nmatch: $title\n";
        assertThat(quotes(check(title, "# A Tale of Two Cities\n\n# a tale of two cities\n", ArticleFormat.MARKDOWN),
                "# A Tale of Two Cities\n\n# a tale of two cities\n")).containsExactly("a tale of two cities");
        String lower = "extends: capitalization\nmessage: x\nscope: heading\nmatch: $lower\n";
        assertThat(check(lower, "# fine\n\n# Not\n", ArticleFormat.MARKDOWN)).hasSize(1);
        String upper = "extends: capitalization\nmessage: x\nscope: heading\nmatch: $upper\n";
        assertThat(check(upper, "<h1>FINE</h1><h2>Not</h2>", ArticleFormat.HTML)).hasSize(1);
    }

    @Test
    void metricEvaluatesItsFormulaOverTheDocument() {
        String yaml = "extends: metric\nmessage: \"Score %s\"\nformula: "
                + "'(words / sentences) + heading.h1 * 0'\ncondition: '> 3'\n";
        List<ValeAlert> alerts = check(yaml, "# Title\n\nOne two three four. Five six seven eight.\n",
                ArticleFormat.MARKDOWN);
        assertThat(alerts).extracting(ValeAlert::message).containsExactly("Score 4.00");
        assertThat(check(yaml, "One two. Three.", ArticleFormat.PLAIN)).isEmpty();
    }

    @Test
    void readabilityUsesTheStandardFormulas() {
        TextStats stats = TextStats.of("The cat sat on the mat. The dog ate the bone.");
        assertThat(stats.words()).isEqualTo(11);
        assertThat(stats.sentences()).isEqualTo(2);
        assertThat(stats.fleschKincaid()).isCloseTo(0.39 * 5.5 + 11.8 * (11.0 / 11) - 15.59,
                org.assertj.core.data.Offset.offset(0.01));
        String yaml = "extends: readability\nmessage: \"Grade %s\"\nmetrics: [Flesch-Kincaid]\ngrade: 8\n";
        assertThat(check(yaml, "The cat sat on the mat.", ArticleFormat.PLAIN)).isEmpty();
        String hard = "Institutional organizational considerations necessitate comprehensive interdisciplinary "
                + "evaluation methodologies incorporating multidimensional quantitative characterizations.";
        assertThat(check(yaml, hard, ArticleFormat.PLAIN)).hasSize(1);
        assertThatThrownBy(() -> rule("extends: readability\nmessage: x\nmetrics: [Lix]\n"))
                .hasMessageContaining("unknown readability metric");
    }

    @Test
    void complexWordsDiscountAnEsEdOrIngEndingAsValeCountsThem() {
        // three vowel groups each, but the ending is not counted towards "complex" (Gunning-Fog); SMOG's
        // polysyllabic words count every syllable
        assertThat(TextStats.complex("improving", TextStats.syllables("improving"))).isFalse();
        assertThat(TextStats.complex("developed", TextStats.syllables("developed"))).isFalse();
        assertThat(TextStats.complex("developing", TextStats.syllables("developing"))).isTrue();
        assertThat(TextStats.complex("consultant", TextStats.syllables("consultant"))).isTrue();
        TextStats stats = TextStats.of("We were improving it. They developed the consultant tools.");
        assertThat(stats.complexWords()).isEqualTo(1);
        assertThat(stats.polysyllabicWords()).isEqualTo(3);
    }

    @Test
    void iaIsTwoSyllablesExceptInTiaAndCial() {
        assertThat(TextStats.syllables("associated")).isEqualTo(4); // as-so-ci-at(-ed stripped)
        assertThat(TextStats.syllables("media")).isEqualTo(3);
        assertThat(TextStats.syllables("special")).isEqualTo(2);
        assertThat(TextStats.syllables("initial")).isEqualTo(3);
        assertThat(TextStats.complex("associated", TextStats.syllables("associated"))).isTrue();
    }

    @Test
    void substitutionCapitalizesSuggestionsOnlyWhenTheRuleSaysCapitalize() {
        String rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
                + "action:\n  name: replace\nswap:\n  black hat: unethical|malicious\n";
        String text = "Black hat tools and black hat tricks.";
        assertThat(check(rule, text, ArticleFormat.PLAIN)).extracting(ValeAlert::message).containsExactly(
                "Use 'unethical' or 'malicious' instead of 'Black hat'.",
                "Use 'unethical' or 'malicious' instead of 'black hat'.");
        assertThat(check(rule + "capitalize: true\n", text, ArticleFormat.PLAIN)).extracting(ValeAlert::message)
                .containsExactly("Use 'Unethical' or 'Malicious' instead of 'Black hat'.",
                        "Use 'unethical' or 'malicious' instead of 'black hat'.");
    }

    @Test
    void unsupportedTypesCompileToNothing() {
        assertThat(rule("extends: script\nmessage: x\nscript: y\n")).isNull();
    }
}
