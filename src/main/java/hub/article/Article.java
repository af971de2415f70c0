package hub.article;

/** An article as submitted: the text is untrusted user content. */
public record Article(String title, String text, ArticleFormat format, String language) {

    public Article {
        format = format == null ? ArticleFormat.PLAIN : format;
        language = language == null || language.isBlank() ? "en" : language;
    }
}
