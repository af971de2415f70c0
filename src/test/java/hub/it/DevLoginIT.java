package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST /auth/dev-login: with hub.security.dev-login.enabled in hs256 mode and the secret the hub generated itself it
 * mints a short-lived token the API accepts, for JSON bodies only; a GET is not a login; with an operator's
 * JWT_SECRET_KEY or in oidc mode it does not exist even when enabled (issue 19, defect 5).
 */
class DevLoginIT {

    @Test
    void enabledInHs256ModeItMintsAShortLivedTokenTheApiAccepts() throws Exception {
        try (RunningHub running = RunningHub.local("dev-login-" + UUID.randomUUID(),
                "--hub.security.jwt.secret=", "--hub.security.jwt.generate-secret=true",
                "--hub.data-dir=target/dev-login-" + UUID.randomUUID(),
                "--hub.security.dev-login.enabled=true", "--hub.security.dev-login.token-minutes=15")) {
            HubClient anonymous = running.client().withToken(null);
            HttpResponse<String> r = anonymous.post("/auth/dev-login", "application/json", "{\"subject\":\"alice\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            JsonNode token = HubClient.json(r);
            assertThat(token.path("subject").asText()).isEqualTo("alice");
            assertThat(token.path("expiresIn").asLong()).isEqualTo(900);
            var claims = SignedJWT.parse(token.path("accessToken").asText()).getJWTClaimsSet();
            assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);
            assertThat(claims.getStringListClaim("roles")).isEmpty();

            HubClient alice = anonymous.withToken(token.path("accessToken").asText());
            assertThat(alice.get("/api/v1/guideline-sets").statusCode()).isEqualTo(200);
            assertThat(alice.get("/api/v1/admin/dead-letters").statusCode()).as("no roles").isEqualTo(403);

            assertThat(anonymous.get("/auth/dev-login").statusCode()).as("POST only").isIn(404, 405);
            HttpResponse<String> bad = anonymous.post("/auth/dev-login", "application/json", "{\"subject\":\"a b\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(HubClient.json(anonymous.post("/auth/dev-login", "application/json", "{}"))
                    .path("subject").asText()).isEqualTo("dev");
            assertThat(anonymous.post("/auth/dev-login", "application/json", "").statusCode()).as("empty").isEqualTo(400);
            assertThat(anonymous.post("/auth/dev-login", "text/plain", "{}").statusCode()).isEqualTo(415);
            assertThat(anonymous.post("/auth/dev-login", "application/json", "{\"subject\": 5}").statusCode())
                    .isEqualTo(400);
            assertThat(anonymous.post("/auth/dev-login", "application/json", "{\"subject\": \"a\"} x").statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void withTheOperatorsSecretThereIsNoDevelopmentLoginEvenWhenEnabled() {
        try (RunningHub running = RunningHub.local("dev-login-secret-" + UUID.randomUUID(),
                "--hub.security.dev-login.enabled=true", "--hub.security.jwt.generate-secret=true")) {
            HttpResponse<String> r = running.client().withToken(null)
                    .post("/auth/dev-login", "application/json", "{\"subject\": \"mallory\"}");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(r.body()).doesNotContain("accessToken");
        }
    }

    @Test
    void inOidcModeThereIsNoDevelopmentLoginEvenWhenEnabled() {
        try (RunningHub running = RunningHub.local("dev-login-oidc-" + UUID.randomUUID(),
                "--hub.security.dev-login.enabled=true",
                "--hub.security.jwt.mode=oidc",
                "--hub.security.jwt.jwk-set-uri=http://127.0.0.1:9/keys")) {
            int port = Integer.parseInt(running.context().getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> r = new HubClient(port).withToken(null)
                    .post("/auth/dev-login", "application/json", "{}");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }
}
