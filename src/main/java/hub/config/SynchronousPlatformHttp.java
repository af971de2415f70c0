package hub.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * platform-http on Spring Boot answers every request asynchronously: its handler hands the route to an executor and
 * returns a future, so Spring MVC starts async processing and Tomcat dispatches the request a second time, through
 * its valves, the servlet filters and the DispatcherServlet's handler lookup, only to write the response (about a
 * fifth of a cached status read's request-path CPU, docs/performance.md). This engine runs the route on the request's
 * own thread instead (a virtual thread on Java 21+, so a blocked route holds no platform thread) and returns no
 * future, which Spring MVC takes as a handled request: one dispatch.
 *
 * <p>Requests under {@code hub.api.asynchronous-paths} keep the asynchronous answer, and with it
 * {@code spring.mvc.async.request-timeout}: the operations whose routes may outlast it (a large batch) answer
 * {@code 503 still-processing} then (hub.problem.AsyncTimeoutProblems) while the route finishes.
 *
 * <p>A body already in memory (a string or bytes: every answer of the API) is written with its
 * {@code Content-Length} in one socket write when the request ends. Camel's binding would otherwise send it chunked:
 * it flushes the body (one write) and the final chunk follows (a second); in the load benchmark each of those writes
 * cost about 3 % of a cached status read's CPU (docs/performance.md). A streamed body stays chunked.
 */
public final class SynchronousPlatformHttp implements PlatformHttpEngine {

    private final PlatformHttpEngine delegate;
    private final Supplier<Executor> executor;
    private final List<String> asynchronousPaths;

    public SynchronousPlatformHttp(PlatformHttpEngine delegate, Supplier<Executor> executor,
                                   List<String> asynchronousPaths) {
        this.delegate = delegate;
        this.executor = executor;
        this.asynchronousPaths = List.copyOf(asynchronousPaths);
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new Consumer(endpoint, processor, executor.get(), asynchronousPaths);
    }

    @Override
    public int getServerPort() {
        return delegate.getServerPort();
    }

    /** True when a request to this path is answered asynchronously (a path equal to or under a listed one). */
    static boolean isAsynchronous(String path, List<String> asynchronousPaths) {
        for (String prefix : asynchronousPaths) {
            if (path.startsWith(prefix)
                    && (path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    public static final class Consumer extends SpringBootPlatformHttpConsumer {

        private static final Logger LOG = LoggerFactory.getLogger(Consumer.class);

        private final List<String> asynchronousPaths;

        Consumer(PlatformHttpEndpoint endpoint, Processor processor, Executor executor, List<String> asynchronousPaths) {
            super(endpoint, processor, executor);
            this.asynchronousPaths = asynchronousPaths;
        }

        /**
         * Spring MVC's handler method (CamelRequestHandlerMapping maps every route's path to it). A null future tells
         * Spring MVC the response is complete; the error branch is the one the asynchronous answer has.
         */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
            if (isAsynchronous(request.getRequestURI(), asynchronousPaths)) {
                return super.service(request, response);
            }
            try {
                handleService(request, response);
            } catch (Exception e) {
                LOG.warn("Error handling request due to: {}", e.getMessage(), e);
                try {
                    if (!response.isCommitted()) {
                        response.sendError(500);
                    }
                } catch (Exception ignored) {
                    // the client is gone
                }
            }
            return null;
        }

        /** Writes the answer: an in-memory body with its length, not chunked, unless the route said otherwise. */
        @Override
        protected void afterProcess(HttpServletResponse response, Exchange exchange) throws Exception {
            Message answer = exchange.getMessage();
            if (answer.getHeader(Exchange.HTTP_CHUNKED) == null && isInMemory(answer.getBody())) {
                answer.setHeader(Exchange.HTTP_CHUNKED, false);
            }
            super.afterProcess(response, exchange);
        }

        static boolean isInMemory(Object body) {
            return body instanceof String || body instanceof byte[];
        }
    }
}
