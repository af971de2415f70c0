package hub.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the submitted article text is marked up. */
public enum ArticleFormat {
    PLAIN, MARKDOWN, HTML;

    @JsonCreator
    public static ArticleFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return PLAIN;
        }
        return ArticleFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
