package hub.gtc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Extracts the text of a GTC PDF page by page with PDFBox and splits it into numbered sections.
 *
 * <p>A heading is a line that starts with a section number: {@code 1.}, {@code 4.2}, {@code 4.2.1}, {@code § 7},
 * {@code Article 5}, {@code Section 3} or {@code Clause 2}. Its remainder is the heading when it is short and reads
 * like a title, otherwise it is the first line of a clause without a title. A number alone on its line takes the next
 * line as its heading. Text before the first heading is a section without a number; text at the top of a later page
 * continues the section of the page before. Running headers and footers (lines repeated at the top or bottom of most
 * pages, page numbers) are dropped.
 *
 * <p>Thread-safe: every call opens its own document and text stripper.
 */
@Component("gtcPdfText")
public class PdfTextExtractor {

    private static final Logger log = LoggerFactory.getLogger(PdfTextExtractor.class);

    /** Scratch memory PDFBox may use before it spills decoded streams to temporary files. */
    private static final long MAX_MAIN_MEMORY_BYTES = 16L * 1024 * 1024;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)[-–—\\s]*(?:page|p\\.|seite)?\\s*\\d+\\s*(?:(?:of|/|von)\\s*\\d+)?[-–—\\s]*");

    private final long maxPdfBytes;
    private final int maxPages;

    public PdfTextExtractor(
            @Value("${hub.gtc.max-pdf-bytes:20971520}") long maxPdfBytes,
            @Value("${hub.gtc.max-pages:500}") int maxPages) {
        if (maxPdfBytes < 1 || maxPages < 1) {
            throw new IllegalArgumentException("hub.gtc.max-pdf-bytes and hub.gtc.max-pages must be positive");
        }
        this.maxPdfBytes = maxPdfBytes;
        this.maxPages = maxPages;
    }

    /**
     * Reads the PDF's text and splits it into sections.
     *
     * @throws GtcDocumentException when the PDF is empty, too large, corrupt, password-protected or has no text
     */
    public GtcText extract(String gtcId, byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new GtcDocumentException("GTC " + gtcId + ": the PDF is empty (0 bytes)");
        }
        if (pdf.length > maxPdfBytes) {
            throw new GtcDocumentException("GTC " + gtcId + ": the PDF has " + pdf.length
                    + " bytes, more than the limit of " + maxPdfBytes + " (hub.gtc.max-pdf-bytes)");
        }
        try (PDDocument document = load(gtcId, pdf)) {
            List<List<String>> pages = pageLines(gtcId, document);
            List<Section> sections = new SectionSplitter().split(withoutRunningLines(pages));
            if (sections.isEmpty()) {
                throw new GtcDocumentException("GTC " + gtcId + ": the PDF has " + pages.size()
                        + " page(s) but no extractable text (a scanned document needs OCR)");
            }
            return new GtcText(gtcId, pages.size(), sections);
        } catch (IOException e) {
            throw new GtcDocumentException("GTC " + gtcId + ": cannot read the PDF's text: " + e.getMessage(), e);
        }
    }

    private static PDDocument load(String gtcId, byte[] pdf) {
        try {
            return Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY_BYTES).streamCache);
        } catch (InvalidPasswordException e) {
            throw new GtcDocumentException("GTC " + gtcId + ": the PDF is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            throw new GtcDocumentException("GTC " + gtcId + ": not a readable PDF: " + e.getMessage(), e);
        }
    }

    private List<List<String>> pageLines(String gtcId, PDDocument document) throws IOException {
        int pageCount = document.getNumberOfPages();
        if (pageCount == 0) {
            throw new GtcDocumentException("GTC " + gtcId + ": the PDF has no pages");
        }
        int pagesToRead = Math.min(pageCount, maxPages);
        if (pagesToRead < pageCount) {
            log.warn("GTC {} has {} pages; reading only the first {} (hub.gtc.max-pages)", gtcId, pageCount,
                    maxPages);
        }
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setLineSeparator("\n");
        List<List<String>> pages = new ArrayList<>(pagesToRead);
        for (int page = 1; page <= pagesToRead; page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            pages.add(nonBlankLines(pageText(gtcId, stripper, document, page)));
        }
        return pages;
    }

    private static String pageText(String gtcId, PDFTextStripper stripper, PDDocument document, int page)
            throws IOException {
        try {
            return stripper.getText(document);
        } catch (RuntimeException e) {
            throw new GtcDocumentException("GTC " + gtcId + ": cannot read the text of page " + page + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<String> nonBlankLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String normalised = line.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
            if (!normalised.isEmpty()) {
                lines.add(normalised);
            }
        }
        return lines;
    }

    /** Removes page numbers and lines that recur at the top or bottom of at least half of the pages (min. 2). */
    static List<List<String>> withoutRunningLines(List<List<String>> pages) {
        Set<String> running = runningLineShapes(pages);
        List<List<String>> cleaned = new ArrayList<>(pages.size());
        for (List<String> page : pages) {
            List<String> lines = new ArrayList<>(page);
            while (!lines.isEmpty() && isRunning(lines.get(lines.size() - 1), running)) {
                lines.remove(lines.size() - 1);
            }
            while (!lines.isEmpty() && isRunning(lines.get(0), running)) {
                lines.remove(0);
            }
            cleaned.add(lines);
        }
        return cleaned;
    }

    private static Set<String> runningLineShapes(List<List<String>> pages) {
        if (pages.size() < 2) {
            return Set.of();
        }
        Map<String, Integer> pagesWithShape = new HashMap<>();
        for (List<String> page : pages) {
            Set<String> edges = new HashSet<>();
            if (!page.isEmpty()) {
                edges.add(shape(page.get(0)));
                edges.add(shape(page.get(page.size() - 1)));
            }
            edges.forEach(edge -> pagesWithShape.merge(edge, 1, Integer::sum));
        }
        int threshold = Math.max(2, (pages.size() + 1) / 2);
        Set<String> running = new HashSet<>();
        pagesWithShape.forEach((shape, count) -> {
            if (count >= threshold) {
                running.add(shape);
            }
        });
        return running;
    }

    private static boolean isRunning(String line, Set<String> runningShapes) {
        return PAGE_NUMBER.matcher(line).matches() || runningShapes.contains(shape(line));
    }

    /** A line with its digits masked, so that "Page 2 of 9" and "Page 3 of 9" have the same shape. */
    private static String shape(String line) {
        return line.replaceAll("\\d+", "#");
    }

    /** A recognised heading: the number as printed, its title (or null) and the clause text on the same line. */
    record Heading(String number, String title, String firstLine, boolean titleOnNextLine) {
    }

    /** Splits the cleaned lines of all pages into sections; one instance per document. */
    static final class SectionSplitter {

        private static final Pattern DECIMAL = Pattern.compile(
                "(\\d{1,3}(?:\\.\\d{1,3}){0,4})(\\.?)(?:\\s+(.*))?");
        private static final Pattern PARAGRAPH_SIGN = Pattern.compile(
                "(§§?)\\s*(\\d{1,3}[a-z]?)\\.?(?:\\s+(.*))?");
        private static final Pattern KEYWORD = Pattern.compile(
                "((?i:article|art\\.|section|clause))\\s+(\\d{1,3}(?:\\.\\d{1,3}){0,3}|[IVXLC]{1,6})\\.?(?:\\s+(.*))?");
        private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[-–—:.)\\s]+");
        private static final int MAX_TITLE_CHARS = 80;
        private static final int MAX_TITLE_WORDS = 10;

        private final List<Section> sections = new ArrayList<>();
        private int lastTopLevel;
        private int startPage = 1;
        private int endPage = 1;
        private String number;
        private String title;
        private final StringBuilder text = new StringBuilder();

        List<Section> split(List<List<String>> pages) {
            for (int p = 0; p < pages.size(); p++) {
                List<String> lines = pages.get(p);
                for (int i = 0; i < lines.size(); i++) {
                    String next = i + 1 < lines.size() ? lines.get(i + 1) : null;
                    Heading heading = heading(lines.get(i), next);
                    if (heading == null) {
                        append(lines.get(i), p + 1);
                        continue;
                    }
                    startSection(heading, p + 1);
                    if (heading.titleOnNextLine()) {
                        i++;
                    }
                }
            }
            flush();
            return sections;
        }

        private void startSection(Heading heading, int page) {
            flush();
            if (Character.isDigit(heading.number().charAt(0))) {
                lastTopLevel = Integer.parseInt(heading.number().split("\\.")[0]);
            }
            number = heading.number();
            title = heading.title();
            startPage = page;
            endPage = page;
            if (heading.firstLine() != null) {
                append(heading.firstLine(), page);
            }
        }

        private void append(String line, int page) {
            endPage = page;
            if (text.length() > 0) {
                boolean hyphenated = text.length() > 1 && text.charAt(text.length() - 1) == '-'
                        && Character.isLetter(text.charAt(text.length() - 2))
                        && Character.isLowerCase(line.charAt(0));
                if (hyphenated) {
                    text.setLength(text.length() - 1);
                } else {
                    text.append(' ');
                }
            }
            text.append(line);
        }

        private void flush() {
            if (!text.toString().isBlank()) {
                sections.add(new Section(startPage, endPage, number, title, text.toString()));
            }
            text.setLength(0);
        }

        Heading heading(String line, String nextLine) {
            Matcher decimal = DECIMAL.matcher(line);
            if (decimal.matches()) {
                return decimalHeading(decimal.group(1), !decimal.group(2).isEmpty(), rest(decimal.group(3)),
                        nextLine);
            }
            Matcher sign = PARAGRAPH_SIGN.matcher(line);
            if (sign.matches()) {
                return labelledHeading(sign.group(1) + " " + sign.group(2), rest(sign.group(3)), nextLine);
            }
            Matcher keyword = KEYWORD.matcher(line);
            if (keyword.matches()) {
                return labelledHeading(keyword.group(1) + " " + keyword.group(2), rest(keyword.group(3)), nextLine);
            }
            return null;
        }

        /**
         * "4.2 Title", "4. Title", "4.2 The clause text...". A bare integer ("4 Fees") is accepted only as the next
         * top-level number with a title, since wrapped lines often start with an amount ("100 EUR per year").
         */
        private Heading decimalHeading(String number, boolean trailingDot, String rest, String nextLine) {
            boolean bareInteger = !number.contains(".") && !trailingDot;
            int topLevel = Integer.parseInt(number.split("\\.")[0]);
            if (bareInteger && (topLevel != lastTopLevel + 1 || !isTitle(rest))) {
                return null;
            }
            if (!rest.isEmpty() && !Character.isUpperCase(rest.codePointAt(0))) {
                return null;
            }
            return headingWithRest(number, rest, nextLine);
        }

        /** "§ 7 Liability", "Article 5", "Section 3 - Fees", "Article IV": the label itself marks a heading. */
        private Heading labelledHeading(String number, String rest, String nextLine) {
            if (!rest.isEmpty() && Character.isLowerCase(rest.codePointAt(0))) {
                return null;
            }
            return headingWithRest(number, rest, nextLine);
        }

        private Heading headingWithRest(String number, String rest, String nextLine) {
            if (rest.isEmpty()) {
                boolean nextIsTitle = nextLine != null && isTitle(nextLine) && heading(nextLine, null) == null;
                return new Heading(number, nextIsTitle ? nextLine : null, null, nextIsTitle);
            }
            return isTitle(rest) ? new Heading(number, rest, null, false) : new Heading(number, null, rest, false);
        }

        private static String rest(String group) {
            return group == null ? "" : LEADING_SEPARATOR.matcher(group).replaceFirst("").strip();
        }

        private static boolean isTitle(String candidate) {
            if (candidate.isEmpty() || candidate.length() > MAX_TITLE_CHARS) {
                return false;
            }
            char last = candidate.charAt(candidate.length() - 1);
            return last != '.' && last != ',' && last != ';'
                    && candidate.split(" ").length <= MAX_TITLE_WORDS;
        }
    }
}
