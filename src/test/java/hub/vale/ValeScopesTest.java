package hub.vale;

import static hub.vale.ValeRulesTest.check;
import static hub.vale.ValeRulesTest.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import hub.article.ArticleFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markup scopes: which text each scope sees, in Markdown and HTML alike; code is never prose. */
class ValeScopesTest {

    private static final String MARKDOWN = """
            # Heading word

            Paragraph word here. Second sentence word.

            - list word
            - `code word`

            > quoted word

            | head word |
            |-----------|
            | cell word |

            ```
            fenced word
            ```
            """;

    private static final String HTML = "<h1>Heading word</h1><p>Paragraph word here. Second sentence word.</p>"
            + "<ul><li>list word</li><li><code>code word</code></li></ul><blockquote><p>quoted word</p></blockquote>"
            + "<table><tr><th>head word</th></tr><tr><td>cell word</td></tr></table><pre>fenced word</pre>";

    private static List<String> scoped(String scope, String text, ArticleFormat format) {
        String yaml = "extends: existence\nmessage: x\nscope: " + scope + "\ntokens: ['\\w+ word']\n";
        return quotes(check(yaml, text, format), text);
    }

    @Test
    void markdownScopes() {
        assertThat(scoped("text", MARKDOWN, ArticleFormat.MARKDOWN)).containsExactly("Heading word",
                "Paragraph word", "sentence word", "list word", "quoted word", "head word", "cell word");
        assertThat(scoped("heading", MARKDOWN, ArticleFormat.MARKDOWN)).containsExactly("Heading word");
        assertThat(scoped("paragraph", MARKDOWN, ArticleFormat.MARKDOWN))
                .containsExactly("Paragraph word", "sentence word");
        assertThat(scoped("sentence", MARKDOWN, ArticleFormat.MARKDOWN))
                .containsExactly("Paragraph word", "sentence word");
        assertThat(scoped("list", MARKDOWN, ArticleFormat.MARKDOWN)).containsExactly("list word");
        assertThat(scoped("raw", MARKDOWN, ArticleFormat.MARKDOWN)).contains("code word", "fenced word");
    }

    @Test
    void htmlMapsToTheSameScopes() {
        assertThat(scoped("text", HTML, ArticleFormat.HTML)).containsExactly("Heading word",
                "Paragraph word", "sentence word", "list word", "quoted word", "head word", "cell word");
        assertThat(scoped("heading", HTML, ArticleFormat.HTML)).containsExactly("Heading word");
        assertThat(scoped("sentence", HTML, ArticleFormat.HTML)).containsExactly("Paragraph word", "sentence word");
        assertThat(scoped("list", HTML, ArticleFormat.HTML)).containsExactly("list word");
    }

    @Test
    void sentencesAreSeparateBlocks() {
        String yaml = "extends: existence\nmessage: x\nscope: sentence\nnonword: true\ntokens: ['^\\w+']\n";
        String text = "First one. Second one! Third?";
        assertThat(quotes(check(yaml, text, ArticleFormat.PLAIN), text)).containsExactly("First", "Second", "Third");
    }

    @Test
    void negatedAndCombinedSelectors() {
        assertThat(Scope.of(List.of("~heading")).matches("text.heading.h1.md")).isFalse();
        assertThat(Scope.of(List.of("~heading")).matches("text.list.md")).isTrue();
        assertThat(Scope.of(List.of("text & list")).matches("text.list.md")).isTrue();
        assertThat(Scope.of(List.of("heading.h2")).matches("text.heading.h1.md")).isFalse();
    }
}
