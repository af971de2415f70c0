package hub.vale;

import static hub.vale.ValeRulesTest.check;
import static hub.vale.ValeRulesTest.quotes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.article.ArticleFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sequence} rules: Vale's anchor-and-sides matching over Treebank words and Penn Treebank tags. */
class SequenceRuleTest {

    private static final String INFINITIVE = """
            extends: sequence
            message: "The infinitive '%[4]s' after 'be' requires 'to'. Did you mean '%[2]s %[3]s *to* %[4]s'?"
            tokens:
              - tag: MD
              - pattern: be
              - tag: JJ
              - tag: VB|VBN
            """;

    @Test
    void splitsWordsAsTheTreebankTokenizerDoesAndKeepsTheirSpans() {
        String text = "They can't say \"cannot\" (it's late), can they?";
        List<TreebankWords.Word> words = TreebankWords.split(text);
        assertThat(words).extracting(TreebankWords.Word::text).containsExactly("They", "ca", "n't", "say", "``",
                "can", "not", "''", "(", "it", "'s", "late", ")", ",", "can", "they", "?");
        assertThat(words).allSatisfy(w -> assertThat(w.end()).isGreaterThanOrEqualTo(w.start()));
        assertThat(words.get(10)).satisfies(w -> assertThat(text.substring(w.start(), w.end())).isEqualTo("'s"));
        assertThat(words.get(4)).satisfies(w -> assertThat(text.substring(w.start(), w.end())).isEqualTo("\""));
    }

    @Test
    void tagsWordsWithPennTreebankTags() {
        assertThat(PosTagger.tag(List.of("The", "report", "was", "written", "by", "the", "team", ".")))
                .containsExactly("DT", "NN", "VBD", "VBN", "IN", "DT", "NN", ".");
    }

    @Test
    void vale_sDocumentedExampleFillsIndexedVerbsFromTheMatchedWords() {
        String text = "With this key you will be able see the logs. You will be able to see them.";
        List<ValeAlert> alerts = check(INFINITIVE, text, ArticleFormat.PLAIN);
        assertThat(quotes(alerts, text)).containsExactly("will be able see");
        assertThat(alerts.get(0).message())
                .isEqualTo("The infinitive 'see' after 'be' requires 'to'. Did you mean 'be able *to* see'?");
    }

    @Test
    void aNegatedTagMatchesAWordWithoutIt() {
        String yaml = "extends: sequence\nmessage: \"Say what follows '%s'.\"\ntokens:\n  - pattern: following\n"
                + "  - tag: NN|NNS|NNP|NNPS\n    negate: true\n";
        String text = "Run the following commands. Do the following then restart.";
        assertThat(quotes(check(yaml, text, ArticleFormat.PLAIN), text)).containsExactly("following then");
    }

    @Test
    void skipAllowsUpToNWordsBeforeAToken() {
        String yaml = "extends: sequence\nmessage: \"'%s'\"\ntokens:\n  - pattern: make\n  - pattern: decision\n"
                + "    skip: 2\n";
        String text = "We make a decision. We make a quick decision. We make a very quick decision.";
        assertThat(quotes(check(yaml, text, ArticleFormat.PLAIN), text))
                .containsExactly("make a decision", "make a quick decision");
    }

    @Test
    void patternsAloneNeedNoTaggerAndFollowIgnorecase() {
        String yaml = "extends: sequence\nmessage: \"'%[2]s' after '%[1]s'\"\nignorecase: true\ntokens:\n"
                + "  - pattern: return\n  - pattern: back\n";
        String text = "Return back later. Please return to the list.";
        List<ValeAlert> alerts = check(yaml, text, ArticleFormat.PLAIN);
        assertThat(quotes(alerts, text)).containsExactly("Return back");
        assertThat(alerts.get(0).message()).isEqualTo("'back' after 'Return'");
    }

    @Test
    void aSequenceIsSentenceScopedAsInVale() {
        String markdown = "# You will be able see it\n\n- You will be able see it.\n\nYou will be able see it.\n";
        List<ValeAlert> alerts = check(INFINITIVE, markdown, ArticleFormat.MARKDOWN);
        assertThat(alerts).extracting(ValeAlert::start).containsExactly(markdown.lastIndexOf("You will") + 4);
    }

    @Test
    void tokensMustBeAList() {
        assertThatThrownBy(() -> ValeRulesTest.rule("extends: sequence\nmessage: x\ntokens: be\n"))
                .hasMessageContaining("'tokens' is not a list");
    }

    @Test
    void messagesTakeIndexedArgumentsAsGoDoes() {
        assertThat(Messages.format("%[2]s %s / %[1]s %s", "a", "b", "c")).isEqualTo("b c / a b");
        assertThat(Messages.format("%[4]s", "a")).isEqualTo("%!s(BADINDEX)");
    }
}
