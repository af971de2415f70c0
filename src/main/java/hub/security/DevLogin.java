package hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hub.problem.ProblemException;
import hub.problem.ProblemResponder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/dev-login}: a short-lived HS256 token for the web console, so a developer running the hub on
 * the embedded default signs in with one click. It answers only when {@code hub.security.dev-login.enabled} is true
 * (the embedded profile) and the hub checks HS256 tokens; otherwise, and always with OIDC, it is a 404.
 * The token has no roles: it can submit and read its own jobs, nothing else.
 */
@RestController
public class DevLogin {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final boolean enabled;
    private final DevSecret secret;
    private final ObjectMapper mapper;
    private final String issuer;
    private final String audience;
    private final String subjectClaim;
    private final String tenantClaim;
    private final String tenant;
    private final long minutes;

    public DevLogin(@Value("${hub.security.dev-login.enabled:false}") boolean enabled,
                    @Value("${hub.security.jwt.mode:hs256}") String mode,
                    @Value("${hub.security.dev-login.token-minutes:60}") long minutes,
                    @Value("${hub.security.jwt.issuer}") String issuer,
                    @Value("${hub.security.jwt.audience}") String audience,
                    @Value("${hub.security.jwt.subject-claim:sub}") String subjectClaim,
                    @Value("${hub.security.jwt.tenant-claim:tid}") String tenantClaim,
                    @Value("${hub.security.default-tenant}") String tenant,
                    DevSecret secret, ObjectMapper mapper) {
        this.enabled = enabled && "hs256".equals(mode);
        this.secret = secret;
        this.mapper = mapper;
        this.issuer = issuer;
        this.audience = audience;
        this.subjectClaim = subjectClaim;
        this.tenantClaim = tenantClaim;
        this.tenant = tenant;
        this.minutes = minutes;
    }

    /** Body (optional): {@code {"subject": "alice"}}; answers {@code {accessToken, tokenType, expiresIn, subject}}. */
    @PostMapping(path = "/auth/dev-login", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> login(@RequestBody(required = false) String body,
                                                     HttpServletRequest request) {
        if (!enabled) {
            return problem(request, new ProblemException(404, "not-found", "Not found",
                    "The development login is off on this hub (hub.security.dev-login.enabled, HS256 only)."));
        }
        String subject = subject(body);
        if (!SUBJECT.matcher(subject).matches()) {
            return problem(request, ProblemException.badRequest("subject must be 1 to 64 letters, digits or . _ @ -"));
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .claim(subjectClaim, subject).claim(tenantClaim, tenant).claim("roles", List.of())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(minutes * 60))).build();
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("accessToken", sign(claims));
        token.put("tokenType", "Bearer");
        token.put("expiresIn", minutes * 60);
        token.put("subject", subject);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token);
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpServletRequest request, ProblemException problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponder.document(problem, request.getRequestURI()));
    }

    private String subject(String body) {
        if (body == null || body.isBlank()) {
            return "dev";
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            return "";
        }
        return json.path("subject").asText("dev");
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(JwtConfig.hs256Key(secret.value())));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }
}
