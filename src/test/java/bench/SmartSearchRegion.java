package bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * One fake Smart Search region on loopback (WireMock on a fixed port, so it can be stopped and started again): a
 * search answering one GTC document per query and the PDF download, both after a fixed delay.
 */
final class SmartSearchRegion {

    static final String GENERIC_DOC = "bench-gtc-generic";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port = freePort();
    private final int latencyMs;
    private final byte[] pdf;
    private final Map<String, String> docByQuery;

    SmartSearchRegion(int latencyMs, byte[] pdf, Map<String, String> docByQuery) {
        this.latencyMs = latencyMs;
        this.pdf = pdf;
        this.docByQuery = docByQuery;
        start();
    }

    private WireMockServer server;

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The normal answers: search results (the query's own document, else a generic one) and PDFs, after the delay. */
    void healthy() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/search")).atPriority(10)
                .willReturn(json(GENERIC_DOC).withFixedDelay(latencyMs)));
        docByQuery.forEach((query, doc) -> server.stubFor(get(urlPathEqualTo("/search"))
                .withQueryParam("q", equalTo(query)).atPriority(1).willReturn(json(doc).withFixedDelay(latencyMs))));
        server.stubFor(get(urlPathMatching("/documents/.+/pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(pdf).withFixedDelay(latencyMs)));
    }

    /** Every request answers 503 Service Unavailable. */
    void failWith503() {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503).withFixedDelay(latencyMs)));
    }

    /** Every request hangs for the given time before answering: a region that accepts connections but is dead. */
    void hang(int millis) {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/.*")).willReturn(json(GENERIC_DOC).withFixedDelay(millis)));
    }

    void stop() {
        server.stop();
    }

    /** Starts the region (again) on its port: a stopped WireMockServer cannot be restarted, so a new one. */
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port)
                .containerThreads(40).asynchronousResponseEnabled(true).asynchronousResponseThreads(40));
        server.start();
        healthy();
    }

    /** Requests received since the last reset (0 while stopped). */
    int requests() {
        return server.isRunning() ? server.getAllServeEvents().size() : 0;
    }

    void resetRequests() {
        server.resetRequests();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String gtcId) {
        try {
            String body = JSON.writeValueAsString(Map.of("results", List.of(Map.of(
                    "id", gtcId, "title", "General Terms and Conditions " + gtcId, "product", "FutureNest",
                    "version", "2026.1", "effectiveFrom", "2026-01-01", "language", "en", "pdfId", gtcId))));
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
