package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The oidc mode (Microsoft Entra ID): tokens are RS256-signed by the identity provider, whose JWKS the hub fetches
 * from hub.security.jwt.jwk-set-uri (a WireMock server here) and caches. Issuer and audience are checked as in
 * hs256 mode; a token signed by another key with the provider's key id, or an HS256 token, is refused.
 */
class OidcIT {

    private static final String ISSUER = "https://login.microsoftonline.com/it-tenant/v2.0";
    private static final String AUDIENCE = "api://compliance-hub";

    @Test
    void providerTokensAreCheckedAgainstTheCachedKeySet() throws Exception {
        RSAKey provider = new RSAKeyGenerator(2048).keyID("entra-1").generate();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("entra-1").generate();
        WireMockServer idp = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        idp.start();
        idp.stubFor(get(urlPathEqualTo("/discovery/v2.0/keys")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(new JWKSet(provider.toPublicJWK()).toString())));
        try (RunningHub hub = RunningHub.local("oidc-" + UUID.randomUUID(),
                "--hub.security.jwt.mode=oidc",
                "--hub.security.jwt.jwk-set-uri=http://127.0.0.1:" + idp.port() + "/discovery/v2.0/keys",
                "--hub.security.jwt.issuer=" + ISSUER,
                "--hub.security.jwt.audience=" + AUDIENCE)) {
            int port = Integer.parseInt(hub.context().getEnvironment().getProperty("local.server.port"));

            for (int i = 0; i < 3; i++) {
                assertThat(call(port, rs256(provider, ISSUER, AUDIENCE)).statusCode()).isEqualTo(200);
            }
            assertThat(idp.findAll(getRequestedFor(urlPathEqualTo("/discovery/v2.0/keys"))))
                    .as("the key set is fetched once and cached").hasSize(1);

            assertRefused(call(port, rs256(provider, "https://login.example.com/other/v2.0", AUDIENCE)));
            assertRefused(call(port, rs256(provider, ISSUER, "api://someone-else")));
            assertRefused(call(port, rs256(impostor, ISSUER, AUDIENCE)));
            assertRefused(call(port, TestTokens.mint(TestTokens.SUBJECT, TestTokens.TENANT)));
        } finally {
            idp.stop();
        }
    }

    private static HttpResponse<String> call(int port, String token) {
        return new HubClient(port).withToken(token).get("/api/v1/guideline-sets");
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    private static String rs256(RSAKey key, String issuer, String audience) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("entra-user").issuer(issuer).audience(audience)
                .claim("tid", "it-tenant").claim("roles", List.of())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
