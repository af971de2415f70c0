package hub.vale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vale's regexp2 dialect as Java patterns: what is rewritten, what is refused, and that a refusal skips one rule. */
class ValeRegexTest {

    private static List<String> matches(String goPattern, String text) {
        Pattern p = GoRegex.compile(goPattern);
        return p.matcher(text).results().map(r -> r.group()).toList();
    }

    @Test
    void bracesThatAreNotQuantifiersAreLiterals() {
        assertThat(matches("{context}", "see {context} here")).containsExactly("{context}");
        assertThat(matches("\\w+(?!{)", "ab{ cd")).containsExactly("a", "cd");
        assertThat(matches("x{,3}", "x{,3} xxx")).containsExactly("x{,3}");
        assertThat(matches("a{2}", "a aa aaa")).containsExactly("aa", "aa");
        assertThat(matches("a{2,}", "a aa aaa")).containsExactly("aa", "aaa");
        assertThat(matches("(?:ab){1,2}", "ababab")).containsExactly("abab", "ab");
        assertThat(GoRegex.translate("{{name}}")).isEqualTo("\\{\\{name}}");
    }

    @Test
    void unboundedLookBehindsAreBoundedAndKeepTheirMeaning() {
        String p = "(?<!:[^ ]+?)\\bx\\b";
        assertThat(GoRegex.translate(p)).isEqualTo("(?<!:[^ ]{1,100}?)\\bx\\b");
        assertThat(matches(p, "a:b-x and x")).containsExactly("x");
        assertThat(matches("(?<=(?:ab)+)c", "ababc c abc")).containsExactly("c", "c");
        assertThat(matches("(?<![A-Z]*\\.)x", "A.x b x")).containsExactly("x");
        assertThat(GoRegex.translate("(?<=a{2,})b")).isEqualTo("(?<=a{2,100})b");
        // the bound: more than LOOK_BEHIND_BOUND repetitions are not seen
        String longWord = ":" + "y".repeat(GoRegex.LOOK_BEHIND_BOUND + 1) + "x";
        assertThat(matches("(?<!:y+)x", longWord)).containsExactly("x");
        assertThat(matches("(?<!:y+)x", ":" + "y".repeat(GoRegex.LOOK_BEHIND_BOUND) + "x")).isEmpty();
        // outside look-behinds quantifiers are untouched
        assertThat(GoRegex.translate("a+?b*c{3,}")).isEqualTo("a+?b*c{3,}");
    }

    @Test
    void namedGroupsPosixClassesAndBracketsInClasses() {
        assertThat(matches("(?P<first_word>\\w+) (?P=first_word)", "the the end")).containsExactly("the the");
        assertThat(matches("(?<first_word>\\w+) \\k<first_word>", "a b b")).containsExactly("b b");
        assertThat(matches("(?'w'x)\\k'w'", "xx")).containsExactly("xx");
        assertThat(matches("[[:upper:]][[:^alpha:]]", "A1 Bb")).containsExactly("A1");
        assertThat(matches("[[]\\w+[]]", "a [b] c")).containsExactly("[b]");
        assertThat(matches("[^[]+", "ab[cd")).containsExactly("ab", "cd");
        assertThat(matches("[a&&b]", "a&b")).containsExactly("a", "&", "b");
    }

    @Test
    void aBackReferenceInsideALookBehindIsRefusedByName() {
        assertThatThrownBy(() -> GoRegex.compile("(\\w)(?<!\\1x)y"))
                .isInstanceOf(GoRegex.UntranslatableRegexException.class)
                .hasMessageContaining("a back-reference inside a look-behind")
                .hasMessageContaining("(\\w)(?<!\\1x)y");
    }

    @Test
    void aRuleThatCannotCompileIsSkippedAndTheRestOfItsStyleLoads(@TempDir Path dir) throws IOException {
        Path style = Files.createDirectories(dir.resolve("Mine"));
        Files.writeString(style.resolve("Broken.yml"),
                "extends: existence\nmessage: x\nlevel: error\nraw: ['(\\w)(?<!\\1x)y']\n");
        Files.writeString(style.resolve("NotYaml.yml"), "extends: [existence\n");
        Files.writeString(style.resolve("Good.yml"), "extends: existence\nmessage: x\ntokens: ['{context}']\n");
        StyleLoader.Styles styles = StyleLoader.load(dir, List.of("Mine"));
        assertThat(styles.rules()).containsOnlyKeys("Mine.Good");
        assertThat(styles.unsupported()).extracting(UnsupportedRule::name)
                .containsExactly("Mine.Broken", "Mine.NotYaml");
        assertThat(styles.unsupported().get(0).reason())
                .startsWith("skipped: Broken.yml: pattern does not compile in Java: a back-reference inside a look-behind");
        assertThat(styles.unsupported().get(1).reason()).startsWith("skipped: ").contains("not valid YAML");
    }
}
