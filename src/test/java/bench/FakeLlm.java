package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import hub.it.BatchVerdictsTransformer;
import hub.it.CandidateDecisionsTransformer;
import hub.it.LlmStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat-completions server on loopback for the benchmarks: every POST is answered with a PASS verdict (for a batch
 * of passages, every passage applicable and none violating; for a rule-candidate review, every candidate confirmed) after a set latency, on a thread of its own, and the
 * calls in flight are counted exactly (from the request's arrival until its answer is sent).
 */
public final class FakeLlm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK's HttpServer sends its answer's headers and body in two writes and leaves Nagle's algorithm on: the
        // body then waits for the caller's delayed ACK of the headers (about 40 ms on Linux) whenever the request came
        // in more than one segment, as a job's article-scope question does. An LLM gateway answers without that wait.
        // Read once, when the first HttpServer of the JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String BODY = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"claude-bench\","
            + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"{\\\"verdict\\\":\\\"PASS\\\",\\\"confidence\\\":0.9,\\\"rationale\\\":\\\"No issue found.\\\","
            + "\\\"findings\\\":[]}\"}}],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":40,\"total_tokens\":1240}}";

    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger inFlightMax = new AtomicInteger();
    public final AtomicLong calls = new AtomicLong();
    /** The answer's latency; may be changed while the server runs. */
    public final AtomicInteger latencyMs = new AtomicInteger();
    /** The HTTP status of every answer: 200 with the verdict, anything else with an error body. */
    public final AtomicInteger status = new AtomicInteger(200);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public FakeLlm(int latencyMs) throws IOException {
        this.latencyMs.set(latencyMs);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(threads);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            inFlightMax.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            boolean counted = true;
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                byte[] request = in.readAllBytes();
                Thread.sleep(this.latencyMs.get());
                // No longer in flight before the answer leaves: the caller may send its next call as soon as it has it.
                inFlight.decrementAndGet();
                counted = false;
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                int code = status.get();
                byte[] answer = code != 200 ? "{\"error\": {\"message\": \"drill\"}}".getBytes(StandardCharsets.UTF_8)
                        : batchAnswer(request, body);
                exchange.sendResponseHeaders(code, answer.length);
                out.write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (counted) {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start();
    }

    /**
     * A batch request (its system message states the batch contract) gets a batch answer, a rule-candidate review
     * every candidate confirmed; any other the verdict.
     */
    static byte[] batchAnswer(byte[] request, byte[] verdict) throws IOException {
        JsonNode messages = JSON.readTree(request).path("messages");
        String system = messages.path(0).path("content").asText();
        String content;
        if (system.contains(LlmStub.REVIEW_MARKER)) {
            try {
                content = CandidateDecisionsTransformer.answer(messages.path(1).path("content").asText(), List.of());
            } catch (Exception e) {
                throw new IOException(e);
            }
        } else if (system.contains(CountingLlm.BATCH_CONTRACT)) {
            content = JSON.writeValueAsString(
                    BatchVerdictsTransformer.answer(system, messages.path(1).path("content").asText(), List.of()));
        } else {
            return verdict;
        }
        ObjectNode body = (ObjectNode) JSON.readTree(verdict);
        ((ObjectNode) body.path("choices").path(0).path("message")).put("content", content);
        return JSON.writeValueAsBytes(body);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/deployments/claude/chat/completions";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
