package hub.it;

import static hub.it.HubClient.guideline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bench.CountingLlm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Re-checks of an edited article through the real stack (PostgreSQL, Redis, Azurite) with a fake LLM that counts
 * what it receives and judges by the text ({@link CountingLlm}): the unit cache answers unchanged units, findings
 * move with their units, and every report's cost equals the fake's token counts times the configured prices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalRecheckIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double PROMPT_PER_1K = 0.5;
    private static final double COMPLETION_PER_1K = 2.0;
    /** Small, so that the ten units of the article need three batches. */
    private static final int MAX_PASSAGES = 4;
    /** Three batches for the unit-scope and the somewhere guideline together, one article call. */
    private static final int FIRST_CHECK_CALLS = 3 + 1;
    private static final String[] PARAGRAPHS = {
        "Our savings plan in brief",
        "The plan lets you put money aside every month from 25 euros.",
        "You can pause your payments at any time without a fee.",
        "This is the best plan for families. It grows with your children.",
        "Interest is paid once a year and added to your balance.",
        "Saving becomes effortless with automatic transfers.",
        "Many readers call it the best app in town.",
        "You can see your balance in the app and on paper statements.",
        "Capital at risk: you may get back less than you invest.",
        "Ask our advisers before you decide."};

    private final List<String> tenants = new ArrayList<>();
    private CountingLlm llm;
    private RunningHub running;
    /** A writer of a tenant of its own, so no other test's cached verdicts count. */
    private HubClient hub;
    private String tenant;

    @BeforeAll
    void start() throws Exception {
        llm = new CountingLlm();
        running = RunningHub.local("incremental-" + UUID.randomUUID(), "--hub.llm.url=" + llm.url(),
                "--hub.incremental.enabled=true",
                "--hub.llm.batch.max-passages=" + MAX_PASSAGES,
                "--hub.cost.llm.models." + CountingLlm.MODEL + ".prompt-per-1k=" + PROMPT_PER_1K,
                "--hub.cost.llm.models." + CountingLlm.MODEL + ".completion-per-1k=" + COMPLETION_PER_1K);
    }

    @org.junit.jupiter.api.BeforeEach
    void newTenant() {
        tenant = "inc-" + UUID.randomUUID();
        tenants.add(tenant);
        hub = running.client().as("writer", tenant);
    }

    @AfterAll
    void stop() {
        tenants.forEach(this::flushUnitCache);
        running.close();
        llm.close();
    }

    @Test
    void aReCheckReusesUnchangedUnitsAndAsksAboutChangedOnes() {
        String v1 = article(PARAGRAPHS);
        llm.reset();
        JsonNode first = check(v1, null);
        assertThat(asked("inc-claims"))
                .as("the unit-scope guideline: at most ceil(units / max-passages) calls")
                .isLessThanOrEqualTo((PARAGRAPHS.length + MAX_PASSAGES - 1) / MAX_PASSAGES);
        assertThat(llm.calls()).as("no call per unit for the somewhere guideline: it is in every batch")
                .noneMatch(c -> c.guidelineId().equals("inc-warning"))
                .filteredOn(c -> !c.guidelineId().equals("inc-balance"))
                .extracting(CountingLlm.Call::guidelineId).containsOnly("inc-claims,inc-warning");
        assertThat(llm.calls.get()).as("3 batches of units for both guidelines, 1 article call")
                .isEqualTo(FIRST_CHECK_CALLS);
        long firstTokens = llm.promptTokens.get() + llm.completionTokens.get();
        long smallestFirstBatch = llm.calls().stream().filter(c -> c.guidelineId().startsWith("inc-claims"))
                .mapToLong(c -> c.promptTokens() + c.completionTokens()).min().orElseThrow();
        assertThat(verdicts(first)).containsExactlyInAnyOrderEntriesOf(
                Map.of("inc-claims", "FAIL", "inc-warning", "PASS", "inc-balance", "FAIL"));
        assertFindingsAt(first, v1, "This is the best plan for families.", "Many readers call it the best app in town.");
        assertThat(guideline(first, "inc-claims").path("reused").asBoolean()).isFalse();
        assertThat(first.path("changes").path("unitsAdded").asInt()).isEqualTo(10);
        assertCostIsTheFakesCount(first, llm.promptTokens.get(), llm.completionTokens.get(), llm.calls.get());

        // Re-check unchanged: no model call, the same verdicts, all reused from the first job.
        llm.reset();
        JsonNode same = check(v1, first.path("jobId").asText());
        assertThat(llm.calls.get()).isZero();
        assertThat(verdicts(same)).isEqualTo(verdicts(first));
        assertThat(findings(same)).isEqualTo(findings(first));
        for (String id : List.of("inc-claims", "inc-warning", "inc-balance")) {
            assertThat(guideline(same, id).path("reused").asBoolean()).as(id).isTrue();
            assertThat(guideline(same, id).path("reusedFrom").asText()).isEqualTo(first.path("jobId").asText());
        }
        guideline(same, "inc-claims").path("findings").forEach(f -> assertThat(f.path("reused").asBoolean()).isTrue());
        assertThat(same.path("previousJobId").asText()).isEqualTo(first.path("jobId").asText());
        assertThat(same.path("changes").path("unitsUnchanged").asInt()).isEqualTo(10);
        assertThat(same.path("cost").path("llm").path("models").size()).isZero();
        assertThat(same.path("cost").path("llm").path("reusedCalls").asInt()).isEqualTo(FIRST_CHECK_CALLS);
        assertThat(same.path("cost").path("savedEur").asDouble())
                .isCloseTo(first.path("cost").path("totalEur").asDouble(), within(1e-5));
        assertThat(same.path("cost").path("totalEur").asDouble()).isZero();

        // One paragraph of ten changed, and longer, before the ones with findings: only it is asked about (plus the
        // article-level guideline), and the findings after it keep their text at their new offsets.
        String[] edited = PARAGRAPHS.clone();
        edited[1] = "The plan lets you put money aside every month from 25 euros, or more when you like, by card.";
        String v2 = article(edited);
        llm.reset();
        JsonNode second = check(v2, same.path("jobId").asText());
        assertThat(llm.calls().stream().map(CountingLlm.Call::guidelineId).toList())
                .containsExactlyInAnyOrder("inc-claims", "inc-balance");
        long unitTokens = llm.calls().stream().filter(c -> !c.guidelineId().equals("inc-balance"))
                .mapToLong(c -> c.promptTokens() + c.completionTokens()).sum();
        // The batch's fixed part (role, guidelines, contract) is paid once per call: the re-check's one-unit batch
        // costs less than any batch of the first check (up to four units each), a fraction of the whole first check.
        assertThat(unitTokens).as("tokens besides the article-level guideline").isLessThan(smallestFirstBatch)
                .isLessThanOrEqualTo(firstTokens / 5);
        assertThat(verdicts(second)).isEqualTo(verdicts(first));
        assertFindingsAt(second, v2, "This is the best plan for families.", "Many readers call it the best app in town.");
        guideline(second, "inc-claims").path("findings").forEach(f -> assertThat(f.path("reused").asBoolean()).isTrue());
        assertThat(guideline(second, "inc-claims").path("reused").asBoolean()).isFalse();
        assertThat(guideline(second, "inc-warning").path("reused").asBoolean()).isTrue();
        assertThat(second.path("changes").path("unitsChanged").asInt()).isEqualTo(1);
        assertThat(second.path("changes").path("unitsUnchanged").asInt()).isEqualTo(9);
        assertCostIsTheFakesCount(second, llm.promptTokens.get(), llm.completionTokens.get(), llm.calls.get());

        // A fix removes exactly its finding; the other one is kept, reused.
        edited[6] = "Many readers call it a popular app in town.";
        String v3 = article(edited);
        JsonNode fixed = check(v3, second.path("jobId").asText());
        JsonNode claims = guideline(fixed, "inc-claims");
        assertThat(claims.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(claims.path("findings")).hasSize(1);
        assertFindingsAt(fixed, v3, "This is the best plan for families.");
        assertThat(claims.path("findings").get(0).path("reused").asBoolean()).isTrue();
        assertThat(guideline(fixed, "inc-balance").path("verdict").asText()).isEqualTo("FAIL");
    }

    @Test
    void aColdCacheCostsAFullCheckAndChangesNoVerdict() {
        String text = article(PARAGRAPHS).replace("Ask our advisers", "Please ask our advisers");
        llm.reset();
        JsonNode first = check(text, null);
        long firstCalls = llm.calls.get();
        assertThat(firstCalls).isEqualTo(FIRST_CHECK_CALLS);

        assertThat(flushUnitCache(tenant)).isPositive();
        llm.reset();
        JsonNode again = check(text, first.path("jobId").asText());
        assertThat(llm.calls.get()).isEqualTo(firstCalls);
        assertThat(verdicts(again)).isEqualTo(verdicts(first));
        assertThat(findings(again)).isEqualTo(findings(first));
        assertThat(guideline(again, "inc-claims").path("reused").asBoolean()).isFalse();
    }

    @Test
    void theUnitCacheIsNeverSharedAcrossTenants() {
        String text = article(PARAGRAPHS).replace("Ask our advisers", "Kindly ask our advisers");
        check(text, null);
        llm.reset();
        String otherTenant = "inc-other-" + UUID.randomUUID();
        tenants.add(otherTenant);
        HubClient other = running.client().as("writer", otherTenant);
        JsonNode report = other.awaitReport(other.submit(submission(text, null)));
        assertThat(llm.calls.get()).isEqualTo(FIRST_CHECK_CALLS);
        assertThat(guideline(report, "inc-claims").path("reused").asBoolean()).isFalse();
    }

    @Test
    void aBatchAnswerInvalidTwiceLeavesItsGuidelinesErrorAndTheReportPartial() {
        String text = article(PARAGRAPHS).replace("Ask our advisers", "Do ask our advisers");
        llm.reset();
        llm.invalidBatchAnswers.set(true);
        JsonNode report;
        try {
            report = check(text, null);
        } finally {
            llm.invalidBatchAnswers.set(false);
        }
        assertThat(asked("inc-claims")).as("each of the three batches asked twice").isEqualTo(6);
        JsonNode claims = guideline(report, "inc-claims");
        assertThat(claims.path("verdict").asText()).isEqualTo("ERROR");
        assertThat(claims.path("reason").asText()).contains("invalid twice", "inc-claims", "is missing");
        assertThat(claims.path("findings")).isEmpty();
        // The somewhere guideline was asked in the same batches: every pair of a failed batch is ERROR, never PASS.
        JsonNode warning = guideline(report, "inc-warning");
        assertThat(warning.path("verdict").asText()).isEqualTo("ERROR");
        assertThat(warning.path("reason").asText()).contains("invalid twice");
        assertThat(guideline(report, "inc-balance").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(report.path("partial").asBoolean()).isTrue();
        assertCostIsTheFakesCount(report, llm.promptTokens.get(), llm.completionTokens.get(), llm.calls.get());

        // Nothing of the failed batches was cached: the next check asks again and gets the verdicts.
        llm.reset();
        JsonNode again = check(text, report.path("jobId").asText());
        assertThat(guideline(again, "inc-claims").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(guideline(again, "inc-warning").path("verdict").asText()).isEqualTo("PASS");
        assertThat(again.path("partial").asBoolean()).isFalse();
        assertThat(asked("inc-claims")).isEqualTo(3);
        assertThat(asked("inc-warning")).isEqualTo(3);
    }

    @Test
    void aPreviousJobOfAnotherCallerOrNoneIsRefused() {
        String mine = check(article(PARAGRAPHS), null).path("jobId").asText();
        HubClient stranger = running.client().as("someone", "inc-stranger-" + UUID.randomUUID());
        HubClient colleague = running.client().as("colleague", tenant);
        for (var attempt : List.of(Map.entry(stranger, mine), Map.entry(colleague, mine),
                Map.entry(hub, UUID.randomUUID().toString()), Map.entry(hub, "not-a-job"))) {
            HttpResponse<String> r = attempt.getKey().post("/api/v1/jobs", "application/json",
                    submission("Some text.", attempt.getValue()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(HubClient.json(r).path("type").asText()).endsWith("previous-job-not-found");
        }
    }

    @Test
    void usageTotalsTheCallersTenantAndAdminsSeeAll() {
        String usageTenant = tenant;
        HubClient writer = hub;
        List<JsonNode> reports = new ArrayList<>();
        for (String variant : List.of("One", "Two")) {
            String text = article(PARAGRAPHS).replace("Ask our advisers", variant + ": ask our advisers");
            reports.add(writer.awaitReport(writer.submit(submission(text, null))));
        }
        String otherTenant = "inc-usage-other-" + UUID.randomUUID();
        tenants.add(otherTenant);
        HubClient otherWriter = running.client().as("writer", otherTenant);
        otherWriter.awaitReport(otherWriter.submit(submission("Only one paragraph, the best one.", null)));

        JsonNode usage = HubClient.json(writer.get("/api/v1/usage?from=2020-01-01"));
        assertThat(usage.path("tenants")).hasSize(1);
        assertThat(usage.path("tenants").get(0).path("tenant").asText()).isEqualTo(usageTenant);
        JsonNode total = usage.path("total");
        assertThat(total.path("jobs").asInt()).isEqualTo(2);
        double eur = reports.stream().mapToDouble(r -> r.path("cost").path("totalEur").asDouble()).sum();
        long prompt = reports.stream().mapToLong(r -> r.path("cost").path("llm").path("models")
                .path(CountingLlm.MODEL).path("promptTokens").asLong()).sum();
        assertThat(total.path("totalEur").asDouble()).isCloseTo(eur, within(1e-5));
        assertThat(total.path("llm").path("promptTokens").asLong()).isEqualTo(prompt);

        HttpResponse<String> foreign = writer.get("/api/v1/usage?tenant=" + otherTenant);
        assertThat(foreign.statusCode()).isEqualTo(403);
        JsonNode all = HubClient.json(running.client().as("boss", usageTenant, "compliance-admin")
                .get("/api/v1/usage?from=2020-01-01T00:00:00Z"));
        assertThat(all.path("tenants").size()).isGreaterThanOrEqualTo(2);
        assertThat(all.path("total").path("jobs").asInt()).isGreaterThanOrEqualTo(3);

        for (String bad : List.of("from=yesterday", "to=2020-13-45", "from=2025-02-01&to=2025-01-01")) {
            HttpResponse<String> r = writer.get("/api/v1/usage?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void theSomewhereGuidelineIsAskedInTheBatchesOnlyAboutChangedAndNewUnitsUntilAUnitSatisfiesIt() {
        // No risk warning anywhere: every unit is asked in the batches, none satisfies it.
        List<String> paragraphs = new ArrayList<>(List.of(PARAGRAPHS));
        paragraphs.remove(8);
        paragraphs.set(9 - 1, "Ask our advisers first, " + UUID.randomUUID() + ".");
        String v1 = String.join("\n\n", paragraphs);
        llm.reset();
        JsonNode first = check(v1, null);
        assertThat(asked("inc-warning")).as("in the 3 batches of 9 units").isEqualTo(3);
        assertThat(llm.calls()).noneMatch(c -> c.guidelineId().equals("inc-warning"));
        JsonNode missing = guideline(first, "inc-warning");
        assertThat(missing.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(missing.path("findings")).singleElement()
                .satisfies(f -> assertThat(f.has("offset")).as("article-level").isFalse());

        // The warning added as a new unit: only it is asked (one batch with both guidelines), and it satisfies it.
        paragraphs.add(4, "Capital at risk: the value of your savings can fall.");
        JsonNode second = recheck(paragraphs, first);
        assertOneBatchOfBoth("[1] Capital at risk: the value of your savings can fall.");
        assertThat(guideline(second, "inc-warning").path("verdict").asText()).isEqualTo("PASS");
        assertThat(guideline(second, "inc-warning").path("reused").asBoolean()).isFalse();

        // Another unit edited: the PASS stays PASS without any call while the satisfying unit is unchanged.
        paragraphs.set(1, "The plan lets you put money aside every month from 30 euros.");
        JsonNode third = recheck(paragraphs, second);
        assertThat(llm.calls()).extracting(CountingLlm.Call::guidelineId)
                .containsExactlyInAnyOrder("inc-claims", "inc-balance");
        assertThat(guideline(third, "inc-warning").path("verdict").asText()).isEqualTo("PASS");
        assertThat(guideline(third, "inc-warning").path("reused").asBoolean()).isTrue();

        // The satisfying unit edited so that it no longer warns: it is asked again, with the unit edited while the
        // guideline passed (never asked about it); the units asked before are not, and the guideline fails.
        paragraphs.set(4, "The value of your savings is reviewed every year.");
        JsonNode fourth = recheck(paragraphs, third);
        assertOneBatchOfBoth("[1] The plan lets you put money aside every month from 30 euros."
                + "\n[2] The value of your savings is reviewed every year.");
        assertThat(guideline(fourth, "inc-warning").path("verdict").asText()).isEqualTo("FAIL");
        assertCostIsTheFakesCount(fourth, llm.promptTokens.get(), llm.completionTokens.get(), llm.calls.get());
    }

    @Test
    void anOutlineGuidelineAsksItsOutlineAgainOnlyWhenAUnitsRolesChange() {
        List<String> paragraphs = new ArrayList<>(List.of(
                "Why save with us",
                "You can put money aside every month from 25 euros.",
                "Saving becomes effortless with automatic transfers, you will see.",
                "You can pause your payments at any time.",
                "Capital at risk: the value of your savings can fall.",
                "Ask our advisers before you decide."));
        llm.reset();
        JsonNode first = checkAgainst("it-outline", String.join("\n\n", paragraphs), null);
        assertThat(llm.calls()).as("two batches of at most 4 units with the guideline and its two roles, then the outline")
                .extracting(CountingLlm.Call::guidelineId)
                .containsExactly("out-balance,out-balance#benefit,out-balance#risk",
                        "out-balance,out-balance#benefit,out-balance#risk", "out-balance");
        assertThat(llm.calls().get(2).judged()).isEqualTo("""
                [1] heading: none
                [2] paragraph: benefit
                [3] paragraph: benefit
                [4] paragraph: benefit
                [5] paragraph: benefit, risk
                [6] paragraph: benefit""");
        JsonNode balance = guideline(first, "out-balance");
        assertThat(balance.path("verdict").asText()).as("the effortless passage, judged on its own").isEqualTo("FAIL");
        String v1 = String.join("\n\n", paragraphs);
        String effortless = "Saving becomes effortless with automatic transfers, you will see.";
        assertThat(balance.path("findings")).singleElement().satisfies(f -> {
            assertThat(f.path("quote").asText()).isEqualTo(effortless);
            assertThat(f.path("offset").asInt()).isEqualTo(v1.indexOf(effortless));
        });
        assertCostIsTheFakesCount(first, llm.promptTokens.get(), llm.completionTokens.get(), llm.calls.get());

        // The effortless passage rewritten, still a benefit: one batch about it, the outline's verdict reused.
        paragraphs.set(2, "Automatic transfers save you the trouble of remembering.");
        JsonNode second = recheckAgainst("it-outline", paragraphs, first);
        assertThat(llm.calls()).singleElement().satisfies(c -> {
            assertThat(c.guidelineId()).isEqualTo("out-balance,out-balance#benefit,out-balance#risk");
            assertThat(c.judged()).isEqualTo("[1] Automatic transfers save you the trouble of remembering.");
        });
        assertThat(guideline(second, "out-balance").path("verdict").asText()).isEqualTo("PASS");
        assertThat(guideline(second, "out-balance").path("findings")).isEmpty();

        // The risk warning rewritten without a risk: its roles change, so the outline is asked again, and fails.
        paragraphs.set(4, "The value of your savings is reviewed every year.");
        JsonNode third = recheckAgainst("it-outline", paragraphs, second);
        assertThat(llm.calls()).extracting(CountingLlm.Call::guidelineId)
                .containsExactly("out-balance,out-balance#benefit,out-balance#risk", "out-balance");
        assertThat(llm.calls().get(1).judged()).contains("[5] paragraph: benefit\n").doesNotContain("risk");
        JsonNode unbalanced = guideline(third, "out-balance");
        assertThat(unbalanced.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(unbalanced.path("findings")).singleElement()
                .satisfies(f -> assertThat(f.has("offset")).as("article-level").isFalse());
        assertCostIsTheFakesCount(third, llm.promptTokens.get(), llm.completionTokens.get(), llm.calls.get());

        // Back to the first version: everything from the unit cache, the same verdict and finding as the first check.
        paragraphs.set(2, effortless);
        paragraphs.set(4, "Capital at risk: the value of your savings can fall.");
        JsonNode fourth = recheckAgainst("it-outline", paragraphs, third);
        assertThat(llm.calls()).isEmpty();
        assertThat(guideline(fourth, "out-balance").path("reused").asBoolean()).isTrue();
        assertThat(findings(fourth)).isEqualTo(findings(first));
    }

    private JsonNode checkAgainst(String guidelineSet, String text, String previousJobId) {
        return hub.awaitReport(hub.submit(submission(text, previousJobId, guidelineSet)));
    }

    private JsonNode recheckAgainst(String guidelineSet, List<String> paragraphs, JsonNode previous) {
        llm.reset();
        return checkAgainst(guidelineSet, String.join("\n\n", paragraphs), previous.path("jobId").asText());
    }

    /** A check of the paragraphs naming the previous report's job, the fake's counts reset before it. */
    private JsonNode recheck(List<String> paragraphs, JsonNode previous) {
        return recheckAgainst("it-incremental", paragraphs, previous);
    }

    /** Besides the article-level call, one batch with the unit-scope and the somewhere guideline about these units. */
    private void assertOneBatchOfBoth(String numberedPassages) {
        assertThat(llm.calls()).filteredOn(c -> !c.guidelineId().equals("inc-balance"))
                .singleElement().satisfies(c -> {
                    assertThat(c.guidelineId()).isEqualTo("inc-claims,inc-warning");
                    assertThat(c.judged()).isEqualTo(numberedPassages);
                });
    }

    /** The calls that asked about the guideline: its own, or a batch's with it among others. */
    private long asked(String guidelineId) {
        return llm.calls().stream().filter(c -> List.of(c.guidelineId().split(",")).contains(guidelineId)).count();
    }

    private JsonNode check(String text, String previousJobId) {
        return checkAgainst("it-incremental", text, previousJobId);
    }

    private long flushUnitCache(String ofTenant) {
        StringRedisTemplate redis = running.bean(StringRedisTemplate.class);
        Set<String> keys = redis.keys("unit-verdict:" + ofTenant + ":*");
        return keys == null || keys.isEmpty() ? 0 : redis.delete(keys);
    }

    private void assertCostIsTheFakesCount(JsonNode report, long prompt, long completion, long calls) {
        JsonNode cost = report.path("cost");
        JsonNode model = cost.path("llm").path("models").path(CountingLlm.MODEL);
        assertThat(cost.path("currency").asText()).isEqualTo("EUR");
        assertThat(model.path("calls").asLong()).isEqualTo(calls);
        assertThat(model.path("promptTokens").asLong()).isEqualTo(prompt);
        assertThat(model.path("completionTokens").asLong()).isEqualTo(completion);
        double expected = (prompt * PROMPT_PER_1K + completion * COMPLETION_PER_1K) / 1000.0;
        assertThat(model.path("eur").asDouble()).isCloseTo(expected, within(1e-5));
        assertThat(cost.path("totalEur").asDouble()).isCloseTo(expected, within(1e-5));
        assertThat(cost.path("smartSearch").path("searches").path("called").asInt()).isZero();
    }

    private static void assertFindingsAt(JsonNode report, String text, String... quotes) {
        JsonNode findings = guideline(report, "inc-claims").path("findings");
        assertThat(findings).hasSize(quotes.length);
        for (int i = 0; i < quotes.length; i++) {
            JsonNode f = findings.get(i);
            assertThat(f.path("quote").asText()).isEqualTo(quotes[i]);
            assertThat(f.path("offset").asInt()).isEqualTo(text.indexOf(quotes[i]));
            assertThat(text.substring(f.path("offset").asInt(), f.path("offset").asInt() + f.path("length").asInt()))
                    .isEqualTo(quotes[i]);
        }
    }

    private static Map<String, String> verdicts(JsonNode report) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        report.path("guidelines").forEach(g -> verdicts.put(g.path("guidelineId").asText(), g.path("verdict").asText()));
        return verdicts;
    }

    /** Each guideline's findings without the reused flag: what a writer sees highlighted. */
    private static List<String> findings(JsonNode report) {
        List<String> all = new ArrayList<>();
        report.path("guidelines").forEach(g -> g.path("findings").forEach(f -> all.add(g.path("guidelineId").asText()
                + "@" + f.path("offset").asText() + "+" + f.path("length").asText() + ":" + f.path("quote").asText())));
        return all;
    }

    private static String article(String[] paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    private static String submission(String text, String previousJobId) {
        return submission(text, previousJobId, "it-incremental");
    }

    private static String submission(String text, String previousJobId, String guidelineSet) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("article", Map.of("title", "Savings plan", "text", text, "format", "plain", "language", "en"));
            body.put("guidelineSet", guidelineSet);
            if (previousJobId != null) {
                body.put("previousJobId", previousJobId);
            }
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
