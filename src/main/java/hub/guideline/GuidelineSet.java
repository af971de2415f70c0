package hub.guideline;

import java.util.List;

/**
 * A named, versioned set of guidelines. {@code gtcKeywords} are the products and contract terms whose mention in an
 * article makes it depend on a GTC document: each one found becomes a Smart Search query.
 */
public record GuidelineSet(
        String id,
        String version,
        String title,
        String description,
        String language,
        List<String> gtcKeywords,
        List<Guideline> guidelines) {

    public GuidelineSet {
        gtcKeywords = gtcKeywords == null ? List.of() : List.copyOf(gtcKeywords);
        guidelines = guidelines == null ? List.of() : List.copyOf(guidelines);
    }
}
