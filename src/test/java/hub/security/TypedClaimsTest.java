package hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Issue 19, defects 1 and 8: claims are checked by JSON type before anything casts or splits them. */
class TypedClaimsTest {

    private final TypedClaims typed = new TypedClaims("sub", "tid", "roles");

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "HS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void aListOfStringsAndAStringSubjectAndTenantPass() {
        assertThat(typed.validate(jwt(Map.of("sub", "alice", "tid", "t", "roles", List.of("compliance-admin"))))
                .hasErrors()).isFalse();
        assertThat(typed.validate(jwt(Map.of("sub", "alice"))).hasErrors()).as("roles and tenant are optional").isFalse();
    }

    @Test
    void rolesThatAreNotAListOfStringsAreAnInvalidToken() {
        for (Object roles : List.of(List.of(1), Arrays.asList(1, null), Arrays.asList("a", null),
                "x compliance-admin", 5, Map.of("a", "compliance-admin"))) {
            var result = typed.validate(jwt(Map.of("sub", "alice", "roles", roles)));
            assertThat(result.hasErrors()).as(String.valueOf(roles)).isTrue();
            assertThat(result.getErrors().iterator().next().getErrorCode()).isEqualTo("invalid_token");
        }
    }

    @Test
    void aSubjectOrTenantThatIsNotAStringIsAnInvalidToken() {
        assertThat(typed.validate(jwt(Map.of("sub", 5))).hasErrors()).isTrue();
        assertThat(typed.validate(jwt(Map.of("sub", " "))).hasErrors()).isTrue();
        assertThat(typed.validate(jwt(Map.of("sub", List.of("alice")))).hasErrors()).isTrue();
        assertThat(typed.validate(jwt(Map.of("sub", "alice", "tid", List.of("t")))).hasErrors()).isTrue();
    }

    @Test
    void aNumericSubjectIsRefusedEvenThoughTheParserTurnedItIntoAString() throws Exception {
        var signed = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().claim("sub", 5).build());
        signed.sign(new com.nimbusds.jose.crypto.MACSigner("k".repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String token = signed.serialize();
        assertThat(typed.checkPayload(token.replace(token.split("\\.")[1],
                com.nimbusds.jose.util.Base64URL.encode("{\"sub\":\"alice\"}").toString()), jwt(Map.of("sub", "alice"))))
                .as("a string subject passes").isNotNull();
        assertThatThrownBy(() -> typed.checkPayload(token, jwt(Map.of("sub", "5"))))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtValidationException.class);
    }
}
