package hub.vale.conformance;

import hub.article.ArticleFormat;
import hub.vale.StyleLoader;
import hub.vale.UnsupportedRule;
import hub.vale.ValeAlert;
import hub.vale.ValeChecker;
import hub.vale.ValeDocument;
import hub.vale.ValeIni;
import hub.vale.ValePackages;
import hub.vale.Vocabulary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures how faithfully the hub's Vale engine reproduces Vale on a style package laid out as the public packages
 * publish it ({@code <Style>/*.yml}, {@code testdata/<Case>/.vale.ini} with documents, {@code testdata/test.ct}).
 * An alert is reproduced when file, line, column, rule and message are all equal.
 *
 * <p>Usage: {@code ConformanceCommand <package-dir> [--min-reproduced PERCENT] [--max-extra PERCENT] [--show N]}.
 * Exits 1 when the package falls below a threshold, 2 on a usage or load error.
 */
public final class ConformanceCommand {

    private final PrintStream out;
    private final int show;

    private ConformanceCommand(PrintStream out, int show) {
        this.out = out;
        this.show = show;
    }

    /** Totals over all cases of a package. */
    record Totals(int expected, int reproduced, int missed, int extra) {

        double reproducedPercent() {
            return expected == 0 ? 100 : 100.0 * reproduced / expected;
        }

        double extraPercent() {
            return expected == 0 ? (extra == 0 ? 0 : 100) : 100.0 * extra / expected;
        }

        Totals plus(Totals o) {
            return new Totals(expected + o.expected, reproduced + o.reproduced, missed + o.missed, extra + o.extra);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: vale-conformance <package-dir> [--min-reproduced PERCENT] "
                    + "[--max-extra PERCENT] [--show N]");
            System.exit(2);
        }
        double minReproduced = 0;
        double maxExtra = 100;
        int show = 10;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--min-reproduced" -> minReproduced = Double.parseDouble(args[i + 1]);
                case "--max-extra" -> maxExtra = Double.parseDouble(args[i + 1]);
                case "--show" -> show = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path packageDir = Path.of(args[0]);
        if (!Files.isRegularFile(packageDir.resolve("testdata/test.ct"))) {
            System.err.println("vale-conformance: " + packageDir + " has no testdata/test.ct (Vale's expected output)");
            System.exit(2);
        }
        Totals totals = new ConformanceCommand(System.out, show).run(packageDir);
        boolean ok = totals.reproducedPercent() >= minReproduced && totals.extraPercent() <= maxExtra;
        System.out.printf(Locale.ROOT, "%s: reproduced %.1f %% (minimum %.1f), extra %.1f %% (maximum %.1f)%n",
                ok ? "PASS" : "FAIL", totals.reproducedPercent(), minReproduced, totals.extraPercent(), maxExtra);
        System.exit(ok ? 0 : 1);
    }

    /** Runs a package's cases, printing the comparison to {@code out}. */
    static Totals measure(Path packageDir, PrintStream out, int show) throws IOException {
        return new ConformanceCommand(out, show).run(packageDir);
    }

    Totals run(Path packageDir) throws IOException {
        Path testdata = packageDir.resolve("testdata");
        ExpectedOutput expected = ExpectedOutput.parse(Files.readString(testdata.resolve("test.ct")));
        Totals totals = new Totals(0, 0, 0, 0);
        for (ExpectedOutput.Case c : expected.cases()) {
            Totals t;
            try {
                t = runCase(caseDir(testdata, c.name()), c);
            } catch (RuntimeException | IOException e) {
                t = compare(c, List.of(), List.of());
                out.println("    error   the case did not run: " + e);
            }
            totals = totals.plus(t);
        }
        out.printf(Locale.ROOT, "TOTAL %s: expected %d, reproduced %d, missed %d, extra %d%n",
                packageDir.getFileName(), totals.expected(), totals.reproduced(), totals.missed(), totals.extra());
        return totals;
    }

    private Totals runCase(Path dir, ExpectedOutput.Case c) throws IOException {
        ValeIni ini = ValeIni.parse(Files.readString(dir.resolve(".vale.ini")));
        List<String> warnings = new ArrayList<>(ini.warnings());
        Path stylesPath = dir.resolve(ini.stylesPath() == null ? "styles" : ini.stylesPath()).normalize();
        List<Path> stylesPaths = new ArrayList<>(List.of(stylesPath));
        stylesPaths.addAll(ValePackages.resolve(dir, ini.packages(), warnings));
        Vocabulary vocabulary = Vocabulary.load(stylesPath, ini.vocab(), warnings);
        StyleLoader.Styles styles = StyleLoader.load(stylesPaths, ini.allStyles(), vocabulary);
        List<String> actual = new ArrayList<>();
        List<UnsupportedRule> unsupported = new ArrayList<>();
        for (String file : c.files()) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            ValeChecker checker = ValeChecker.select(styles, ini.basedOnStyles(file), ini.switches(file),
                    ini.minAlertLevel(), ini.levels(file));
            checker.unsupported().stream().filter(u -> !unsupported.contains(u)).forEach(unsupported::add);
            String source = Files.readString(path, StandardCharsets.UTF_8);
            ValeDocument document = ValeDocument.of(source, formatOf(ini.formatExtension(file)),
                    ValeDocument.Options.of(ini, file, warnings));
            for (ValeAlert a : checker.check(document)) {
                actual.add(line(file, source, a));
            }
        }
        warnings.stream().distinct().forEach(w -> out.println("    warning " + w));
        return compare(c, actual, unsupported);
    }

    private Totals compare(ExpectedOutput.Case c, List<String> actual, List<UnsupportedRule> unsupported) {
        Map<String, Integer> remaining = new HashMap<>();
        actual.forEach(a -> remaining.merge(a, 1, Integer::sum));
        List<String> missed = new ArrayList<>();
        for (String e : c.alerts()) {
            if (remaining.getOrDefault(e, 0) > 0) {
                remaining.merge(e, -1, Integer::sum);
            } else {
                missed.add(e);
            }
        }
        List<String> extra = new ArrayList<>();
        for (String a : actual) {
            if (remaining.getOrDefault(a, 0) > 0) {
                remaining.merge(a, -1, Integer::sum);
                extra.add(a);
            }
        }
        int reproduced = c.alerts().size() - missed.size();
        out.printf(Locale.ROOT, "%-16s expected %3d  reproduced %3d  missed %3d  extra %3d%n", c.name(),
                c.alerts().size(), reproduced, missed.size(), extra.size());
        unsupported.forEach(u -> out.println((u.reason().startsWith("skipped") ? "    skipped " : "    unsupported  ")
                + u));
        missed.stream().limit(show).forEach(m -> out.println("    missed  " + m));
        extra.stream().limit(show).forEach(x -> out.println("    extra   " + x));
        return new Totals(c.alerts().size(), reproduced, missed.size(), extra.size());
    }

    /**
     * Vale's line output: 1-based line and column, the column counted in characters (code points), and the message
     * with white-space runs collapsed.
     */
    static String line(String file, String source, ValeAlert a) {
        int lineStart = source.lastIndexOf('\n', a.start() - 1) + 1;
        long line = 1 + source.substring(0, a.start()).chars().filter(ch -> ch == '\n').count();
        int column = source.codePointCount(lineStart, a.start()) + 1;
        return file + ":" + line + ":" + column + ":" + a.rule() + ":" + a.message().replaceAll("\\s+", " ");
    }

    /**
     * The format of a file extension (after {@code [formats]}). reStructuredText is read as Markdown: the paragraphs
     * and double-backtick literals agree.
     */
    private static ArticleFormat formatOf(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        if (List.of("md", "markdown", "mdown", "markdn", "mdx", "rst", "rest").contains(lower)) {
            return ArticleFormat.MARKDOWN;
        }
        return List.of("html", "htm", "shtml", "xhtml").contains(lower) ? ArticleFormat.HTML : ArticleFormat.PLAIN;
    }

    /** Case folders are matched ignoring case: test.ct may say {@code Basic} for {@code testdata/basic}. */
    private static Path caseDir(Path testdata, String name) throws IOException {
        try (Stream<Path> dirs = Files.list(testdata)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().equalsIgnoreCase(name))
                    .findFirst().orElse(testdata.resolve(name));
        }
    }
}
