package bench;

import hub.language.ArticleLanguageDetector;
import hub.report.model.DetectedLanguage;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Measures what language detection costs (docs/configuration.md, "Language"): the heap the detector's models hold
 * once loaded (used heap after a full GC, before and after building the detector), the time to build it, and the
 * time per detection of a 3,000-character article after warm-up. Run it in a JVM of its own, so that nothing else
 * loads Lingua's models first:
 *
 * <pre>java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) bench.LanguageBenchmark [candidates] [runs] [low]</pre>
 */
public final class LanguageBenchmark {

    private static final String GERMAN = "Mit dem Sparplan legen Sie jeden Monat einen festen Betrag in einem breit "
            + "gestreuten Fonds an. Der Wert der Anlage kann schwanken, und Sie können weniger zurückerhalten, als "
            + "Sie eingezahlt haben. Die Kosten stehen im Preis- und Leistungsverzeichnis. ";
    private static final String ENGLISH = "With the savings plan you invest a fixed amount every month in a broadly "
            + "diversified fund. The value of your investment can go down as well as up, and you may get back less "
            + "than you invest. The fees are listed in the price and fee schedule. ";

    private LanguageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> candidates = List.of((args.length > 0 ? args[0] : "en,de,fr,es,it,nl").split(","));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        boolean lowAccuracy = args.length > 2 && args[2].equals("low");
        long before = usedAfterGc();
        long start = System.nanoTime();
        ArticleLanguageDetector detector = new ArticleLanguageDetector(candidates, 3000, 0.8, 5, lowAccuracy, false);
        detector.preload().join();
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("candidates %s: build %d ms, heap held %.1f MiB%n", candidates, buildMs,
                (after - before) / 1048576.0);

        String german = GERMAN.repeat(20).substring(0, 3000);
        String english = ENGLISH.repeat(20).substring(0, 3000);
        String shortGerman = "Garantierte Rendite ohne Risiko, nur noch heute!";
        long firstStart = System.nanoTime();
        DetectedLanguage first = detector.detect(german).orElseThrow();
        System.out.printf("first detection %.1f ms: %s%n", (System.nanoTime() - firstStart) / 1e6, first);
        for (int i = 0; i < runs; i++) {
            detector.detect(i % 2 == 0 ? german : english);
        }
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpuBefore = os.getProcessCpuTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            detector.detect(i % 2 == 0 ? german : english);
        }
        double wallMs = (System.nanoTime() - wallBefore) / 1e6 / runs;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6 / runs;
        double processCpuMs = (os.getProcessCpuTime() - processCpuBefore) / 1e6 / runs;
        System.out.printf("3,000 characters, %d runs after %d warm-up runs: %.2f ms wall, %.2f ms CPU of the calling "
                + "thread, %.2f ms CPU of the process per detection%n", runs, runs, wallMs, cpuMs, processCpuMs);
        System.out.println("German: " + detector.detect(german).orElseThrow());
        System.out.println("English: " + detector.detect(english).orElseThrow());
        System.out.println("short German: " + detector.detect(shortGerman).orElseThrow());
        System.out.println("heap used now " + usedAfterGc() / 1048576 + " MiB");
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
