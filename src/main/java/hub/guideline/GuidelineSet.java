package hub.guideline;

import java.util.List;

public record GuidelineSet(
        String id,
        String version,
        String title,
        String description,
        String language,
        List<Guideline> guidelines) {

    public GuidelineSet {
        guidelines = guidelines == null ? List.of() : List.copyOf(guidelines);
    }
}
