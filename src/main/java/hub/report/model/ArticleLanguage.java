package hub.report.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's {@code language} section: the language the submission declared (null when it declared none), the one
 * the detector found with its confidence (null when the text gave it nothing to judge), the guideline set's language
 * and whether they disagree. {@code mismatch} is true when the article's language (declared, else a confident
 * detection) is not the set's, or when a confident detection contradicts the declared language. {@code effective}
 * (the language the checks assume) and {@code warnings} (the mismatch in words) are not part of the section.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ArticleLanguage(String declared, String detected, Double confidence, String set, boolean mismatch,
                              @JsonIgnore String effective, @JsonIgnore List<String> warnings) {

    public ArticleLanguage {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Compares what was declared, what was detected and what the set is written for. A detection below the
     * confidence threshold is reported but neither stands in for a missing declaration nor contradicts one.
     */
    public static ArticleLanguage of(String declared, DetectedLanguage detection, String setLanguage) {
        String declaredTag = declared == null || declared.isBlank() ? null : declared;
        String set = setLanguage == null || setLanguage.isBlank() ? null : setLanguage;
        boolean confident = detection != null && detection.confident();
        String effective = declaredTag != null ? declaredTag : confident ? detection.language() : null;

        List<String> warnings = new ArrayList<>();
        boolean contradicted = declaredTag != null && confident && !LanguageTags.same(declaredTag, detection.language());
        if (contradicted) {
            warnings.add("The article declares " + LanguageTags.describe(declaredTag) + " but reads as "
                    + LanguageTags.describe(detection.language()) + " (detector confidence " + detection.confidence()
                    + "); check article.language.");
        }
        boolean setMismatch = effective != null && set != null && !LanguageTags.same(effective, set);
        if (setMismatch) {
            warnings.add("The article is in " + LanguageTags.describe(effective) + " ("
                    + (declaredTag != null ? "declared" : "detected") + ") but the guideline set is written for "
                    + LanguageTags.describe(set) + ": its term and phrase checks may miss problems or report wrong "
                    + "ones. Choose a set in the article's language, or omit guidelineSet to let the hub choose.");
        } else if (contradicted && set != null && !LanguageTags.same(detection.language(), set)) {
            warnings.add("The guideline set is written for " + LanguageTags.describe(set) + ", not for "
                    + LanguageTags.describe(detection.language()) + ", the language the article reads as.");
        }
        return new ArticleLanguage(declaredTag, detection == null ? null : detection.language(),
                detection == null ? null : detection.confidence(), set, contradicted || setMismatch, effective,
                warnings);
    }
}
