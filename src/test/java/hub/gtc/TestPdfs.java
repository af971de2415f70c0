package hub.gtc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Generates real PDF files with PDFBox for tests: A4 pages in Helvetica, word-wrapped paragraphs, the title on the
 * first page and a running footer "{title} – page N of M" on every page. Text must be WinAnsi-encodable (Latin-1
 * letters, "§", "€", "–" are fine).
 */
public final class TestPdfs {

    private static final float MARGIN = 56;
    private static final float FONT_SIZE = 11;
    private static final float TITLE_SIZE = 16;
    private static final float LINE_SPACING = 1.3f;
    private static final float PARAGRAPH_GAP = 6;
    private static final float FOOTER_Y = 30;
    private static final Pattern HEADING = Pattern.compile("(\\d+(\\.\\d+)*\\.?|§\\s*\\d+|Article \\d+|Section \\d+)\\s.*");

    private TestPdfs() {
    }

    /**
     * A GTC document with one entry per page, each a list of paragraphs. A short paragraph that starts with a section
     * number is set in bold, like a heading. Throws when a page's paragraphs do not fit on one A4 page.
     */
    public static byte[] gtc(String title, List<List<String>> pagesOfParagraphs) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            int pageCount = pagesOfParagraphs.size();
            for (int p = 0; p < pageCount; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = page.getMediaBox().getHeight() - MARGIN;
                    if (p == 0) {
                        y = writeLine(content, bold, TITLE_SIZE, title, y) - PARAGRAPH_GAP;
                    }
                    float width = page.getMediaBox().getWidth() - 2 * MARGIN;
                    for (String paragraph : pagesOfParagraphs.get(p)) {
                        boolean heading = paragraph.length() <= 60 && HEADING.matcher(paragraph).matches();
                        PDFont font = heading ? bold : regular;
                        for (String line : wrap(paragraph, font, width)) {
                            if (y < FOOTER_Y + 2 * FONT_SIZE * LINE_SPACING) {
                                throw new IllegalArgumentException("the paragraphs of page " + (p + 1)
                                        + " do not fit on one page");
                            }
                            y = writeLine(content, font, FONT_SIZE, line, y);
                        }
                        y -= PARAGRAPH_GAP;
                    }
                    writeAt(content, regular, 9, title + " – page " + (p + 1) + " of " + pageCount, FOOTER_Y);
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A three-page savings account GTC. Page 1: preamble, "1. Scope", "2. Account opening"; page 2: "3. Interest"
     * with 3.1 and 3.2, and "3.3 Changes to the interest rate", which continues on page 3; page 3: "4. Fees and
     * charges" with "4.1 Account fee", "4.2 Management fee" (1.5% of the account value) and "4.3 Transfers", then
     * "§ 5 Liability".
     */
    public static byte[] savingsAccountGtc() {
        return gtc("General Terms and Conditions – Easy Savings Account", savingsAccountPages());
    }

    public static List<List<String>> savingsAccountPages() {
        return List.of(
                List.of("These terms apply between Example Bank AG and the account holder. Version 2025-01,"
                                + " effective from 1 January 2025.",
                        "1. Scope",
                        "These General Terms and Conditions govern the Easy Savings Account for private customers."
                                + " They apply in addition to the bank's general banking conditions.",
                        "2. Account opening",
                        "The account can be opened online by any adult resident. The bank verifies the identity of"
                                + " the account holder before the first deposit is accepted."),
                List.of("3. Interest",
                        "3.1 Interest rate",
                        "Deposits earn a variable interest rate of 2.25 % per year, calculated daily and credited"
                                + " quarterly.",
                        "3.2 Interest on balances above 100,000 EUR",
                        "Balances above 100,000 EUR earn no interest.",
                        "3.3 Changes to the interest rate",
                        "The bank may change the variable interest rate with two months' notice. The account"
                                + " holder is informed by e-mail and in the online banking inbox."),
                List.of("If the account holder does not agree to the change, the account may be closed free of"
                                + " charge before the change takes effect.",
                        "4. Fees and charges",
                        "4.1 Account fee",
                        "Keeping the account is free of charge. Statements are provided electronically.",
                        "4.2 Management fee",
                        "The annual management fee is 1.5% of the account value. It is charged at the end of each"
                                + " calendar year and deducted from the account balance.",
                        "4.3 Transfers",
                        "Transfers to the reference account are free. Express transfers cost 5 EUR each.",
                        "§ 5 Liability",
                        "The bank is liable for intent and gross negligence. Liability for slight negligence is"
                                + " limited to foreseeable damage."));
    }

    /** Bytes that start like a PDF but hold no objects, cross-reference table or trailer. */
    public static byte[] corrupt() {
        return ("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\nthis is not a PDF body\n<< /Type /Garbage >>\nstartxref\n99999\n"
                + "%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A valid PDF of blank pages (a framed rectangle each, as on a scanned page), without any text. */
    public static byte[] withoutText(int pages) {
        try (PDDocument document = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.addRect(MARGIN, MARGIN, 200, 100);
                    content.stroke();
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #gtc} protected with a user password (AES-256), so that it cannot be opened without it. */
    public static byte[] encrypted(String title, List<List<String>> pagesOfParagraphs, String userPassword) {
        try (PDDocument document = Loader.loadPDF(gtc(title, pagesOfParagraphs))) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float writeLine(PDPageContentStream content, PDFont font, float size, String text, float y)
            throws IOException {
        writeAt(content, font, size, text, y);
        return y - size * LINE_SPACING;
    }

    private static void writeAt(PDPageContentStream content, PDFont font, float size, String text, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN, y);
        content.showText(text);
        content.endText();
    }

    private static List<String> wrap(String paragraph, PDFont font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * FONT_SIZE > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
