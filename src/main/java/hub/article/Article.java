package hub.article;

/**
 * An article as submitted: the text is untrusted user content. {@code language} is the tag the submission declared,
 * null when it declared none (the hub then detects it; hub.language).
 */
public record Article(String title, String text, ArticleFormat format, String language) {

    public Article {
        format = format == null ? ArticleFormat.PLAIN : format;
        language = language == null || language.isBlank() ? null : language;
    }
}
