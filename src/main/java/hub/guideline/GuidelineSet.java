package hub.guideline;

import java.util.List;

/**
 * A named, versioned set of guidelines. {@code gtcKeywords} are the products and contract terms whose mention in an
 * article makes it depend on a GTC document: each one found becomes a Smart Search query. {@code vale} takes further
 * deterministic guidelines from Vale styles, one per enabled rule. {@code cues} are the words of the set's language
 * that its guidelines' rule exceptions read (negation, warnings to the reader, honorifics, name endings).
 */
public record GuidelineSet(
        String id,
        String version,
        String title,
        String description,
        String language,
        List<String> gtcKeywords,
        List<Guideline> guidelines,
        ValeSettings vale,
        LanguageCues cues) {

    public GuidelineSet {
        gtcKeywords = gtcKeywords == null ? List.of() : List.copyOf(gtcKeywords);
        cues = cues == null ? LanguageCues.NONE : cues;
        LanguageCues setCues = cues.withLanguage(language);
        guidelines = guidelines == null ? List.of()
                : guidelines.stream().map(g -> g == null ? null : g.versionedBy(version).withCues(setCues)).toList();
    }

    public GuidelineSet(String id, String version, String title, String description, String language,
            List<String> gtcKeywords, List<Guideline> guidelines) {
        this(id, version, title, description, language, gtcKeywords, guidelines, null, null);
    }

    /** This set with {@code more} guidelines after its own. */
    public GuidelineSet plus(List<Guideline> more) {
        List<Guideline> all = new java.util.ArrayList<>(guidelines);
        all.addAll(more);
        return new GuidelineSet(id, version, title, description, language, gtcKeywords, all, vale, cues);
    }
}
