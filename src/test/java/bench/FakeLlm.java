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
 * set latency, on a thread of its own, and the calls in flight are counted exactly (from the request's arrival to
 * the response's last byte).
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
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                Thread.sleep(this.latencyMs.get());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
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
