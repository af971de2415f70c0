package hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hub.article.PlainText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralPrefixesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '→', value = {
        "\\b(?:tod|bomben)sicher(?:e[nmrs]?)?\\b → tod|bomben",
        "\\b(?=garantiert)(?<!\\b(?:nicht|nie)\\s(?:\\w{1,30}\\s)?)garantiert(?:e[nmrs]?)?\\s+Rendite → garantiert",
        "\\b(?=100|hundertprozentig|absolut)(?:100\\s?%|hundertprozentig|absolut)\\s+sicher → 100|hundertprozentig|absolut",
        "\\bIhr(?:e)?\\s+(?:Geld|Kapital) → Ihr",
        "\\b(?:Renditen?|Zinsen)\\s+garantiert → Rendite|Zinsen",
        "guaranteed|risk-free → guaranteed|risk",
        "\\b(?:(?:Geld|Kapital)\\b[^.!?|)]{0,30}\\bin\\s+Händen|in\\s+(?:sicheren|besten)\\s+Händen) → Geld|Kapital|in",
        "(?:ab[|)]c|de) → ab|de",
        "(?:ab\\)|cd)x → ab|cd",
        "abc{0,2}d → ab",
        "abc+d → abc",
        "(?:Geld)+ → Geld",
    })
    void readsThePrefixesEveryMatchStartsWith(String regex, String expected) {
        assertThat(LiteralPrefixes.of(regex.strip())).contains(List.of(expected.strip().split("\\|")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '→', value = {
        "(?:Verlust)?[Rr]isiko → an optional group",
        "[Rr]isiko → a character class",
        "\\d+\\s?% → an escape",
        "(?i)garantiert → an inline flag",
        "(?!nicht)garantiert → a negative look-ahead",
        "(?<name>garantiert) → a named group",
        "(?:garantiert|) → an empty alternative",
        "ab*c → a prefix of one char once the optional b is dropped",
        "(?:a|bc) → a prefix of one char",
        "\\bx\\b → a prefix of one char",
        "(?:unclosed|group → an unclosed group",
    })
    void isEmptyWhenTheStartSaysNothingCertain(String regex, String why) {
        assertThat(LiteralPrefixes.of(regex.strip())).as(why).isEmpty();
    }

    /**
     * Every regex of the shipped guideline sets, on every text of the evaluation corpus: wherever it matches, the text
     * holds one of its prefixes (case-folded, as the rules compare them), so the prefilter never hides a match.
     */
    @Test
    void neverHidesAMatchOfTheShippedRulesInTheCorpus() throws IOException {
        List<String> regexes = shippedRegexes();
        List<String> texts = corpusTexts();
        assertThat(regexes).hasSizeGreaterThan(50);
        assertThat(texts).hasSizeGreaterThan(400);

        int filtered = 0;
        int matches = 0;
        for (String regex : regexes) {
            Optional<List<String>> prefixes = LiteralPrefixes.of(regex);
            if (prefixes.isEmpty()) {
                continue;
            }
            filtered++;
            Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                    | Pattern.UNICODE_CHARACTER_CLASS);
            List<String> folded = prefixes.get().stream().map(PlainText::fold).toList();
            for (String text : texts) {
                if (pattern.matcher(text).find()) {
                    matches++;
                    String foldedText = PlainText.fold(text);
                    assertThat(folded).as(regex + " matched in: " + text).anyMatch(foldedText::contains);
                }
            }
        }
        assertThat(filtered).as("regexes with prefixes").isGreaterThan(regexes.size() / 2);
        assertThat(matches).as("matches checked").isGreaterThan(100);
    }

    /** Every regex of the shipped guideline sets: patterns, required patterns, their conditions. */
    static List<String> shippedRegexes() throws IOException {
        List<String> regexes = new ArrayList<>();
        try (Stream<Path> sets = Files.list(Path.of("src/main/resources/guidelines"))) {
            for (Path set : sets.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                collectRegexes(YAML.readTree(set.toFile()), null, regexes);
            }
        }
        return regexes;
    }

    /** Every text of the evaluation corpus (eval/corpus). */
    static List<String> corpusTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("eval/corpus"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                YAML.readTree(file.toFile()).path("items").forEach(item -> texts.add(item.path("text").asText()));
            }
        }
        return texts;
    }

    private static void collectRegexes(JsonNode node, String field, List<String> regexes) {
        if (node.isTextual() && field != null && List.of("regex", "when", "unless", "patterns").contains(field)) {
            regexes.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> collectRegexes(element, field, regexes));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(entry -> collectRegexes(entry.getValue(), entry.getKey(), regexes));
        }
    }
}
