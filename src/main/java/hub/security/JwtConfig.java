package hub.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The bearer token decoder, by {@code hub.security.jwt.mode}: {@code hs256} checks an HMAC-SHA256 signature with
 * {@code JWT_SECRET_KEY}; {@code oidc} checks RS256 signatures against the identity provider's JWKS (Microsoft
 * Entra ID), fetched from {@code jwk-set-uri} and cached by Nimbus. Both require {@code exp}, accept {@code nbf}
 * and {@code exp} within the clock skew, and check issuer, audience and the type of the claims the hub reads
 * ({@link TypedClaims}: a non-empty subject string, a tenant string, roles as a list of strings). Unsigned tokens
 * ({@code alg=none}) and any other algorithm are refused by the decoder itself.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfig {

    static final int MIN_SECRET_BYTES = 32;

    @Bean
    JwtDecoder jwtDecoder(@Value("${hub.security.jwt.mode:hs256}") String mode,
                          DevSecret secret,
                          @Value("${hub.security.jwt.jwk-set-uri:}") String jwkSetUri,
                          @Value("${hub.security.jwt.issuer}") String issuer,
                          @Value("${hub.security.jwt.audience}") String audience,
                          @Value("${hub.security.jwt.subject-claim:sub}") String subjectClaim,
                          @Value("${hub.security.jwt.tenant-claim:tid}") String tenantClaim,
                          @Value("${hub.security.jwt.roles-claim:roles}") String rolesClaim,
                          @Value("${hub.security.jwt.clock-skew-seconds:30}") long clockSkewSeconds) {
        NimbusJwtDecoder decoder = switch (mode) {
            case "hs256" -> NimbusJwtDecoder
                    .withSecretKey(new SecretKeySpec(hs256Key(secret.value()), "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
            case "oidc" -> {
                if (jwkSetUri.isBlank()) {
                    throw new IllegalStateException("hub.security.jwt.mode=oidc needs hub.security.jwt.jwk-set-uri");
                }
                yield NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
            }
            default -> throw new IllegalStateException("hub.security.jwt.mode must be hs256 or oidc, not " + mode);
        };
        OAuth2TokenValidator<Jwt> claims = validator(issuer, audience,
                new TypedClaims(subjectClaim, tenantClaim, rolesClaim), Duration.ofSeconds(clockSkewSeconds));
        decoder.setJwtValidator(claims);
        TypedClaims typed = new TypedClaims(subjectClaim, tenantClaim, rolesClaim);
        // Nimbus turns a numeric subject into a string while parsing: the payload as sent is checked too.
        JwtDecoder verifier = token -> typed.checkPayload(token, decoder.decode(token));
        return new CachingJwtDecoder(verifier, claims, 4096, Duration.ofMinutes(10));
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, TypedClaims typed, Duration skew) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator(skew));
        checks.add(new JwtClaimValidator<>(JwtClaimNames.EXP, exp -> exp != null));
        checks.add(new JwtIssuerValidator(issuer));
        checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        checks.add(typed);
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    static byte[] hs256Key(String secret) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("JWT_SECRET_KEY (hub.security.jwt.secret) must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256; it has " + key.length);
        }
        return key;
    }
}
