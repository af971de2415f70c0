package hub.vale;

import static org.assertj.core.api.Assertions.assertThat;

import hub.article.ArticleFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a .vale.ini sets beyond styles and switches, the vocabularies and the built-in Vale style. */
class ValeConfigTest {

    private static List<String> quotes(List<ValeAlert> alerts, String text) {
        return alerts.stream().map(a -> text.substring(a.start(), a.end())).toList();
    }

    @Test
    void everyKeyNotUnderstoodIsAWarningAndNoneIsSilent() {
        ValeIni ini = ValeIni.parse("""
                StylesPath = styles
                Vocab = Hub, Other
                Packages = Google, pkg/Local.zip
                IgnoredClasses = no-vale
                Colour = blue
                just text

                [formats]
                mdx = md

                [*.md]
                MinAlertLevel = error
                BasedOnStyles = Vale
                TokenIgnores = (\\$[^\\n$]+\\$), (\\{[^},]*,[^}]*\\})
                BlockIgnores = (?s) *({< file [^>]* >}.*?{</ ?file >})
                Lang = de
                Vale.Spelling = maybe
                Style.Rule = error

                [!*.md]
                Style.Rule = YES
                """);
        assertThat(ini.warnings()).containsExactly(
                "line 4: IgnoredClasses is not supported: HTML classes are not tracked by the hub's markup reader; "
                        + "ignored",
                "line 5: unknown key 'Colour': ignored",
                "line 6: 'just text' is not a key = value line: ignored",
                "line 12: MinAlertLevel belongs in the global part, not in [*.md]: ignored",
                "line 16: Lang is not supported: the spelling language comes from the rule's dictionaries, not from "
                        + "a glob section; ignored",
                "line 17: Vale.Spelling = maybe: a rule takes YES, NO or a level; switched on");
        assertThat(ini.vocab()).containsExactly("Hub", "Other");
        assertThat(ini.packages()).containsExactly("Google", "pkg/Local.zip");
        assertThat(ini.minAlertLevel()).isEqualTo(ValeLevel.SUGGESTION);
        assertThat(ini.formatExtension("a.mdx")).isEqualTo("md");
        assertThat(ini.tokenIgnores("a.md")).containsExactly("(\\$[^\\n$]+\\$)", "(\\{[^},]*,[^}]*\\})");
        assertThat(ini.blockIgnores("a.md")).containsExactly("(?s) *({< file [^>]* >}.*?{</ ?file >})");
        assertThat(ini.tokenIgnores("a.txt")).isEmpty();
        assertThat(ini.levels("a.md")).isEqualTo(Map.of("Style.Rule", ValeLevel.ERROR));
        assertThat(ini.levels("a.rst")).isEmpty();
        assertThat(ini.switches("a.txt")).containsEntry("Style.Rule", true);
        assertThat(ini.basedOnStyles("a.txt")).isEmpty();
        assertThat(ini.ignoredScopes()).containsExactly("code", "tt");
        assertThat(ini.skippedScopes()).containsExactly("script", "style", "pre", "figure");
    }

    @Test
    void aValueContinuesAfterATrailingBackslashAndABadIgnorePatternIsAWarning() {
        ValeIni ini = ValeIni.parse("""
                [*.md]
                TokenIgnores = (a+), \\
                (b+), \\
                (c+)
                BlockIgnores = (x)(?<=\\1)y
                BasedOnStyles = Vale
                """);
        assertThat(ini.warnings()).isEmpty();
        assertThat(ini.tokenIgnores("t.md")).containsExactly("(a+)", "(b+)", "(c+)");
        assertThat(ini.basedOnStyles("t.md")).containsExactly("Vale");
        List<String> warnings = new ArrayList<>();
        ValeDocument.Options options = ValeDocument.Options.of(ini, "t.md", warnings);
        assertThat(options.tokenIgnores()).hasSize(3);
        assertThat(options.blockIgnores()).isEmpty();
        assertThat(warnings).singleElement().asString()
                .startsWith("BlockIgnores pattern skipped: pattern does not compile in Java: a back-reference inside");
    }

    @Test
    void tokenAndBlockIgnoresAndScopesHideTextWithoutMovingOffsets() {
        Rule rule = ValeRulesTest.rule("extends: existence\nmessage: x\ntokens: [TBD]\n");
        String text = "TBD $x = TBD$ and **TBD** here.\n\n> TBD quoted\n\n{< file >}\nTBD\n{</ file >}\n\nTBD.\n";
        ValeIni ini = ValeIni.parse("""
                IgnoredScopes = code, strong
                SkippedScopes = pre, blockquote
                [*.md]
                TokenIgnores = (\\$[^\\n$]+\\$)
                BlockIgnores = (?s)({< file >}.*?{</ file >})
                """);
        List<ValeAlert> alerts = rule.check(ValeDocument.of(text, ArticleFormat.MARKDOWN,
                ValeDocument.Options.of(ini, "a.md")));
        assertThat(alerts).extracting(ValeAlert::start).containsExactly(0, text.lastIndexOf("TBD"));
        List<ValeAlert> plain = rule.check(ValeDocument.of(text, ArticleFormat.MARKDOWN));
        assertThat(plain).hasSize(6);
    }

    @Test
    void theVocabularyJoinsEveryRulesExceptionsUnlessTheRuleOptsOut(@TempDir Path styles) throws IOException {
        Path vocab = Files.createDirectories(styles.resolve("config/vocabularies/Hub"));
        Files.writeString(vocab.resolve("accept.txt"), "# terms\nJavaScript\n[Pp]ython\n");
        Files.writeString(vocab.resolve("reject.txt"), "utilize\n");
        Path house = Files.createDirectories(styles.resolve("House"));
        Files.writeString(house.resolve("Names.yml"), "extends: existence\nmessage: \"'%s'\"\ntokens: ['[A-Z]\\w+']\n");
        Files.writeString(house.resolve("Own.yml"),
                "extends: existence\nmessage: \"'%s'\"\nvocab: false\ntokens: [JavaScript]\n");
        List<String> warnings = new ArrayList<>();
        Vocabulary vocabulary = Vocabulary.load(styles, List.of("Hub", "Missing"), warnings);
        assertThat(vocabulary.accepted()).containsExactly("JavaScript", "[Pp]ython");
        assertThat(vocabulary.rejected()).containsExactly("utilize");
        assertThat(warnings).singleElement().asString().startsWith("Vocab 'Missing' not found");
        StyleLoader.Styles loaded = StyleLoader.load(List.of(styles), List.of("House"), vocabulary);
        String text = "We use JavaScript, Python and Rust.";
        List<ValeAlert> alerts = ValeChecker.select(loaded, List.of("House"), Map.of(), ValeLevel.SUGGESTION)
                .check(ValeDocument.of(text, ArticleFormat.PLAIN));
        assertThat(alerts).extracting(a -> a.rule() + " " + a.message())
                .containsExactly("House.Names 'We'", "House.Own 'JavaScript'", "House.Names 'Rust'");
    }

    @Test
    void theBuiltInValeStyleTakesItsTermsAndAvoidsFromTheVocabulary(@TempDir Path styles) throws IOException {
        Vocabulary vocabulary = new Vocabulary(List.of("JavaScript", "[Pp]ython", "Compliance Hub"),
                List.of("utilize"));
        StyleLoader.Styles loaded = StyleLoader.load(List.of(styles), List.of("Vale"), vocabulary);
        assertThat(loaded.rules()).containsKeys("Vale.Repetition", "Vale.Terms", "Vale.Avoid");
        String text = "We utilize javascript, python and and the compliance hub. Utilize JavaScript.";
        List<ValeAlert> alerts = ValeChecker.select(loaded, List.of("Vale"), Map.of("Vale.Spelling", false),
                ValeLevel.SUGGESTION).check(ValeDocument.of(text, ArticleFormat.PLAIN));
        assertThat(alerts).extracting(a -> a.rule() + " " + a.message()).containsExactly(
                "Vale.Avoid Avoid using 'utilize'.",
                "Vale.Terms Use 'JavaScript' instead of 'javascript'.",
                "Vale.Repetition 'and' is repeated!",
                "Vale.Terms Use 'Compliance Hub' instead of 'compliance hub'.");
        assertThat(alerts).allMatch(a -> a.level() == ValeLevel.ERROR);
        assertThat(StyleLoader.load(List.of(styles), List.of("Vale"), Vocabulary.NONE).rules())
                .doesNotContainKeys("Vale.Terms", "Vale.Avoid");
    }

    @Test
    void aRuleMayExtendAnotherAndScriptRulesAreSkippedByName(@TempDir Path styles) throws IOException {
        Path base = Files.createDirectories(styles.resolve("Base"));
        Files.writeString(base.resolve("Words.yml"),
                "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens: [simply]\n");
        Path house = Files.createDirectories(styles.resolve("House"));
        Files.writeString(house.resolve("Stricter.yml"), "extends: Base.Words\ntokens: [simply, just]\n");
        Files.writeString(house.resolve("Orphan.yml"), "extends: Base.Missing\nmessage: x\n");
        Files.writeString(house.resolve("Tengo.yml"), "extends: script\nmessage: x\nscript: |\n  x := 1\n");
        Files.writeString(house.resolve("Tags.yml"), "extends: sequence\nmessage: x\ntokens: [{tag: NN}]\n");
        StyleLoader.Styles loaded = StyleLoader.load(styles, List.of("House"));
        assertThat(loaded.rules()).containsOnlyKeys("House.Stricter", "House.Tags");
        String text = "Just do it, simply.";
        assertThat(loaded.rules().get("House.Stricter").check(ValeDocument.of(text, ArticleFormat.PLAIN)))
                .extracting(ValeAlert::message, ValeAlert::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Avoid 'simply'.", ValeLevel.ERROR));
        assertThat(loaded.unsupported()).extracting(u -> u.name() + ": " + u.reason()).containsExactly(
                "House.Orphan: skipped: Orphan.yml: extends Base.Missing, which is not on [" + styles + "]",
                "House.Tengo: Tengo scripts need a Tengo interpreter; there is none for the JVM");
    }

    @Test
    void aRuleThatFailsOnADocumentCostsNoOtherRuleItsAlerts(@TempDir Path styles) throws IOException {
        Path house = Files.createDirectories(styles.resolve("House"));
        // Java's regex engine recurses once per repetition of a group with alternatives: a long run overflows.
        Files.writeString(house.resolve("Deep.yml"), "extends: existence\nmessage: x\nnonword: true\n"
                + "tokens: ['(?:a|b)*c']\n");
        Files.writeString(house.resolve("Plain.yml"), "extends: existence\nmessage: y\ntokens: [end]\n");
        StyleLoader.Styles loaded = StyleLoader.load(styles, List.of("House"));
        String text = "ab".repeat(200_000) + "x end";
        ValeDocument document = ValeDocument.of(text, ArticleFormat.PLAIN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loaded.rules().get("House.Deep").check(document))
                .isInstanceOf(StackOverflowError.class);
        List<ValeAlert> alerts = ValeChecker.select(loaded, List.of("House"), Map.of(), ValeLevel.SUGGESTION)
                .check(document);
        assertThat(alerts).extracting(ValeAlert::rule).containsOnly("House.Plain");
    }

    @Test
    void levelsSetInTheConfigurationReplaceTheRulesOwn(@TempDir Path styles) throws IOException {
        Path house = Files.createDirectories(styles.resolve("House"));
        Files.writeString(house.resolve("Soft.yml"), "extends: existence\nmessage: x\nlevel: suggestion\ntokens: [a]\n");
        StyleLoader.Styles loaded = StyleLoader.load(styles, List.of("House"));
        assertThat(ValeChecker.select(loaded, List.of("House"), Map.of(), ValeLevel.ERROR).rules()).isEmpty();
        ValeChecker raised = ValeChecker.select(loaded, List.of("House"), Map.of("House.Soft", true), ValeLevel.ERROR,
                Map.of("House.Soft", ValeLevel.ERROR));
        assertThat(raised.check(ValeDocument.of("a b", ArticleFormat.PLAIN)))
                .singleElement().extracting(ValeAlert::level).isEqualTo(ValeLevel.ERROR);
    }

    @Test
    void aLocalPackageFolderOrZipProvidesStyles(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("Pkg.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("Pkg/styles/Zipped/Rule.yml"));
            z.write("extends: existence\nmessage: zipped\ntokens: [zip]\n".getBytes());
            z.closeEntry();
        }
        Path folder = Files.createDirectories(dir.resolve("local/Folded"));
        Files.writeString(folder.resolve("Rule.yml"), "extends: existence\nmessage: folded\ntokens: [fold]\n");
        List<String> warnings = new ArrayList<>();
        List<Path> paths = new ArrayList<>(List.of(dir.resolve("styles")));
        paths.addAll(ValePackages.resolve(dir, List.of("Pkg.zip", "local", "Google"), warnings));
        assertThat(warnings).singleElement().asString().startsWith("Packages entry 'Google' is not a local folder");
        StyleLoader.Styles loaded = StyleLoader.load(paths, List.of("Zipped", "Folded"), Vocabulary.NONE);
        assertThat(loaded.rules()).containsOnlyKeys("Zipped.Rule", "Folded.Rule");
    }

    @Test
    void spellingWithDebiansHunspellDictionaries(@TempDir Path styles) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(HunspellDictionaries.DEBIAN.resolve("en_US.dic"))
                        && Files.isRegularFile(HunspellDictionaries.DEBIAN.resolve("de_DE.dic")),
                "Debian's Hunspell dictionaries are not installed (apt-get install hunspell-en-us hunspell-de-de; "
                        + "scripts/test.sh installs them): spelling test skipped");
        StyleLoader.Styles vale = StyleLoader.load(List.of(styles), List.of("Vale"),
                new Vocabulary(List.of("Zorblax"), List.of()));
        Rule spelling = vale.rules().get("Vale.Spelling");
        String text = "The polcy covers teh house; Zorblax, zorblaxes, NASA, HubStack and x86 are fine.";
        List<ValeAlert> alerts = spelling.check(ValeDocument.of(text, ArticleFormat.PLAIN));
        assertThat(quotes(alerts, text)).containsExactly("polcy", "teh");
        assertThat(alerts.get(0).message()).isEqualTo("Did you really mean 'polcy'?");
        assertThat(alerts.get(0).suggestions()).contains("policy");

        Rule german = ValeRulesTest.rule("extends: spelling\nmessage: \"'%s'\"\ndictionaries: [de_DE]\n");
        String deutsch = "Der Vetrag deckt das Haus ab.";
        assertThat(quotes(german.check(ValeDocument.of(deutsch, ArticleFormat.PLAIN)), deutsch))
                .containsExactly("Vetrag");
    }

    @Test
    void aSpellingRuleWithoutItsDictionaryIsSkippedNamingWhereItLooked(@TempDir Path styles) throws IOException {
        Path house = Files.createDirectories(styles.resolve("House"));
        Files.writeString(house.resolve("Klingon.yml"),
                "extends: spelling\nmessage: x\ndicpath: dicts\ndictionaries: [tlh_XX]\n");
        StyleLoader.Styles loaded = StyleLoader.load(styles, List.of("House"));
        assertThat(loaded.rules()).isEmpty();
        assertThat(loaded.unsupported()).singleElement().extracting(UnsupportedRule::reason).asString()
                .startsWith("skipped: Klingon.yml: no Hunspell dictionary 'tlh_XX' (tlh_XX.aff and tlh_XX.dic) in [")
                .contains(styles.resolve("dicts").toString(), "/usr/share/hunspell", "apt-get install hunspell-tlh-xx");
    }
}
