package hub.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver} with a fast path for the usual request: an
 * {@code Authorization: Bearer <token>} header on a request that cannot also carry a token as a parameter (no query
 * string, not a form). The default resolver matches every header against a case-insensitive regular expression,
 * which backtracks over the whole token: about 3 % of the CPU of the hub's cheapest API call (docs/performance.md).
 * The fast path accepts exactly what that expression accepts ({@code Bearer}, one space, the RFC 6750 token68
 * characters, then any {@code =} padding); every other request goes to the default resolver, so a missing,
 * malformed or duplicated token is answered exactly as before.
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    private final BearerTokenResolver fallback = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && request.getQueryString() == null && !isForm(request.getContentType())
                && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) && isToken68(header, SCHEME.length())) {
            return header.substring(SCHEME.length());
        }
        return fallback.resolve(request);
    }

    /** One or more token68 characters from {@code start}, then only {@code =} to the end (RFC 6750, section 2.1). */
    static boolean isToken68(String value, int start) {
        int i = start;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                0, MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }
}
