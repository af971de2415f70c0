package hub.gtc;

/**
 * One section of a GTC document as printed.
 *
 * @param page    the 1-based page on which the section starts
 * @param endPage the 1-based page on which the section ends ({@code >= page})
 * @param number  the section number as printed, without a trailing dot ("4", "4.2", "§ 7", "Article 5"), or null
 *                for text before the first numbered heading
 * @param heading the heading text after the number, or null when the number introduces a clause without a title
 * @param text    the body text, lines joined with single spaces
 */
public record Section(int page, int endPage, String number, String heading, String text) {

    public Section {
        if (page < 1 || endPage < page) {
            throw new IllegalArgumentException("invalid page range " + page + ".." + endPage);
        }
        text = text == null ? "" : text;
    }

    /** A section that starts and ends on the same page. */
    public Section(int page, String number, String heading, String text) {
        this(page, page, number, heading, text);
    }
}
