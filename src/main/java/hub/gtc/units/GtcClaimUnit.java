package hub.gtc.units;

import hub.article.ArticleUnits;
import hub.gtc.check.GtcPassage;
import java.util.List;

/**
 * A claim unit of the GTC consistency check: an article unit with a sentence that names a looked-up term or a number
 * (or, when no unit has one, the whole article as one unit), its own best GTC passages and its unit-cache key (null
 * when the unit cache is off).
 */
public record GtcClaimUnit(ArticleUnits.Unit unit, String text, List<GtcPassage> passages, String cacheKey) {

    public GtcClaimUnit {
        passages = List.copyOf(passages);
    }
}
