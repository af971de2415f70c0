package hub.security;

import hub.problem.ProblemException;
import hub.problem.ServletProblems;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * {@code /api/**} needs a bearer JWT ({@link JwtConfig}); {@code /api/v1/admin/**} the role compliance-admin.
 * Health probes are public; the running routes ({@code /actuator/camelroutes}) and Camel's developer console
 * ({@code /actuator/camel}) need compliance-admin; every other
 * actuator endpoint (metrics included) needs a token with the role compliance-admin or compliance-metrics. A 401 carries {@code WWW-Authenticate: Bearer ...} and a problem body.
 * The Word add-in's origins are a CORS allow-list ({@code hub.security.cors.allowed-origins}). The web console (the
 * add-in's task pane, {@code static/}) is public and has its own Content-Security-Policy
 * ({@code hub.console.content-security-policy}); the API's forbids everything.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String METRICS_ROLE = "compliance-metrics";
    private static final String CSP = "Content-Security-Policy";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ServletProblems problems, ApiRateLimiter rateLimiter, Callers callers,
                            @Value("${hub.security.jwt.roles-claim:roles}") String rolesClaim,
                            @Value("${hub.api.max-body-bytes}") long maxBodyBytes,
                            @Value("${hub.api.max-batch-body-bytes}") long maxBatchBodyBytes,
                            @Value("${hub.console.content-security-policy}") String consolePolicy) throws Exception {
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        http.csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Stateless bearer tokens: no logout, no saved request to resume, no Servlet API wrapper (the routes read
            // the caller from the token, Callers) and no anonymous token: a request without a token has no
            // authentication, and the entry point answers it 401 as before. Four filters fewer on every request.
            .logout(l -> l.disable())
            .requestCache(r -> r.disable())
            .servletApi(s -> s.disable())
            .anonymous(a -> a.disable())
            .cors(c -> { })
            .headers(h -> h
                // The console (the Word task pane) is framed by Office on the web; nothing else may be framed.
                .frameOptions(f -> f.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfig::isConsole,
                        new StaticHeadersWriter(CSP, consolePolicy)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(r -> !isConsole(r),
                        new StaticHeadersWriter(CSP, "default-src 'none'; frame-ancestors 'none'")))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(r -> !isConsole(r),
                        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
            .authorizeHttpRequests(a -> a
                .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // The running routes (camel-spring-boot's camelroutes endpoint) and Camel's developer console
                // (routes.OperatorDevConsole): operators only, not the scraper.
                .requestMatchers("/actuator/camelroutes", "/actuator/camelroutes/**", "/actuator/camel",
                        "/actuator/camel/**").hasRole(Caller.ADMIN_ROLE)
                .requestMatchers("/actuator/**").hasAnyRole(Caller.ADMIN_ROLE, METRICS_ROLE)
                .requestMatchers("/api/v1/admin/**").hasRole(Caller.ADMIN_ROLE)
                .requestMatchers("/api/**").authenticated()
                .anyRequest().permitAll())
            .oauth2ResourceServer(o -> o
                .bearerTokenResolver(new HeaderBearerTokenResolver())
                .jwt(j -> j.jwtAuthenticationConverter(authorities(rolesClaim)))
                .authenticationEntryPoint((request, response, e) -> {
                    ProblemException problem = BearerProblems.unauthorized(e);
                    response.setHeader("WWW-Authenticate", BearerProblems.challenge(problem));
                    problems.write(request, response, problem);
                })
                .accessDeniedHandler((request, response, e) -> {
                    denied.handle(request, response, e);
                    problems.write(request, response, new ProblemException(403, "forbidden", "Forbidden",
                            "The token lacks the role this endpoint needs."));
                }))
            .addFilterAfter(new ApiLimitsFilter(problems, rateLimiter, callers, maxBodyBytes, maxBatchBodyBytes),
                    BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** The web console's pages and assets: everything but the API, the dev login and the actuator. */
    static boolean isConsole(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/auth/") && !path.startsWith("/actuator");
    }

    /**
     * A request Spring Security's firewall refuses (encoded slashes, "..", NUL in the URL; a control character in a
     * header) gets a problem, not an error page. The firewall's message quotes what it refused (a header value may be
     * a bearer token), so the detail never repeats it.
     */
    @Bean
    RequestRejectedHandler rejectedRequests(ServletProblems problems) {
        return (request, response, e) -> problems.write(request, response, BearerProblems.rejected(e));
    }

    /**
     * Tomcat answers an encoded '/' or '\' in the path with its own HTML error page before the application sees it;
     * let it through, so that the firewall above refuses it with a problem body.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }

    private static JwtAuthenticationConverter authorities(String rolesClaim) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(rolesClaim);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${hub.security.cors.allowed-origins:}") List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins.stream().filter(o -> !o.isBlank()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-ID"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "X-Correlation-ID", "WWW-Authenticate"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
