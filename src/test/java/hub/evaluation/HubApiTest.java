package hub.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HubApiTest {

    @Test
    void aConnectionClosedWithoutAnAnswerIsRetriedWithTheSameIdempotencyKey() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger posts = new AtomicInteger();
        List<String> keys = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST")) {
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                exchange.getRequestBody().readAllBytes();
                if (posts.incrementAndGet() == 1) {
                    exchange.close(); // as a keep-alive connection the server has just closed: no bytes at all
                    return;
                }
                answer(exchange, 202, "{\"jobId\":\"j1\",\"status\":\"QUEUED\"}");
            } else if (path.endsWith("/result")) {
                answer(exchange, 200, "{\"score\":100.0}");
            } else {
                answer(exchange, 200, "{\"status\":\"COMPLETED\"}");
            }
        });
        server.start();
        try {
            HubApi api = new HubApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t",
                    Duration.ofSeconds(10));
            CorpusItem item = new CorpusItem("en-x-001", "passage", "en", "default", "text", "dev", null, List.of(),
                    "Some text.", Map.of(), "test");
            assertThat(api.evaluate(item).path("score").asDouble()).isEqualTo(100.0);
            assertThat(posts.get()).isEqualTo(2);
            assertThat(keys.get(1)).isEqualTo(keys.get(0)).isNotBlank();
        } finally {
            server.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
