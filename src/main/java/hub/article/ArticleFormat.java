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
        for (ArticleFormat f : values()) {
            if (f.json().equalsIgnoreCase(value.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("format must be plain, markdown or html, not '" + value + "'");
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
