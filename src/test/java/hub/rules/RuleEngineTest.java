package hub.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Checks;
import hub.guideline.Checks.ForbiddenTerm;
import hub.guideline.Checks.PatternCheck;
import hub.guideline.Checks.RequiredPhrase;
import hub.guideline.Guideline;
import hub.report.model.Severity;
import hub.report.model.Finding;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private final RuleEngine engine = new RuleEngine();

    private static Guideline guideline(Checks checks) {
        return new Guideline("g", "G", "test", Severity.WARNING, 1, null, checks);
    }

    private static Checks terms(ForbiddenTerm... terms) {
        return new Checks(List.of(terms), null, null, null, null);
    }

    private static ForbiddenTerm term(String term) {
        return new ForbiddenTerm(term, null, null, false);
    }

    private List<Finding> check(Checks checks, String source, ArticleFormat format) {
        return engine.check(guideline(checks), PlainText.of(source, format));
    }

    private List<Finding> check(Checks checks, String plainSource) {
        return check(checks, plainSource, ArticleFormat.PLAIN);
    }

    /** Every located finding quotes exactly the source span it points at. */
    private static List<Finding> consistent(List<Finding> findings, String source) {
        for (Finding f : findings) {
            if (f.offset() != null) {
                assertThat(source.substring(f.offset(), f.offset() + f.length())).isEqualTo(f.quote());
            }
        }
        return findings;
    }

    @Nested
    class ForbiddenTerms {

        @Test
        void findsEveryOccurrenceIgnoringCase() {
            String text = "Guaranteed returns! We promise GUARANTEED RETURNS and guaranteed   returns.";

            assertThat(consistent(check(terms(term("guaranteed returns")), text), text))
                    .extracting(Finding::checkId, Finding::offset, Finding::length, Finding::quote)
                    .containsExactly(
                            tuple("forbidden-term", 0, 18, "Guaranteed returns"),
                            tuple("forbidden-term", 31, 18, "GUARANTEED RETURNS"),
                            tuple("forbidden-term", 54, 20, "guaranteed   returns"));
        }

        @Test
        void usesTheTermsMessageAndSuggestionOrADefaultMessage() {
            Checks checks = terms(new ForbiddenTerm("chairman", "chair", null, false),
                    new ForbiddenTerm("act now", "Give the date.", "Creates urgency.", false));

            assertThat(check(checks, "Act now, says the chairman."))
                    .extracting(Finding::message, Finding::suggestion)
                    .containsExactly(tuple("Creates urgency.", "Give the date."), tuple("Avoid \"chairman\"", "chair"));
        }

        @Test
        void matchesWholeWordsOnly() {
            String text = "unguaranteed, guaranteedly, guaranteed_x, guaranteed. (guaranteed) well-guaranteed";

            assertThat(check(terms(term("guaranteed")), text))
                    .extracting(Finding::offset, Finding::length)
                    .containsExactly(tuple(42, 10), tuple(55, 10), tuple(72, 10));
        }

        @Test
        void caseSensitiveTermsRespectCase() {
            Checks checks = terms(new ForbiddenTerm("ISA", null, null, true));

            assertThat(check(checks, "An isa, an Isa and an ISA.")).extracting(Finding::offset).containsExactly(22);
        }

        @Test
        void accentedLettersAreWordCharacters() {
            String text = "Café, cafés, CAFÉ! décafé";

            assertThat(check(terms(term("café")), text)).extracting(Finding::offset).containsExactly(0, 13);
        }

        @Test
        void combiningMarksAreWordCharacters() {
            assertThat(check(terms(term("cafe")), "cafe\u0301 and cafe.")).extracting(Finding::offset)
                    .containsExactly(10);
        }

        @Test
        void sharpSAndTurkishDottedCapitalI() {
            assertThat(check(terms(term("straße")), "Die Straße, die STRAßE, die Straßenbahn"))
                    .extracting(Finding::offset).containsExactly(4, 16);
            assertThat(check(terms(term("istanbul")), "İstanbul and ISTANBUL"))
                    .extracting(Finding::offset, Finding::quote)
                    .containsExactly(tuple(0, "İstanbul"), tuple(13, "ISTANBUL"));
        }

        @Test
        void termsThatStartOrEndWithPunctuation() {
            String text = "A 100% return, not 2100% or 100%+.";

            assertThat(check(terms(term("100%")), text)).extracting(Finding::offset, Finding::length)
                    .containsExactly(tuple(2, 4), tuple(28, 4));
            assertThat(check(terms(term("#1")), "We are #1, not #10.")).extracting(Finding::offset)
                    .containsExactly(7);
        }

        @Test
        void whiteSpaceInsideATermMatchesNewlinesAndNoBreakSpaces() {
            String text = "act\u00A0now, act\nnow, act \r\n now, actnow";

            assertThat(consistent(check(terms(term("act now")), text), text))
                    .extracting(Finding::offset, Finding::length)
                    .containsExactly(tuple(0, 7), tuple(9, 7), tuple(18, 10));
        }

        @Test
        void typographicApostrophesAndHyphensMatchAscii() {
            String text = "You can’t lose. It is risk‑free.";

            assertThat(check(terms(term("can't lose"), term("risk-free")), text))
                    .extracting(Finding::quote).containsExactly("can’t lose", "risk‑free");
        }

        @Test
        void emojiBeforeAFindingCountsTwoCodeUnits() {
            String text = "🚀 Act now";

            List<Finding> findings = check(terms(term("act now")), text);

            assertThat(findings).extracting(Finding::offset, Finding::length).containsExactly(tuple(3, 7));
            assertThat(text.codePointCount(0, 3)).isEqualTo(2);
        }

        @Test
        void markdownEmphasisAroundAndInsideATerm() {
            String source = "🚀 Earn **guaranteed** returns or guaran*teed* returns, or [act now](https://x.example/a_b).";

            assertThat(consistent(check(terms(term("guaranteed returns"), term("act now")), source,
                    ArticleFormat.MARKDOWN), source))
                    .extracting(Finding::offset, Finding::quote)
                    .containsExactly(
                            tuple(8, "**guaranteed** returns"),
                            tuple(34, "guaran*teed* returns"),
                            tuple(59, "[act now](https://x.example/a_b)"));
        }

        @Test
        void htmlTagsAndEntitiesInsideAndAroundATerm() {
            String source = "<p>We offer <b>guaranteed</b>&nbsp;returns &amp; say &ldquo;act <i>now</i>&rdquo;</p>";

            assertThat(consistent(check(terms(term("guaranteed returns"), term("act now")), source,
                    ArticleFormat.HTML), source))
                    .extracting(Finding::offset, Finding::quote)
                    .containsExactly(
                            tuple(12, "<b>guaranteed</b>&nbsp;returns"),
                            tuple(60, "act <i>now</i>"));
        }
    }

    @Nested
    class RequiredPhrases {

        private final Checks disclaimer = new Checks(null,
                List.of(new RequiredPhrase(List.of("capital at risk", "you may get back less than you invest"),
                        "Add a risk warning.")), null, null, null);

        @Test
        void missingPhraseIsOneArticleLevelFinding() {
            assertThat(check(disclaimer, "Invest with us."))
                    .containsExactly(Finding.articleLevel("required-phrase", "Add a risk warning.", null));
        }

        @Test
        void anyPhraseSatisfiesItIgnoringCaseAndWhiteSpace() {
            assertThat(check(disclaimer, "CAPITAL\nAT\u00A0RISK.")).isEmpty();
            assertThat(check(disclaimer, "You may get back less than you invest.")).isEmpty();
        }

        @Test
        void defaultMessageListsThePhrases() {
            Checks checks = new Checks(null, List.of(new RequiredPhrase(List.of("a b", "c"), null)), null, null, null);

            assertThat(check(checks, "nothing")).extracting(Finding::message)
                    .containsExactly("Missing required wording; include one of: \"a b\", \"c\"");
        }
    }

    @Nested
    class Patterns {

        private Checks pattern(String regex, boolean caseSensitive) {
            return new Checks(null, null, List.of(new PatternCheck(regex, null, "Say it is not guaranteed.",
                    caseSensitive)), null, null);
        }

        @Test
        void everyMatchIsAFinding() {
            String text = "Guaranteed 5% a year, guaranteed 6.5 % later.";

            assertThat(check(pattern("guaranteed\\s+\\d+(?:\\.\\d+)?\\s?%", false), text))
                    .extracting(Finding::checkId, Finding::offset, Finding::quote, Finding::message,
                            Finding::suggestion)
                    .containsExactly(
                            tuple("pattern", 0, "Guaranteed 5%", "Avoid \"Guaranteed 5%\"", "Say it is not guaranteed."),
                            tuple("pattern", 22, "guaranteed 6.5 %", "Avoid \"guaranteed 6.5 %\"",
                                    "Say it is not guaranteed."));
        }

        @Test
        void caseSensitivePatterns() {
            assertThat(check(pattern("ISA\\b", true), "isa ISA")).extracting(Finding::offset).containsExactly(4);
        }

        @Test
        void unicodeCharacterClasses() {
            assertThat(check(pattern("\\b\\w+é\\b", false), "Un CAFÉ coupé")).extracting(Finding::quote)
                    .containsExactly("CAFÉ", "coupé");
        }

        @Test
        void zeroLengthMatchesAreIgnored() {
            assertThat(check(pattern("x*", false), "abc x")).extracting(Finding::offset, Finding::length)
                    .containsExactly(tuple(4, 1));
        }
    }

    @Nested
    class Lengths {

        private Checks sentences(int max) {
            return new Checks(null, null, null, max, null);
        }

        @Test
        void sentenceOverTheLimitIsCoveredWithoutSurroundingWhiteSpace() {
            String text = "Short one. This sentence has exactly seven words here!  Fine.";

            assertThat(check(sentences(6), text))
                    .extracting(Finding::checkId, Finding::offset, Finding::quote, Finding::message)
                    .containsExactly(tuple("sentence-length", 11, "This sentence has exactly seven words here!",
                            "Sentence has 7 words; keep it to 6 or fewer."));
            assertThat(check(sentences(7), text)).isEmpty();
        }

        @Test
        void contractionsHyphenatedWordsAndNumbersCountOnce() {
            String text = "Don't miss our well-known plan: 2,5 % for 3 years — l’offre.";

            assertThat(check(sentences(9), text)).extracting(Finding::message)
                    .containsExactly("Sentence has 10 words; keep it to 9 or fewer.");
        }

        @Test
        void lineBreaksEndSentences() {
            String text = "A heading without a stop\nThe next paragraph starts here.\n\nAnother one";

            assertThat(check(sentences(5), text)).isEmpty();
            assertThat(check(sentences(4), text)).extracting(Finding::offset, Finding::quote)
                    .containsExactly(tuple(0, "A heading without a stop"), tuple(25, "The next paragraph starts here."));
        }

        @Test
        void markdownHeadingIsNotGluedToTheNextParagraph() {
            String source = "## Why choose us today\nWe are here.";

            assertThat(check(sentences(3), source, ArticleFormat.MARKDOWN)).extracting(Finding::offset, Finding::quote)
                    .containsExactly(tuple(3, "Why choose us today"));
        }

        @Test
        void htmlSentenceMapsBackAcrossTags() {
            String source = "<h2>Title</h2><p>One <b>two</b> three four.</p>";

            assertThat(check(sentences(3), source, ArticleFormat.HTML)).extracting(Finding::offset, Finding::quote)
                    .containsExactly(tuple(17, "One <b>two</b> three four."));
        }

        @Test
        void sentencesUseTheLanguagesRules() {
            String text = "Das kostet 5 Euro. Danach kommt mehr.";

            assertThat(engine.check(guideline(sentences(3)), PlainText.of(text, ArticleFormat.PLAIN), Locale.GERMAN))
                    .extracting(Finding::quote).containsExactly("Das kostet 5 Euro.");
        }

        @Test
        void paragraphsAreSeparatedByBlankLines() {
            String text = "One two three\nfour five.\n \t\nSix seven.\n\n\nEight nine ten eleven twelve.";
            Checks checks = new Checks(null, null, null, null, 4);

            assertThat(consistent(check(checks, text), text))
                    .extracting(Finding::checkId, Finding::offset, Finding::quote, Finding::message)
                    .containsExactly(
                            tuple("paragraph-length", 0, "One two three\nfour five.",
                                    "Paragraph has 5 words; keep it to 4 or fewer."),
                            tuple("paragraph-length", 41, "Eight nine ten eleven twelve.",
                                    "Paragraph has 5 words; keep it to 4 or fewer."));
        }

        @Test
        void htmlParagraphsAreBlocks() {
            String source = "<p>one two three</p><p>four five six</p><ul><li>a b</li><li>c d</li></ul>";
            Checks checks = new Checks(null, null, null, null, 3);

            assertThat(consistent(check(checks, source, ArticleFormat.HTML), source))
                    .extracting(Finding::offset, Finding::quote)
                    .containsExactly(tuple(48, "a b</li><li>c d"));
        }
    }

    @Test
    void findingsAreSortedByOffsetWithArticleLevelFindingsLast() {
        Checks checks = new Checks(List.of(term("zeta"), term("alpha")),
                List.of(new RequiredPhrase(List.of("capital at risk"), null)),
                List.of(new PatternCheck("\\d+%", null, null, false)), null, null);

        assertThat(check(checks, "alpha 5% zeta alpha"))
                .extracting(Finding::checkId, Finding::offset)
                .containsExactly(tuple("forbidden-term", 0), tuple("pattern", 6), tuple("forbidden-term", 9),
                        tuple("forbidden-term", 14), tuple("required-phrase", null));
    }

    @Test
    void guidelineWithoutChecksFindsNothing() {
        assertThat(check(Checks.NONE, "Guaranteed returns, act now!")).isEmpty();
    }

    @Test
    void isSafeToShareBetweenThreads() {
        Checks checks = terms(term("act now"), term("best"));
        PlainText article = PlainText.of("Act now for the best deal. ".repeat(50), ArticleFormat.PLAIN);
        List<Finding> expected = engine.check(guideline(checks), article);

        assertThat(IntStream.range(0, 200).parallel()
                .mapToObj(i -> new RuleEngine().check(guideline(checks), article).equals(expected)
                        && engine.check(guideline(checks), article).equals(expected)))
                .containsOnly(true);
        assertThat(expected).hasSize(100);
    }

    @Nested
    class Validation {

        private void assertInvalid(Checks checks, String message) {
            assertThatThrownBy(() -> engine.validate(guideline(checks)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
        }

        @Test
        void acceptsValidChecks() {
            Checks checks = new Checks(List.of(term("best")), List.of(new RequiredPhrase(List.of("x"), null)),
                    List.of(new PatternCheck("\\d+%", null, null, false)), 30, 120);

            assertThatCode(() -> engine.validate(guideline(checks))).doesNotThrowAnyException();
            assertThatCode(() -> engine.validate(guideline(null))).doesNotThrowAnyException();
        }

        @Test
        void rejectsARegexThatDoesNotCompile() {
            assertInvalid(new Checks(null, null, List.of(new PatternCheck("\\d+%", null, null, false),
                    new PatternCheck("guaranteed (\\d+", null, null, false)), null, null),
                    "patterns[1].regex does not compile: Unclosed group");
        }

        @Test
        void rejectsBlankTermsAndPhrases() {
            assertInvalid(terms(term("best"), term(" ")), "forbiddenTerms[1].term is blank");
            assertInvalid(terms(new ForbiddenTerm(null, null, null, false)), "forbiddenTerms[0].term is blank");
            assertInvalid(new Checks(null, List.of(new RequiredPhrase(List.of(), "m")), null, null, null),
                    "requiredPhrases[0] needs anyOf or patterns");
            assertInvalid(new Checks(null, List.of(new RequiredPhrase(null, "m")), null, null, null),
                    "requiredPhrases[0] needs anyOf or patterns");
            assertInvalid(new Checks(null, List.of(new RequiredPhrase(List.of("a", ""), "m")), null, null, null),
                    "requiredPhrases[0].anyOf contains a blank phrase");
            assertInvalid(new Checks(null, null, List.of(new PatternCheck("", null, null, false)), null, null),
                    "patterns[0].regex is blank");
        }

        @Test
        void rejectsNonPositiveLimits() {
            assertInvalid(new Checks(null, null, null, 0, null), "maxSentenceWords must be positive");
            assertInvalid(new Checks(null, null, null, null, -1), "maxParagraphWords must be positive");
        }
    }
}
