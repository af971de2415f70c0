package hub.security;

import hub.problem.ProblemException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * The problems of refused credentials and refused requests, with fixed details: what the client sent (a token, a
 * header value, a path) and what a parser said about it are never repeated in an answer.
 */
final class BearerProblems {

    static final String INVALID_TOKEN = "invalid-token";

    private BearerProblems() {
    }

    /** 401 {@code invalid-token} for a token that was presented and failed, {@code unauthorized} when there is none. */
    static ProblemException unauthorized(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth && "invalid_token".equals(oauth.getError().getErrorCode())) {
            return new ProblemException(401, INVALID_TOKEN, "Invalid token", "The bearer token is not valid: it is "
                    + "malformed, expired or not yet valid, not signed by a trusted key, for another issuer or audience, "
                    + "or a claim has the wrong type (sub and tid strings, roles a list of strings).");
        }
        return new ProblemException(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required (Authorization: Bearer <token>).");
    }

    /** The {@code WWW-Authenticate} challenge for a 401 problem (RFC 6750), without the parser's description. */
    static String challenge(ProblemException problem) {
        return INVALID_TOKEN.equals(problem.type())
                ? "Bearer error=\"invalid_token\", error_description=\"The bearer token is not valid.\""
                : "Bearer";
    }

    /** 400 for what Spring Security's firewall refused: a header ({@code invalid-header}) or the URL ({@code invalid-path}). */
    static ProblemException rejected(RequestRejectedException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("header")) {
            return RequestHeaders.invalidHeader(null);
        }
        if (message.contains("http method")) {
            return new ProblemException(400, "invalid-method", "Invalid method",
                    "The request method is not one the hub answers (GET, POST, OPTIONS, HEAD).");
        }
        return new ProblemException(400, "invalid-path", "Invalid request path", "The request path is not allowed: "
                + "it holds an encoded slash, backslash, dot segment or NUL, a control character, or another sequence "
                + "the hub refuses. The path is not repeated here.");
    }
}
