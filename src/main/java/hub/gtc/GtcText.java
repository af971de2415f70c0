package hub.gtc;

import java.util.List;

/**
 * The text of one GTC PDF, split into sections in reading order.
 *
 * @param gtcId    the Smart Search id of the document
 * @param pages    the number of pages read (at most the extractor's page limit)
 * @param sections the sections in reading order
 */
public record GtcText(String gtcId, int pages, List<Section> sections) {

    public GtcText {
        sections = List.copyOf(sections);
    }
}
