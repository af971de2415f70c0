package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hub.gtc.TestPdfs;
import hub.it.TestTokens;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The incremental re-check benchmark of issue 10 (docs/incremental-benchmark.md): an editing session of BENCH_VERSIONS
 * versions of a BENCH_WORDS-word article ({@link EditingSession}), each checked against the shipped default guideline
 * set with GTC validation, twice: by a hub with the unit cache, each version naming the previous one
 * ({@code previousJobId}), and by a hub with the unit cache off (a full re-check of every version). The fake LLM
 * ({@link CountingLlm}) counts calls and tokens and judges by the text; two fake Smart Search regions answer the GTC
 * lookups. Per version: tokens, LLM calls and wall time of both, whether their verdicts and findings are equal, and the
 * Smart Search calls the caches avoided. A third hub checks every version with every guideline's scope set to the
 * whole article and the unit cache off (one call per guideline, the strategy before issue 10): the baseline the
 * savings are measured against. Each hub runs in a child JVM on the local services. Run with {@code scripts/bench-incremental.sh}; not part of {@code ./mvnw verify}.
 *
 * <p>Settings (environment): BENCH_VERSIONS (20), BENCH_WORDS (1500), BENCH_SEED (10), BENCH_LLM_LATENCY_MS (200),
 * BENCH_SEARCH_LATENCY_MS (50), BENCH_OUT (docs/incremental-benchmark.md, "-" for none).
 */
public final class IncrementalBenchmark {

    static final String SCHEMA = "compliance_hub_incremental_bench";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> SHIPPED_SCOPES = shippedScopes();
    static final Map<String, String> MARKERS = Map.ofEntries(
            Map.entry("no-guaranteed-returns", "[fake: flag promise]"),
            Map.entry("no-unqualified-superlatives", "[fake: flag finest]"),
            Map.entry("fees-reference-gtc", "[fake: flag hidden costs]"),
            Map.entry("inclusive-language", "[fake: flag guys]"),
            Map.entry("no-pressure-selling", "[fake: flag tonight]"),
            Map.entry("balanced-risks-and-benefits", "[fake: flag effortless] [fake: outline require risk]"),
            Map.entry("balanced-risks-and-benefits#benefit", "[fake: require you]"),
            Map.entry("balanced-risks-and-benefits#risk", "[fake: require risk]"),
            Map.entry("insurance-exclusions", "[fake: flag covers everything]"),
            Map.entry("jargon-explained", "[fake: flag annuity]"),
            Map.entry("risk-warning-required", "[fake: require capital at risk]"));

    final int versions = GtcBenchmark.env("BENCH_VERSIONS", 20);
    final int words = GtcBenchmark.env("BENCH_WORDS", 1500);
    final int seed = GtcBenchmark.env("BENCH_SEED", 10);
    final int llmLatencyMs = GtcBenchmark.env("BENCH_LLM_LATENCY_MS", 200);
    final int searchLatencyMs = GtcBenchmark.env("BENCH_SEARCH_LATENCY_MS", 50);
    /** The hub's default hub.llm.batch.max-passages, for the description. */
    final int maxPassages = 24;
    final String out = System.getenv().getOrDefault("BENCH_OUT", "docs/incremental-benchmark.md");
    final String runId = UUID.randomUUID().toString().substring(0, 8);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CountingLlm llm;
    SmartSearchRegion primary;
    SmartSearchRegion secondary;

    /** One checked version: what the fake LLM saw and the report said. */
    record Check(long calls, long tokens, long wallMs, long searchesCalled, long searchesCached,
            long downloadsCalled, long downloadsCached, double eur, String verdicts, int reusedGuidelines,
            Map<String, long[]> byKind) {}

    public static void main(String[] args) {
        int status = 0;
        try {
            new IncrementalBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    void run() throws Exception {
        dropSchema();
        List<String> texts = new ArrayList<>();
        EditingSession session = new EditingSession(seed, words);
        texts.add(session.text());
        int articleWords = session.words();
        for (int v = 1; v < versions; v++) {
            texts.add(session.edit());
        }
        llm = new CountingLlm();
        MARKERS.forEach(llm::judge);
        llm.latencyMs.set(llmLatencyMs);
        byte[] pdf = TestPdfs.savingsAccountGtc();
        Map<String, String> docs = Map.of("savings plan", "bench-inc-savings-plan", "management fee",
                "bench-inc-fees");
        primary = new SmartSearchRegion(searchLatencyMs, pdf, docs);
        secondary = new SmartSearchRegion(searchLatencyMs, pdf, docs);
        try {
            List<Check> incremental = session("incremental", texts, true, null);
            List<Check> full = session("full", texts, false, null);
            List<Check> old = session("old", texts, false, articleScopedDefaultSet());
            String doc = report(articleWords, incremental, full, old);
            System.out.println(doc);
            if (!out.equals("-")) {
                Files.writeString(Path.of(out), doc);
            }
        } finally {
            llm.close();
            primary.stop();
            secondary.stop();
        }
    }

    List<Check> session(String name, List<String> texts, boolean incremental, Path guidelinesDir) throws Exception {
        String tenant = "bench-inc-" + runId + "-" + name;
        String region = "bench-inc-" + runId + "-" + name;
        String container = "bench-inc-" + runId + "-" + name;
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA,
                "--hub.instance-id=bench-inc-" + runId + "-" + name,
                "--hub.region=" + region,
                "--hub.llm.enabled=true",
                "--hub.llm.url=" + llm.url(),
                "--hub.incremental.enabled=" + incremental,
                "--hub.smart-search.enabled=true",
                "--hub.smart-search.api-key=bench-key",
                "--hub.smart-search.primary.url=" + primary.url(),
                "--hub.smart-search.secondary.url=" + secondary.url(),
                "--hub.smart-search.rate-limit.name=smart-search-bench-inc-" + runId + "-" + name,
                "--hub.blob.gtc-container=" + container,
                "--hub.blob.containers=articles,reports," + container));
        if (guidelinesDir != null) {
            args.add("--hub.guidelines.dir=" + guidelinesDir);
        }
        String token = TestTokens.sign(TestTokens.SECRET, TestTokens.claims("writer", tenant, List.of()).build());
        List<Check> checks = new ArrayList<>();
        try (HubProcess hub = HubProcess.start("512m", Path.of("target", "incremental-bench-" + name + ".log"), args)) {
            String previous = null;
            for (String text : texts) {
                llm.reset();
                long started = System.nanoTime();
                String jobId = submit(hub, token, text, incremental ? previous : null);
                JsonNode report = awaitReport(hub, token, jobId);
                long wallMs = (System.nanoTime() - started) / 1_000_000;
                JsonNode smart = report.path("cost").path("smartSearch");
                int reused = 0;
                for (JsonNode g : report.path("guidelines")) {
                    reused += g.path("reused").asBoolean() ? 1 : 0;
                }
                checks.add(new Check(llm.calls.get(), llm.promptTokens.get() + llm.completionTokens.get(), wallMs,
                        smart.path("searches").path("called").asLong(), smart.path("searches").path("cached").asLong(),
                        smart.path("downloads").path("called").asLong(), smart.path("downloads").path("cached").asLong(),
                        report.path("cost").path("totalEur").asDouble(), verdicts(report), reused, byKind(llm.calls())));
                previous = jobId;
                System.out.printf(Locale.ROOT, "%s v%d: %d calls, %d tokens, %d ms%n", name, checks.size(),
                        llm.calls.get(), llm.promptTokens.get() + llm.completionTokens.get(), wallMs);
            }
        } finally {
            deleteUnitCache(tenant);
        }
        return checks;
    }

    /**
     * Calls and tokens by the scope the shipped set gives the guideline a call was about (a batch with a unit-scope
     * guideline counts as {@code unit}, the somewhere guideline it may also ask included); {@code GTC check} for the
     * consistency check, which names no guideline.
     */
    static Map<String, long[]> byKind(List<CountingLlm.Call> calls) {
        Map<String, long[]> kinds = new java.util.TreeMap<>();
        for (CountingLlm.Call c : calls) {
            List<String> ids = List.of(c.guidelineId().split(","));
            String first = ids.get(0);
            String kind = first.isEmpty() ? "GTC check"
                    : ids.stream().anyMatch(id -> "unit".equals(SHIPPED_SCOPES.get(id))) ? "unit"
                    : SHIPPED_SCOPES.getOrDefault(first, "article");
            long[] k = kinds.computeIfAbsent(kind, x -> new long[2]);
            k[0]++;
            k[1] += c.promptTokens() + c.completionTokens();
        }
        return kinds;
    }

    /** Each guideline's scope in the shipped default set (article when it names none). */
    static Map<String, String> shippedScopes() {
        try {
            Map<String, String> scopes = new java.util.HashMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^  - id: (\\S+)\\n((?:    .*\\n)*)")
                    .matcher(Files.readString(Path.of("src/main/resources/guidelines/default.yaml")));
            while (m.find()) {
                java.util.regex.Matcher scope = java.util.regex.Pattern.compile("(?m)^    scope: (\\w+)$")
                        .matcher(m.group(2));
                scopes.put(m.group(1), scope.find() ? scope.group(1) : "article");
            }
            return scopes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String submit(HubProcess hub, String token, String text, String previousJobId) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("article").put("title", "Our savings plan").put("text", text).put("language", "en");
        body.put("guidelineSet", "default");
        body.putObject("options").put("gtcValidation", true);
        if (previousJobId != null) {
            body.put("previousJobId", previousJobId);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(hub.uri("/api/v1/jobs"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("jobId").asText();
    }

    JsonNode awaitReport(HubProcess hub, String token, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(hub.uri("/api/v1/jobs/" + jobId + "/result"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            if (r.statusCode() != 409) {
                throw new IllegalStateException("result answered " + r.statusCode() + ": " + r.body());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("job " + jobId + " did not complete");
    }

    /** Each guideline's verdict and located findings: what must not differ between a re-check and a full check. */
    static String verdicts(JsonNode report) {
        StringBuilder s = new StringBuilder();
        for (JsonNode g : report.path("guidelines")) {
            TreeSet<String> findings = new TreeSet<>();
            g.path("findings").forEach(f -> findings.add(f.path("offset").asText() + "+" + f.path("length").asText()
                    + ":" + f.path("quote").asText()));
            s.append(g.path("guidelineId").asText()).append('=').append(g.path("verdict").asText())
                    .append(findings).append('\n');
        }
        s.append("gtc=").append(report.path("gtc").path("status").asText());
        return s.toString();
    }

    Path articleScopedDefaultSet() throws Exception {
        Path dir = Path.of("target", "incremental-bench-article-scope");
        Files.createDirectories(dir);
        String set = Files.readString(Path.of("src/main/resources/guidelines/default.yaml"))
                .replaceAll("(?m)^    scope: \\w+\\n", "")
                .replaceAll("(?m)^    roles:\\n(?:      .*\\n)+", "");
        Files.writeString(dir.resolve("default.yaml"), set);
        return dir.toAbsolutePath();
    }

    String report(int articleWords, List<Check> inc, List<Check> full, List<Check> old) {
        StringBuilder d = new StringBuilder();
        d.append("# Incremental re-check benchmark\n\n");
        d.append("Generated by `scripts/bench-incremental.sh` (`bench.IncrementalBenchmark`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" (load average ")
                .append(Report.loadAverage()).append(").\n\n");
        d.append(String.format(Locale.ROOT, "An editing session of %d versions of a %d-word article (seed %d): "
                + "version 1 is new, every later version changes one sentence in 1 to 3 paragraphs. Each version is "
                + "checked with GTC validation on by three hubs: **incremental**, the shipped `default` guideline set "
                + "with the unit cache (each version names the previous job as `previousJobId`; unit-scope, "
                + "`outline`-scope and `somewhere` guidelines judged in batches of up to %d units, ADR 0014 and 0016; "
                + "the GTC consistency check cached per claim unit, ADR 0015); **full**, the same set with the unit cache off "
                + "(`hub.incremental.enabled=false`: a full re-check, batched the same way); and **old**, the strategy "
                + "before the unit cache: a copy of the set with every scope removed, so every LLM guideline is judged "
                + "on the whole article in one call, and the unit cache off (its GTC check is today's with the cache "
                + "off: every claim unit with its own passages, slightly larger than the whole-article check before "
                + "ADR 0015, 3,096 against 2,788 prompt tokens for this article). The fake LLM (`bench.CountingLlm`, %d ms "
                + "per call) counts calls and tokens (one per 4 characters) and judges by the text, per passage and "
                + "guideline in a batch as in a single call; it answers every call in the same time, however long the "
                + "answer, so the wall times favour batches over what a real model would show. Smart Search is two "
                + "fake regions (%d ms per call). Each hub runs in its own JVM on PostgreSQL, Redis and Azurite.%n%n",
                inc.size(), articleWords, seed, maxPassages, llmLatencyMs, searchLatencyMs));
        d.append("| version | incremental calls | incremental tokens | incremental ms | full calls | full tokens "
                + "| full ms | old calls | old tokens | old ms | tokens saved vs full | tokens saved vs old "
                + "| guidelines reused | same verdicts and findings as full |\n");
        d.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        int equal = 0;
        for (int v = 0; v < inc.size(); v++) {
            Check i = inc.get(v);
            Check f = full.get(v);
            Check o = old.get(v);
            boolean same = i.verdicts().equals(f.verdicts());
            equal += same ? 1 : 0;
            d.append(String.format(Locale.ROOT, "| %d | %d | %,d | %,d | %d | %,d | %,d | %d | %,d | %,d | %.1f %% "
                    + "| %.1f %% | %d | %s |%n", v + 1, i.calls(), i.tokens(), i.wallMs(), f.calls(), f.tokens(),
                    f.wallMs(), o.calls(), o.tokens(), o.wallMs(), saving(f.tokens(), i.tokens()),
                    saving(o.tokens(), i.tokens()), i.reusedGuidelines(), same ? "yes" : "**no**"));
        }
        long avoided = inc.stream().mapToLong(c -> c.searchesCached() + c.downloadsCached()).sum();
        long called = inc.stream().mapToLong(c -> c.searchesCalled() + c.downloadsCalled()).sum();
        d.append(String.format(Locale.ROOT, "%n## Session totals%n%n"
                + "| | incremental | full re-check | old strategy | saving vs full | saving vs old |%n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |%n"));
        total(d, "LLM tokens, all " + inc.size() + " versions", inc, full, old, Check::tokens, true);
        total(d, "LLM tokens, version 1 (the first check)", inc.subList(0, 1), full.subList(0, 1), old.subList(0, 1),
                Check::tokens, false);
        total(d, "LLM tokens, versions 2-" + inc.size() + " (the re-checks)", inc.subList(1, inc.size()),
                full.subList(1, full.size()), old.subList(1, old.size()), Check::tokens, false);
        total(d, "LLM calls", inc, full, old, Check::calls, false);
        total(d, "wall time, submit to report (ms)", inc, full, old, Check::wallMs, false);
        double incEur = inc.stream().mapToDouble(Check::eur).sum();
        double fullEur = full.stream().mapToDouble(Check::eur).sum();
        double oldEur = old.stream().mapToDouble(Check::eur).sum();
        d.append(String.format(Locale.ROOT, "| estimated cost (EUR, default price table) | %.4f | %.4f | %.4f "
                + "| %.1f %% | %.1f %% |%n%n", incEur, fullEur, oldEur, 100.0 * (fullEur - incEur) / fullEur,
                100.0 * (oldEur - incEur) / oldEur));
        long incTokens = inc.stream().mapToLong(Check::tokens).sum();
        long oldTokens = old.stream().mapToLong(Check::tokens).sum();
        double vsOld = saving(oldTokens, incTokens);
        d.append(String.format(Locale.ROOT, "Target: at least 85 %% fewer tokens over the session than the old "
                + "strategy checking every version, every version's verdicts equal to a full re-check's. Measured: "
                + "**%.1f %%** fewer tokens (%s), verdicts and findings (offset, length, quote) equal to the full "
                + "re-check's in **%d of %d** versions.%n%n", vsOld, vsOld >= 85 ? "target met" : "target **missed**",
                equal, inc.size()));
        d.append(String.format(Locale.ROOT, "**Smart Search:** %d searches and PDF downloads were served from the hub's "
                + "caches (Redis metadata, Blob PDFs) over the incremental session and %d went to Smart Search; at the "
                + "seed's middle prices that is %.2f EUR avoided. The Smart Search caches work the same with the unit "
                + "cache off; what the unit cache saves is LLM work.%n%n", avoided, called,
                inc.stream().mapToDouble(c -> c.searchesCached() * 0.03 + c.downloadsCached() * 0.30).sum()));
        d.append(whereTheTokensGo(inc, old));
        return d.toString();
    }

    /** The calls of both sessions by the scope the shipped set gives their guideline: what the savings come from. */
    String whereTheTokensGo(List<Check> inc, List<Check> old) {
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "## Where the tokens go%n%n"
                + "The calls of the incremental and the old session (from the fake's log) by the scope the shipped set "
                + "gives their guideline: `unit` are the batches (incremental: the unit-scope guidelines and "
                + "`risk-warning-required`, the `somewhere` one, together) or one whole-article call per unit-scope "
                + "guideline (old); `somewhere` is `risk-warning-required` when a call asks only about it (a batch "
                + "without unit-scope guidelines, or the whole article in the old session); `outline` is "
                + "`balanced-risks-and-benefits`: in the incremental session the call about the article's outline "
                + "(its passages and roles are judged in the batches, counted under `unit`), in the old one the whole "
                + "article; the GTC check is every claim unit in one call in the old session, only the claim units the "
                + "cache does not answer in the incremental one.%n%n"
                + "| calls of | incremental first check | incremental re-checks | old first check | old re-checks "
                + "| tokens saved vs old, session |%n| --- | ---: | ---: | ---: | ---: | ---: |%n"));
        for (String kind : List.of("unit", "somewhere", "outline", "article", "GTC check")) {
            long[] incFirst = inc.get(0).byKind().getOrDefault(kind, new long[2]);
            long[] incLater = sum(inc.subList(1, inc.size()), kind);
            long[] oldFirst = old.get(0).byKind().getOrDefault(kind, new long[2]);
            long[] oldLater = sum(old.subList(1, old.size()), kind);
            if (incFirst[0] + incLater[0] + oldFirst[0] + oldLater[0] == 0) {
                continue;
            }
            d.append(String.format(Locale.ROOT, "| %s | %d calls, %,d tokens | %d calls, %,d tokens "
                    + "| %d calls, %,d tokens | %d calls, %,d tokens | %.1f %% |%n", kind, incFirst[0], incFirst[1],
                    incLater[0], incLater[1], oldFirst[0], oldFirst[1], oldLater[0], oldLater[1],
                    saving(oldFirst[1] + oldLater[1], incFirst[1] + incLater[1])));
        }
        d.append(String.format(Locale.ROOT, "%nThe old strategy's first check: %d calls, %,d tokens; the incremental "
                + "first check: %d calls, %,d tokens (%.2f times).%n", old.get(0).calls(), old.get(0).tokens(),
                inc.get(0).calls(), inc.get(0).tokens(), (double) inc.get(0).tokens() / old.get(0).tokens()));
        return d.toString();
    }

    static long[] sum(List<Check> checks, String kind) {
        long[] total = new long[2];
        for (Check c : checks) {
            long[] k = c.byKind().getOrDefault(kind, new long[2]);
            total[0] += k[0];
            total[1] += k[1];
        }
        return total;
    }

    static void total(StringBuilder d, String label, List<Check> inc, List<Check> full, List<Check> old,
            java.util.function.ToLongFunction<Check> measure, boolean bold) {
        long i = inc.stream().mapToLong(measure).sum();
        long f = full.stream().mapToLong(measure).sum();
        long o = old.stream().mapToLong(measure).sum();
        String mark = bold ? "**" : "";
        d.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f %% | %s%.1f %%%s |%n", label, i, f, o,
                saving(f, i), mark, saving(o, i), mark));
    }

    static double saving(long baseline, long measured) {
        return baseline == 0 ? 0 : 100.0 * (baseline - measured) / baseline;
    }

    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    static void deleteUnitCache(String tenant) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys("unit-verdict:" + tenant + ":*");
            if (!keys.isEmpty()) {
                c.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }
}
