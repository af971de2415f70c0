package bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterChainProfileTest {

    private static final List<String> TOMCAT = List.of(
            "org.apache.catalina.core.ApplicationFilterChain.doFilter",
            "org.apache.catalina.core.StandardWrapperValve.invoke",
            "org.apache.coyote.http11.Http11Processor.service",
            "org.apache.coyote.AbstractProtocol$ConnectionHandler.process",
            "org.apache.tomcat.util.net.SocketProcessorBase.run");

    private static List<String> stack(String... innermost) {
        List<String> frames = new java.util.ArrayList<>(List.of(innermost));
        frames.addAll(TOMCAT);
        return frames;
    }

    @Test
    void aSampleGoesToTheInnermostFilterOnItsStack() {
        List<String> frames = stack("java.util.HashMap.get",
                "hub.security.ApiLimitsFilter.doFilterInternal",
                "org.springframework.web.filter.OncePerRequestFilter.doFilter",
                "org.springframework.security.web.FilterChainProxy$VirtualFilterChain.doFilter",
                "org.springframework.security.web.authentication.AuthenticationFilter.doFilterInternal");

        assertThat(FilterChainProfile.attribute(frames, false)).isEqualTo("ApiLimitsFilter");
    }

    @Test
    void codeTheFilterCallsCountsAsTheFilters() {
        List<String> frames = stack("org.springframework.security.oauth2.jwt.NimbusJwtDecoder.decode",
                "org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter.doFilterInternal",
                "org.springframework.web.filter.OncePerRequestFilter.doFilter");

        assertThat(FilterChainProfile.attribute(frames, false)).isEqualTo("BearerTokenAuthenticationFilter");
    }

    @Test
    void theServletInnerToEveryFilterTakesTheSample() {
        List<String> frames = stack("org.apache.camel.impl.engine.CamelInternalProcessor.process",
                "org.springframework.web.servlet.DispatcherServlet.doDispatch",
                "jakarta.servlet.http.HttpServlet.service",
                "hub.audit.AuditFilter.doFilterInternal");

        assertThat(FilterChainProfile.attribute(frames, false)).isEqualTo(FilterChainProfile.SERVLET);
    }

    @Test
    void platformHttpsAsynchronousProcessingIsTheServlets() {
        List<String> frames = List.of("sun.nio.ch.SocketDispatcher.write0",
                "org.apache.catalina.connector.OutputBuffer.flush",
                "org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer.lambda$handleService$0",
                "java.util.concurrent.ThreadPoolExecutor.runWorker");

        assertThat(FilterChainProfile.attribute(frames, false)).isEqualTo(FilterChainProfile.SERVLET);
    }

    @Test
    void aLambdaFilterLeavesTheSampleToTheNextFilterOut() {
        List<String> frames = stack("org.springframework.security.config.Outer$$Lambda.0x0000000045bdd9e0.doFilter", "hub.audit.AuditFilter.doFilterInternal");

        assertThat(FilterChainProfile.attribute(frames, false)).isEqualTo("AuditFilter");
    }

    @Test
    void theChainsOwnCodeIsNotAFilters() {
        List<String> frames = stack("org.apache.catalina.core.ApplicationFilterChain.internalDoFilter");

        assertThat(FilterChainProfile.attribute(frames, false)).isEqualTo(FilterChainProfile.PLUMBING);
    }

    @Test
    void aRequestThreadOutsideTheChainIsTomcat() {
        List<String> frames = List.of("sun.nio.ch.SocketDispatcher.read0",
                "org.apache.coyote.http11.Http11InputBuffer.fill",
                "org.apache.coyote.http11.Http11Processor.service",
                "org.apache.coyote.AbstractProtocol$ConnectionHandler.process");

        assertThat(FilterChainProfile.attribute(frames, false)).isEqualTo(FilterChainProfile.TOMCAT);
    }

    @Test
    void otherThreadsAndCutStacksAreNamedSo() {
        List<String> loop = List.of("io.netty.channel.epoll.Native.epollWait", "io.netty.channel.epoll.EpollEventLoop.run");

        assertThat(FilterChainProfile.attribute(loop, false)).isEqualTo(FilterChainProfile.OTHER_THREADS);
        assertThat(FilterChainProfile.attribute(loop, true)).isEqualTo(FilterChainProfile.TRUNCATED);
    }

    @Test
    void eachPartCostsItsShareOfTheRunsCpuPerRequest() {
        FilterChainProfile profile = new FilterChainProfile();
        profile.add("A");
        profile.add("A");
        profile.add("A");
        profile.add("B");

        Map<String, Double> parts = profile.msPerRequest(0.2);

        assertThat(parts.get("A")).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(parts.get("B")).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(profile.total()).isEqualTo(4);
    }

    @Test
    void javaTwentyFiveSamplesByCpuTime() {
        assertThat(FilterChainProfile.recordingSettings("25.0.3")).contains("jdk.CPUTimeSample#enabled=true");
        assertThat(FilterChainProfile.recordingSettings("17.0.16")).contains("jdk.ExecutionSample#period=1ms");
    }
}
