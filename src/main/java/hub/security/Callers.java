package hub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Turns the authenticated bearer token into a {@link Caller}. The REST routes run on Camel's threads, not the
 * servlet thread, so the security context is read from the request attribute where the bearer token filter saved it.
 * {@link #bind} sets the exchange properties {@code caller}, {@code callerSubject}, {@code callerTenant} and
 * {@code correlationId} (the request's X-Correlation-ID, stored with the job).
 */
@Component("callers")
public class Callers {

    private static final RequestAttributeSecurityContextRepository CONTEXTS = new RequestAttributeSecurityContextRepository();

    private final String subjectClaim;
    private final String tenantClaim;
    private final String defaultTenant;

    public Callers(@Value("${hub.security.jwt.subject-claim:sub}") String subjectClaim,
                   @Value("${hub.security.jwt.tenant-claim:tid}") String tenantClaim,
                   @Value("${hub.security.default-tenant:default}") String defaultTenant) {
        this.subjectClaim = subjectClaim;
        this.tenantClaim = tenantClaim;
        this.defaultTenant = defaultTenant;
    }

    public void bind(Exchange exchange) {
        Caller caller = null;
        if (exchange.getIn() instanceof PlatformHttpMessage http) {
            caller = of(CONTEXTS.loadDeferredContext(http.getRequest()).get().getAuthentication());
        }
        if (caller == null) {
            throw new IllegalStateException("An API route ran without an authenticated caller");
        }
        exchange.setProperty("caller", caller);
        exchange.setProperty("callerSubject", caller.subject());
        exchange.setProperty("callerTenant", caller.tenant());
        exchange.setProperty("correlationId", exchange.getIn().getHeader("X-Correlation-ID", String.class));
    }

    /** The caller of a servlet request, or null before authentication or for an anonymous request. */
    public Caller of(HttpServletRequest request) {
        var context = CONTEXTS.loadDeferredContext(request).get();
        return context == null ? null : of(context.getAuthentication());
    }

    Caller of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        String subject = jwt.getClaimAsString(subjectClaim);
        String tenant = jwt.getClaimAsString(tenantClaim);
        return new Caller(subject, tenant == null || tenant.isBlank() ? defaultTenant : tenant,
                hasRole(authentication.getAuthorities(), Caller.ADMIN_ROLE));
    }

    private static boolean hasRole(Collection<? extends GrantedAuthority> authorities, String role) {
        return authorities.stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
