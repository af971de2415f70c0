package bench;

import hub.article.ArticleFormat;
import hub.vale.StyleLoader;
import hub.vale.ValeChecker;
import hub.vale.ValeDocument;
import hub.vale.ValeLevel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times one 5,000-word Markdown article against every rule of a Vale style (docs/vale.md). Parsing the article is
 * part of each run; loading and compiling the style is not (the hub does that once, when a set loads).
 *
 * <p>{@code ValeBenchmark <StylesPath> [Style]} (default style Microsoft), or {@code scripts/bench-vale.sh}.
 */
public final class ValeBenchmark {

    private static final String[] WORDS = ("the a we you it is are was utilize very really basically obviously "
            + "application developer data system user report team process customer value quickly simply above "
            + "ensure e.g. i.e. abundance accomplish approximately cannot do not it is that is they are 10 - 20 "
            + "5 pm January 3rd WHO HTTP API configuration backend back-end email e-mail login log in").split(" ");

    private ValeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path stylesPath = Path.of(args.length > 0 ? args[0] : "../shared/vale-conformance/Microsoft");
        String style = args.length > 1 ? args[1] : "Microsoft";
        long loadStart = System.nanoTime();
        StyleLoader.Styles styles = StyleLoader.load(stylesPath, List.of(style));
        ValeChecker checker = ValeChecker.select(styles, List.of(style), Map.of(), ValeLevel.SUGGESTION);
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        String article = article(5000);
        int alerts = 0;
        for (int i = 0; i < 20; i++) {
            alerts = checker.check(ValeDocument.of(article, ArticleFormat.MARKDOWN)).size();
        }
        int runs = 30;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            checker.check(ValeDocument.of(article, ArticleFormat.MARKDOWN));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "Style %s: %d rules run, %d unsupported; loaded and compiled in %.0f ms%n",
                style, checker.rules().size(), checker.unsupported().size(), loadMs);
        System.out.printf(Locale.ROOT, "Article: %d words, %d characters, %d alerts%n",
                article.split("\\s+").length, article.length(), alerts);
        System.out.printf(Locale.ROOT, "Check time over %d runs: median %.1f ms, p90 %.1f ms, max %.1f ms%n", runs,
                ms[runs / 2], ms[(int) (runs * 0.9)], ms[runs - 1]);
    }

    /** A reproducible article of about {@code words} words: headings, paragraphs, lists and code. */
    static String article(int words) {
        Random random = new Random(42);
        StringBuilder out = new StringBuilder();
        int written = 0;
        int section = 0;
        while (written < words) {
            out.append("## Section ").append(++section).append(" of the Guide\n\n");
            written += 4;
            for (int p = 0; p < 3 && written < words; p++) {
                for (int s = 0; s < 5; s++) {
                    int length = 8 + random.nextInt(14);
                    for (int w = 0; w < length; w++) {
                        String word = WORDS[random.nextInt(WORDS.length)];
                        out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                        out.append(w == length - 1 ? ". " : " ");
                    }
                    written += length;
                }
                out.append("\n\n");
            }
            out.append("- Use `config.yml` to ensure the user can log in\n- We are very sure it is fine\n\n");
            written += 20;
        }
        return out.toString();
    }
}
