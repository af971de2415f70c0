package hub.gtc.units;

import hub.article.ArticleUnits;
import hub.article.PlainText;
import hub.article.TextHash;
import hub.gtc.Passage;
import hub.gtc.PassageRanker;
import hub.gtc.check.GtcCheckRequestFactory;
import hub.gtc.check.GtcPassage;
import hub.report.model.GtcFetched;
import hub.report.model.GtcLookup;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Plans the GTC consistency check per claim unit (ADR 0015): which units of the article carry claims, the best GTC
 * passages for each of them (ranked per claim sentence as the whole-article check ranked them, at most
 * {@code hub.gtc.passages-per-unit} per unit), and each unit's unit-cache key.
 */
@Component("gtcClaimUnits")
public class GtcClaimUnits {

    /** Keeps the keys of this check apart from any other question's in the same cache. */
    static final String KEY_SCOPE = "gtc-claim-unit";

    private final PassageRanker ranker;
    private final String model;
    private final int passagesPerClaim;
    private final int passagesPerUnit;
    private final boolean cacheEnabled;

    public GtcClaimUnits(PassageRanker ranker, GtcCheckRequestFactory requests,
                         @Value("${hub.gtc.passages-per-claim:2}") int passagesPerClaim,
                         @Value("${hub.gtc.passages-per-unit:3}") int passagesPerUnit,
                         @Value("${hub.incremental.enabled:true}") boolean cacheEnabled) {
        if (passagesPerClaim < 1 || passagesPerUnit < 1) {
            throw new IllegalArgumentException("hub.gtc.passages-per-claim and hub.gtc.passages-per-unit must be positive");
        }
        this.ranker = ranker;
        this.model = requests.model();
        this.passagesPerClaim = passagesPerClaim;
        this.passagesPerUnit = passagesPerUnit;
        this.cacheEnabled = cacheEnabled;
    }

    /**
     * The claim units in article order: every unit with a sentence naming a looked-up term or carrying a number, or,
     * when there is none, the whole article as one unit (without passages, as the whole-article check sent it).
     * {@code tenant} goes into the cache keys; they are null when the unit cache is off.
     */
    public List<GtcClaimUnit> of(PlainText article, List<GtcLookup> lookups, List<GtcFetched> documents,
                                 String tenant) {
        String text = article.text();
        List<ArticleUnits.Unit> units = ArticleUnits.of(text);
        List<GtcClaimUnit> claimUnits = new ArrayList<>();
        for (ArticleUnits.Unit unit : units) {
            List<String> claims = claims(unit.text(text), lookups);
            if (!claims.isEmpty()) {
                List<GtcPassage> passages = passages(claims, documents);
                claimUnits.add(new GtcClaimUnit(unit, unit.text(text), passages, key(tenant, unit.hash(), passages)));
            }
        }
        if (claimUnits.isEmpty()) {
            ArticleUnits.Unit whole = new ArticleUnits.Unit(0, 0, text.length(), ArticleUnits.hashOf(units));
            claimUnits.add(new GtcClaimUnit(whole, text, List.of(), key(tenant, whole.hash(), List.of())));
        }
        return claimUnits;
    }

    /**
     * The passages for one unit's claim sentences: the best {@code passages-per-claim} of every readable document
     * per sentence, the best-scored copy of each, best first, at most {@code passages-per-unit}.
     */
    List<GtcPassage> passages(List<String> claims, List<GtcFetched> documents) {
        Map<String, Passage> best = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String claim : claims) {
            for (GtcFetched document : documents) {
                if (!document.usable()) {
                    continue;
                }
                versions.put(document.gtcId(), document.version());
                for (Passage p : ranker.top(document.text(), claim, passagesPerClaim)) {
                    best.merge(p.gtcId() + "|" + p.page() + "|" + p.section() + "|" + p.text(), p,
                            (a, b) -> a.score() >= b.score() ? a : b);
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .limit(passagesPerUnit)
                .map(p -> new GtcPassage(p.gtcId(), versions.get(p.gtcId()), p.page(), p.section(), p.heading(), p.text()))
                .toList();
    }

    /**
     * The passages of one model call about these units: each unit's best passage first, then each one's second
     * best, and so on, every passage once.
     */
    public static List<GtcPassage> union(List<GtcClaimUnit> units) {
        Set<GtcPassage> union = new LinkedHashSet<>();
        int deepest = units.stream().mapToInt(u -> u.passages().size()).max().orElse(0);
        for (int rank = 0; rank < deepest; rank++) {
            for (GtcClaimUnit unit : units) {
                if (rank < unit.passages().size()) {
                    union.add(unit.passages().get(rank));
                }
            }
        }
        return List.copyOf(union);
    }

    /**
     * {@code unit-verdict:<tenant>:gtc:<sha256>} of the prompt version, the model, the unit's normalized hash and the
     * hash of its passages (with their GTC ids and versions), or null when the unit cache is off.
     */
    String key(String tenant, String unitHash, List<GtcPassage> passages) {
        if (!cacheEnabled) {
            return null;
        }
        return "unit-verdict:" + tenant + ":gtc:" + TextHash.sha256Hex(String.join("\n", KEY_SCOPE,
                GtcCheckRequestFactory.PROMPT_VERSION, model, unitHash, passagesHash(passages)));
    }

    /** The hash of passages in order, each by its GTC id, version, page, section, heading and text. */
    static String passagesHash(List<GtcPassage> passages) {
        StringBuilder all = new StringBuilder();
        for (GtcPassage p : passages) {
            all.append(TextHash.sha256Hex(String.join("\u0000", String.valueOf(p.gtcId()), String.valueOf(p.version()),
                    String.valueOf(p.page()), String.valueOf(p.section()), String.valueOf(p.heading()),
                    String.valueOf(p.text())))).append('\n');
        }
        return TextHash.sha256Hex(all.toString());
    }

    /** Sentences worth checking: those naming a looked-up term or carrying a number. */
    static List<String> claims(String text, List<GtcLookup> lookups) {
        List<String> terms = lookups.stream().map(l -> l.query().toLowerCase(Locale.ROOT)).toList();
        List<String> claims = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
             start = end, end = sentences.next()) {
            String sentence = text.substring(start, end).strip();
            String lower = sentence.toLowerCase(Locale.ROOT);
            if (sentence.chars().anyMatch(Character::isDigit) || terms.stream().anyMatch(lower::contains)) {
                claims.add(sentence);
            }
        }
        return claims;
    }
}
