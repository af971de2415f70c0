package hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.DefaultPlatformHttpConsumer;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SynchronousPlatformHttpTest {

    private static final List<String> ASYNCHRONOUS = List.of("/api/v1/batches", "/api/v1/admin/");

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicReference<Thread> routeThread = new AtomicReference<>();

    private final SynchronousPlatformHttp engine = new SynchronousPlatformHttp(new PlatformHttpEngine() {
        @Override
        public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
            throw new AssertionError("the starter's engine makes no consumer once wrapped");
        }

        @Override
        public int getServerPort() {
            return 8080;
        }
    }, () -> executor, ASYNCHRONOUS);

    @BeforeEach
    void start() {
        camel.getRegistry().bind("platform-http-engine", engine);
        camel.start();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        camel.stop();
    }

    @Test
    void aPathOutsideTheAsynchronousOnesIsAnsweredOnTheRequestThreadWithoutAFuture() throws Exception {
        SynchronousPlatformHttp.Consumer consumer = answering("/api/v1/jobs/{id}");
        MockHttpServletResponse response = new MockHttpServletResponse();

        CompletableFuture<Void> future = consumer.service(get("/api/v1/jobs/42"), response);

        assertThat(future).as("a null future: Spring MVC takes the request as handled, no async dispatch").isNull();
        assertThat(routeThread.get()).isSameAs(Thread.currentThread());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("answered");
    }

    @Test
    void anAnswerInMemoryIsWrittenWithItsLengthAndAStreamedOneChunked() throws Exception {
        MockHttpServletResponse inMemory = new MockHttpServletResponse();
        answering("/api/v1/jobs/{id}").service(get("/api/v1/jobs/42"), inMemory);
        MockHttpServletResponse streamed = new MockHttpServletResponse();
        route("/stream", exchange -> exchange.getMessage().setBody(
                new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8))))
                .service(get("/stream"), streamed);

        assertThat(inMemory.getContentLength()).isEqualTo("answered".length());
        assertThat(streamed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("streamed");
        assertThat(streamed.getContentLength()).as("no length: sent in chunks").isZero();
    }

    @Test
    void anAsynchronousPathRunsOnTheExecutorAsTheStartersEngineDoes() throws Exception {
        SynchronousPlatformHttp.Consumer consumer = answering("/api/v1/batches");
        MockHttpServletResponse response = new MockHttpServletResponse();

        CompletableFuture<Void> future = consumer.service(get("/api/v1/batches"), response);

        assertThat(future).isNotNull();
        future.get(10, TimeUnit.SECONDS);
        assertThat(routeThread.get()).isNotSameAs(Thread.currentThread());
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("answered");
    }

    @Test
    void aFailingRouteIsA500OnTheRequestThread() throws Exception {
        SynchronousPlatformHttp.Consumer consumer = route("/boom", exchange -> {
            throw new IllegalStateException("boom");
        });
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(consumer.service(get("/boom"), response)).isNull();

        assertThat(response.getStatus()).isEqualTo(500);
    }

    @Test
    void aListedPathCoversItselfAndThePathsUnderItOnly() {
        assertThat(SynchronousPlatformHttp.isAsynchronous("/api/v1/batches", ASYNCHRONOUS)).isTrue();
        assertThat(SynchronousPlatformHttp.isAsynchronous("/api/v1/batches/b-1/results", ASYNCHRONOUS)).isTrue();
        assertThat(SynchronousPlatformHttp.isAsynchronous("/api/v1/admin/dead-letters", ASYNCHRONOUS)).isTrue();
        assertThat(SynchronousPlatformHttp.isAsynchronous("/api/v1/batchesX", ASYNCHRONOUS)).isFalse();
        assertThat(SynchronousPlatformHttp.isAsynchronous("/api/v1/jobs", ASYNCHRONOUS)).isFalse();
        assertThat(SynchronousPlatformHttp.isAsynchronous("/api/v1/admin", ASYNCHRONOUS)).isFalse();
        assertThat(SynchronousPlatformHttp.isAsynchronous("/api/v1/jobs", List.of())).isFalse();
    }

    private SynchronousPlatformHttp.Consumer answering(String path) throws Exception {
        Processor answer = exchange -> {
            routeThread.set(Thread.currentThread());
            exchange.getMessage().setBody("answered");
        };
        return route(path, answer);
    }

    /** A route from platform-http: the component makes its consumer through the engine in Camel's registry. */
    private SynchronousPlatformHttp.Consumer route(String path, Processor processor) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:" + path).routeId("under-test").process(processor);
            }
        });
        return (SynchronousPlatformHttp.Consumer)
                ((DefaultPlatformHttpConsumer) camel.getRoute("under-test").getConsumer()).getPlatformHttpConsumer();
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServerPort(8080);
        return request;
    }
}
