package hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {

    private final AtomicInteger verified = new AtomicInteger();

    private JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verified.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new org.springframework.security.oauth2.jwt.BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "HS256").subject("alice")
                    .issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt)
                    .issuer("compliance-hub").audience(List.of("compliance-hub")).build();
        };
    }

    private static OAuth2TokenValidator<Jwt> claims() {
        return JwtConfig.validator("compliance-hub", "compliance-hub", new TypedClaims("sub", "tid", "roles"),
                Duration.ZERO);
    }

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsCheckedOnEveryUse() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(Instant.now().plusSeconds(600)), claims(), 10,
                Duration.ofMinutes(10));
        Jwt first = decoder.decode("t1");
        Jwt second = decoder.decode("t1");
        assertThat(second).isSameAs(first);
        assertThat(verified).hasValue(1);
        decoder.decode("t2");
        assertThat(verified).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(Instant.now().plusMillis(1500)), claims(), 10,
                Duration.ofMinutes(10));
        decoder.decode("short-lived");
        Thread.sleep(1700);
        assertThatThrownBy(() -> decoder.decode("short-lived")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(Instant.now().plusSeconds(600)), claims(), 10,
                Duration.ofMinutes(10));
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
        assertThat(verified).hasValue(2);
    }
}
