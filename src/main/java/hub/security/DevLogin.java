package hub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.correlation.CorrelationIdFilter;
import hub.input.StrictJson;
import hub.problem.ProblemException;
import hub.problem.ProblemResponder;
import hub.problem.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/dev-login}: a short-lived HS256 token for the web console, so a developer running the hub on
 * the embedded default signs in with one click. It exists only when {@code hub.security.dev-login.enabled} is true
 * (the embedded profile), the hub checks HS256 tokens and signs them with the secret it generated itself (with
 * {@code JWT_SECRET_KEY} set, anyone who can reach the port could otherwise mint tokens the operator's other
 * systems trust); otherwise it is a 404. It answers loopback clients only (403 {@code dev-login-loopback-only}), and
 * reads a JSON body only (415 otherwise): {@code {}} or {@code {"subject": "alice"}}, parsed strictly (a subject that
 * is not a string, an unknown field, trailing text or a duplicate key is a 400). The token has no roles: it can
 * submit and read its own jobs, nothing else.
 */
@RestController
public class DevLogin {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** The body of a development login. */
    record Request(String subject) {
    }

    private final boolean enabled;
    private final DevSecret secret;
    private final StrictJson json;
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
        this.enabled = enabled && "hs256".equals(mode) && secret.generated();
        this.secret = secret;
        this.json = new StrictJson(mapper);
        this.issuer = issuer;
        this.audience = audience;
        this.subjectClaim = subjectClaim;
        this.tenantClaim = tenantClaim;
        this.tenant = tenant;
        this.minutes = minutes;
    }

    /** Body: {@code {}} or {@code {"subject": "alice"}}; answers {@code {accessToken, tokenType, expiresIn, subject}}. */
    @PostMapping(path = "/auth/dev-login", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> login(@RequestBody(required = false) String body,
                                                     HttpServletRequest request) {
        try {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token(subject(body, request)));
        } catch (ProblemException problem) {
            request.setAttribute(ServletProblems.TYPE_ATTRIBUTE, problem.type());
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(ProblemResponder.document(problem, request.getRequestURI(), CorrelationIdFilter.of(request)));
        }
    }

    private String subject(String body, HttpServletRequest request) {
        if (!enabled) {
            throw new ProblemException(404, "not-found", "Not found", "The development login is off on this hub: it "
                    + "needs hub.security.dev-login.enabled (the embedded profile), HS256 and the secret the hub "
                    + "generated itself (no JWT_SECRET_KEY).");
        }
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ProblemException(403, "dev-login-loopback-only", "Development login from this machine only",
                    "The development login answers clients on the hub's own machine (loopback) only.");
        }
        StrictJson.requireJson(request.getContentType());
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The body is empty; send {} or {\"subject\": \"alice\"}.");
        }
        Request login = json.parse(body, Request.class, "subject");
        if (login == null) {
            throw ProblemException.badRequest("The body is JSON null; send {} or {\"subject\": \"alice\"}.");
        }
        String subject = login.subject() == null ? "dev" : login.subject();
        if (!SUBJECT.matcher(subject).matches()) {
            throw ProblemException.badRequest("subject must be 1 to 64 letters, digits or . _ @ -");
        }
        return subject;
    }

    static boolean isLoopback(String address) {
        if (address == null || !(address.indexOf(':') >= 0 || address.matches("[0-9.]+"))) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private Map<String, Object> token(String subject) {
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
        return token;
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
