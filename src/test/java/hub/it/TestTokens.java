package hub.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Bearer tokens for the tests, signed HS256 as the hub's hs256 mode checks them. */
public final class TestTokens {

    /** The HS256 secret of the test hubs (at least 32 bytes). */
    public static final String SECRET = "it-jwt-secret-that-is-long-enough-for-hs256";
    public static final String ISSUER = "compliance-hub";
    public static final String AUDIENCE = "compliance-hub";
    /** The default caller of {@link HubClient}: a writer who may also read the metrics. */
    public static final String SUBJECT = "it-writer";
    public static final String TENANT = "it-tenant";

    private TestTokens() {
    }

    public static JWTClaimsSet.Builder claims(String subject, String tenant, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .claim("tid", tenant).claim("roles", roles)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    public static String mint(String subject, String tenant, String... roles) {
        return sign(SECRET, claims(subject, tenant, List.of(roles)).build());
    }

    public static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
