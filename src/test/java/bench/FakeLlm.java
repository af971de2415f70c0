package bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat-completions server on loopback for the benchmarks: every POST is answered with a PASS verdict after a
 * set latency, on a thread of its own, and the calls in flight are counted exactly (from the request's arrival until
 * its answer is sent).
 */
public final class FakeLlm implements AutoCloseable {

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
                in.readAllBytes();
                Thread.sleep(this.latencyMs.get());
                // No longer in flight before the answer leaves: the caller may send its next call as soon as it has it.
                inFlight.decrementAndGet();
                counted = false;
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                int code = status.get();
                byte[] answer = code == 200 ? body : "{\"error\": {\"message\": \"drill\"}}".getBytes(StandardCharsets.UTF_8);
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

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/deployments/claude/chat/completions";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
