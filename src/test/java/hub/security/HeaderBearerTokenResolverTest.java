package hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The fast path answers every request exactly as Spring Security's default resolver does. */
class HeaderBearerTokenResolverTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3cml0ZXIifQ.c2lnbmF0dXJlLXdpdGgtXy1hbmQtLQ";

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET", null, null, "Bearer " + JWT),
                Arguments.of("GET", null, null, "bearer " + JWT),
                Arguments.of("GET", null, null, "BEARER " + JWT),
                Arguments.of("GET", null, null, "Bearer abc=="),
                Arguments.of("GET", null, null, "Bearer a~b+c/d_e-f.g"),
                Arguments.of("GET", null, null, "Bearer abc=d"),
                Arguments.of("GET", null, null, "Bearer ="),
                Arguments.of("GET", null, null, "Bearer "),
                Arguments.of("GET", null, null, "Bearer"),
                Arguments.of("GET", null, null, "Bearer  " + JWT),
                Arguments.of("GET", null, null, "Bearer " + JWT + " "),
                Arguments.of("GET", null, null, "Bearer " + JWT + "\u00e9"),
                Arguments.of("GET", null, null, "Bearertoken"),
                Arguments.of("GET", null, null, "Basic dXNlcjpwYXNz"),
                Arguments.of("GET", null, null, null),
                Arguments.of("GET", "access_token=" + JWT, null, "Bearer " + JWT),
                Arguments.of("GET", "access_token=" + JWT, null, null),
                Arguments.of("GET", "page=2", null, "Bearer " + JWT),
                Arguments.of("POST", null, "application/json", "Bearer " + JWT),
                Arguments.of("POST", null, "application/x-www-form-urlencoded", "Bearer " + JWT),
                Arguments.of("POST", null, "APPLICATION/X-WWW-FORM-URLENCODED;charset=UTF-8", "Bearer " + JWT));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void answersAsTheDefaultResolver(String method, String query, String contentType, String authorization) {
        assertThat(outcome(new HeaderBearerTokenResolver(), method, query, contentType, authorization))
                .isEqualTo(outcome(new DefaultBearerTokenResolver(), method, query, contentType, authorization));
    }

    @Test
    void theUsualRequestResolvesToItsToken() {
        assertThat(outcome(new HeaderBearerTokenResolver(), "GET", null, null, "Bearer " + JWT)).isEqualTo(JWT);
        assertThat(outcome(new HeaderBearerTokenResolver(), "POST", null, "application/json", "bearer " + JWT))
                .isEqualTo(JWT);
    }

    /** The token, null, or the error the resolver raised. */
    private static String outcome(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
                                  String method, String query, String contentType, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/jobs");
        if (query != null) {
            request.setQueryString(query);
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.addParameter(kv[0], kv[1]);
            }
        }
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        try {
            return resolver.resolve(request);
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }
}
