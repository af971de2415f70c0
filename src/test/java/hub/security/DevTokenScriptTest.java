package hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** scripts/dev-token.sh mints tokens the hub's HS256 decoder accepts, and only with the right secret. */
class DevTokenScriptTest {

    private static final String SECRET = "a-development-secret-of-at-least-32-bytes";

    @Test
    void theScriptsTokenIsAcceptedWithItsClaims() throws Exception {
        String token = mint(SECRET, "--subject", "alice", "--tenant", "t1", "--role", "compliance-admin");
        Jwt jwt = decoder(SECRET).decode(token);
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("tid")).isEqualTo("t1");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("compliance-admin");
        assertThat(new Callers("sub", "tid", "default").of(
                new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken(jwt,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                "ROLE_compliance-admin"))))).isEqualTo(new Caller("alice", "t1", true));

        assertThatThrownBy(() -> decoder("another-secret-that-is-also-long-enough").decode(token))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void shortSecretsAreRefusedAtStart() {
        assertThatThrownBy(() -> decoder("too-short")).hasMessageContaining("at least 32 bytes");
    }

    private static JwtDecoder decoder(String secret) throws Exception {
        return new JwtConfig().jwtDecoder("hs256", new DevSecret(secret, false, "target", "hs256"), "",
                "compliance-hub", "compliance-hub", "sub", "tid", "roles", 30);
    }

    private static String mint(String secret, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "scripts/dev-token.sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JWT_SECRET_KEY", secret);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
