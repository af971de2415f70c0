package hub.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub on the {@code local} profile (PostgreSQL, Redis and Azurite on loopback) with WireMock playing the LLM.
 * Subclasses that add no configuration of their own share one application context.
 */
@CamelSpringBootTest
@AutoConfigureObservability
@SpringBootTest(classes = hub.ComplianceHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.guidelines.dir=src/test/resources/guideline-sets",
            "hub.llm.enabled=true",
            // Each test expects its submissions to reach the fake LLM; IncrementalRecheckIT tests the unit cache.
            "hub.incremental.enabled=false",
            "hub.security.jwt.secret=" + TestTokens.SECRET,
            "hub.security.cors.allowed-origins=" + SecurityIT.ADDIN_ORIGIN,
            "hub.llm.auth-header=api-key",
            "hub.llm.api-key=test-key",
            "hub.llm.retry.initial-delay-ms=20",
            "hub.llm.retry.max-delay-ms=3000",
            "hub.recovery.interval-ms=500",
            "hub.recovery.batch-grace-seconds=1",
            "hub.retention.articles.interval-ms=500",
            "hub.archive.sweep-interval-ms=500",
            "hub.recovery.startup-delay-ms=100",
            "hub.worker.retry-delay-seconds=1",
            "hub.batch.callbacks.allow-loopback-http=true",
            // The tests' callback receivers run on loopback: allow-listed here, refused everywhere else.
            "hub.batch.callbacks.allowed-hosts=127.0.0.1",
            "hub.batch.reply-to.allowed-queues=it-replies-*",
            "hub.batch.callback-secret=" + LocalServicesIT.CALLBACK_SECRET,
            "hub.batch.events.interval-ms=200",
            "hub.batch.events.retry.initial-delay-ms=200",
            "hub.batch.events.retry.max-delay-ms=1000",
            "hub.batch.events.retry.max-attempts=5"
        })
@ActiveProfiles({"local", "it"})
public abstract class LocalServicesIT {

    /** The HMAC key of batch completion callbacks in the tests. */
    static final String CALLBACK_SECRET = "it-callback-secret";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected HubClient hub;
    protected WireMockServer llm;

    /** One id per test JVM: a per-resolution ${random.uuid} would give the claim and the completion different owners. */
    static final String INSTANCE_ID = "it-" + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void localServices(DynamicPropertyRegistry registry) {
        registry.add("hub.llm.url", LlmStub::url);
        registry.add("hub.instance-id", () -> INSTANCE_ID);
        TestDatabase.resetOnce();
        registry.add("spring.datasource.url", () -> TestDatabase.URL);
        registry.add("spring.flyway.schemas", () -> TestDatabase.SCHEMA);
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        llm = LlmStub.server();
        llm.resetAll();
        llm.stubFor(LlmStub.anyChat().atPriority(10)
                .willReturn(LlmStub.verdict("PASS", "Nothing in the article violates the guideline.", java.util.List.of())));
        llm.stubFor(LlmStub.batchChat().atPriority(9).willReturn(LlmStub.batchVerdicts()));
        llm.stubFor(LlmStub.reviewChat().atPriority(8).willReturn(LlmStub.candidateDecisions()));
    }

    protected static String submission(String guidelineSet, String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
                    "article", java.util.Map.of("title", "Test article", "text", text, "format", "plain", "language", "en"),
                    "guidelineSet", guidelineSet));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
