package bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the CPU samples of a JFR recording of a floor's requests among the servlet filters that served them (issue
 * 25: the filter chain's cost per filter). A sample goes to the innermost filter on its stack, to the servlet (Spring
 * MVC, platform-http, the route and the answer's writes) when the servlet is inner to every filter or the sample is
 * in platform-http's asynchronous processing, to Tomcat when a request thread is
 * outside the chain (the connection, parsing, socket I/O), and to the other threads (the event loops, GC aside)
 * otherwise. The recording needs stacks deep enough to reach Tomcat's frames (HubProcess raises JFR's stack depth).
 */
final class FilterChainProfile {

    static final String SERVLET = "the servlet: Spring MVC, platform-http, the route, writing the answer";
    static final String TOMCAT = "Tomcat outside the chain: connection, parsing, socket I/O";
    static final String PLUMBING = "the chains' own code (Tomcat's, Spring's and Spring Security's filter chains)";
    static final String OTHER_THREADS = "other threads (Redis and blob clients, the poller, timers)";
    static final String TRUNCATED = "stacks too deep to attribute";

    private static final Set<String> SERVLET_TYPES = Set.of("jakarta.servlet.http.HttpServlet",
            "org.springframework.web.servlet.FrameworkServlet", "org.springframework.web.servlet.DispatcherServlet");
    private static final Set<String> FILTER_METHODS = Set.of("doFilter", "doFilterInternal");
    private static final Set<String> CHAIN_TYPES = Set.of("org.apache.catalina.core.ApplicationFilterChain",
            "org.springframework.security.web.FilterChainProxy$VirtualFilterChain",
            "org.springframework.web.filter.CompositeFilter$VirtualFilterChain",
            "org.springframework.web.filter.CompositeFilter", "org.springframework.web.filter.OncePerRequestFilter",
            "org.springframework.web.filter.DelegatingFilterProxy",
            "org.springframework.security.config.annotation.web.configuration.WebSecurityConfiguration$CompositeFilterChainProxy");
    private static final Set<String> REQUEST_FRAMES = Set.of("org.apache.coyote.AbstractProtocol$ConnectionHandler.process",
            "org.apache.tomcat.util.net.SocketProcessorBase.run");
    private static final String PLATFORM_HTTP = "org.apache.camel.component.platform.http.";
    private static final Set<String> SAMPLE_EVENTS = Set.of("jdk.CPUTimeSample", "jdk.ExecutionSample");

    private final Map<String, Long> samples = new LinkedHashMap<>();
    private long total;

    /** The JFR settings of a recording to read: CPU-time samples on Java 25 and later, execution samples before. */
    static List<String> recordingSettings(String javaVersion) {
        int feature = Integer.parseInt(javaVersion.split("[.+-]")[0]);
        return feature >= 25
                ? List.of("jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=1ms")
                : List.of("jdk.ExecutionSample#enabled=true", "jdk.ExecutionSample#period=1ms");
    }

    static FilterChainProfile read(Path recording) throws IOException {
        FilterChainProfile profile = new FilterChainProfile();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (SAMPLE_EVENTS.contains(event.getEventType().getName()) && event.getStackTrace() != null) {
                profile.add(attribute(event.getStackTrace()));
            }
        }
        return profile;
    }

    static String attribute(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        return attribute(frames, stack.isTruncated());
    }

    /** The part a sample belongs to, from its frames ({@code type.method}, innermost first). */
    static String attribute(List<String> frames, boolean truncated) {
        for (String frame : frames) {
            int dot = frame.lastIndexOf('.');
            String type = frame.substring(0, dot);
            if (SERVLET_TYPES.contains(type)) {
                return SERVLET;
            }
            String simpleName = type.substring(type.lastIndexOf('.') + 1);
            // A hidden class (a lambda, "Outer$$Lambda.0x…") has no name to show: the next filter out names the sample.
            if (FILTER_METHODS.contains(frame.substring(dot + 1)) && !simpleName.startsWith("0x")) {
                return CHAIN_TYPES.contains(type) ? PLUMBING : simpleName;
            }
        }
        // platform-http's own asynchronous processing (the bare app's: the route on Spring's task executor).
        if (frames.stream().anyMatch(frame -> frame.startsWith(PLATFORM_HTTP))) {
            return SERVLET;
        }
        if (frames.stream().anyMatch(REQUEST_FRAMES::contains)) {
            return TOMCAT;
        }
        return truncated ? TRUNCATED : OTHER_THREADS;
    }

    void add(String part) {
        samples.merge(part, 1L, Long::sum);
        total++;
    }

    long total() {
        return total;
    }

    /** Each part's CPU time per request: its share of the samples times the run's CPU per request. */
    Map<String, Double> msPerRequest(double cpuMsPerRequest) {
        Map<String, Double> parts = new LinkedHashMap<>();
        samples.forEach((part, count) -> parts.put(part, cpuMsPerRequest * count / total));
        return parts;
    }
}
