package hub.language;

import hub.article.Article;
import hub.article.PlainText;
import hub.guideline.registry.GuidelineSetRegistry;
import hub.report.model.DetectedLanguage;
import hub.report.model.LanguageTags;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which guideline set an article gets when its submission names none: {@code hub.guidelines.by-language} maps a
 * language tag or primary subtag to a set id ("de-CH" is looked up as "de-CH", then "de"); any other language, or
 * none, gets {@code hub.guidelines.fallback-set}. An article that declares no language is detected (on its plain
 * text) first, and only a confident detection counts. Every set named must exist, or the start-up stops.
 */
@Component("setsByLanguage")
public class SetsByLanguage {

    private final Map<String, String> byLanguage;
    private final String fallback;
    private final ArticleLanguageDetector detector;

    @Autowired
    public SetsByLanguage(Environment env, GuidelineSetRegistry sets, ArticleLanguageDetector detector) {
        this(Binder.get(env).bind("hub.guidelines.by-language", Bindable.mapOf(String.class, String.class))
                        .orElse(Map.of()),
                env.getProperty("hub.guidelines.fallback-set", "default"), sets, detector);
    }

    /** {@code detector} may be null when {@code byLanguage} is empty: every article then gets the fallback. */
    public SetsByLanguage(Map<String, String> byLanguage, String fallback, GuidelineSetRegistry sets,
                          ArticleLanguageDetector detector) {
        Map<String, String> normalised = new LinkedHashMap<>();
        byLanguage.forEach((language, set) -> normalised.put(language.strip().toLowerCase(Locale.ROOT).replace('_', '-'),
                set.strip()));
        this.byLanguage = Map.copyOf(normalised);
        this.fallback = fallback.strip();
        this.detector = detector;
        if (detector == null && !this.byLanguage.isEmpty()) {
            throw new IllegalArgumentException("choosing a set by language needs a language detector");
        }
        require(sets, this.fallback, "hub.guidelines.fallback-set");
        this.byLanguage.forEach((language, set) -> require(sets, set, "hub.guidelines.by-language." + language));
    }

    /** Every article gets {@code fallback}: no detection, no map. */
    public static SetsByLanguage always(String fallback, GuidelineSetRegistry sets) {
        return new SetsByLanguage(Map.of(), fallback, sets, null);
    }

    /** The set id for this article: by its declared language, else by its detected one, else the fallback. */
    public String setFor(Article article) {
        if (byLanguage.isEmpty()) {
            return fallback;
        }
        String language = article.language();
        if (language == null) {
            language = detector.detect(PlainText.of(article.text(), article.format()).text())
                    .filter(DetectedLanguage::confident).map(DetectedLanguage::language).orElse(null);
        }
        return setFor(language);
    }

    /** The set id for an article in {@code language} (a tag, or null when unknown). */
    public String setFor(String language) {
        if (language == null || language.isBlank()) {
            return fallback;
        }
        String tag = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        String exact = byLanguage.get(tag);
        return exact != null ? exact : byLanguage.getOrDefault(LanguageTags.primary(tag), fallback);
    }

    private static void require(GuidelineSetRegistry sets, String id, String property) {
        if (sets.find(id).isEmpty()) {
            throw new IllegalStateException(property + " names guideline set '" + id + "', which does not exist");
        }
    }
}
