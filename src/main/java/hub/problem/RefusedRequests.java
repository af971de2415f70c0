package hub.problem;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MultipartException;

/**
 * The problem for whatever escaped the handlers: a problem thrown anywhere keeps its own; what the firewall or a
 * body parser refused is a 400; a Spring MVC error keeps its status; anything else is a 500 that reveals nothing. The
 * exception's message is never copied into the answer: it may quote a header, a token or a path.
 */
public final class RefusedRequests {

    private RefusedRequests() {
    }

    public static ProblemException problemFor(Throwable failure, int status) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
            if (t instanceof ProblemIOException io) {
                return io.problem();
            }
            if (t instanceof RequestRejectedException) {
                return new ProblemException(400, "invalid-request", "Invalid request", "The request holds a path, "
                        + "parameter or header the hub refuses (a control character, an encoded slash or dot segment); "
                        + "it is not repeated here.");
            }
            if (t instanceof MultipartException) {
                return new ProblemException(400, "malformed-body", "Malformed body",
                        "The request body could not be read as the content type it declares.");
            }
            if (t instanceof ErrorResponse spring) {
                return ofStatus(spring.getStatusCode().value());
            }
        }
        return ofStatus(failure == null ? status : 500);
    }

    /** A problem for a bare status (an error the container or Spring MVC raised without an exception). */
    public static ProblemException ofStatus(int status) {
        if (status == 503) {
            return new ProblemException(503, "service-unavailable", "Service unavailable",
                    "The hub cannot serve requests at the moment; retry later.");
        }
        if (status >= 500 || status < 400) {
            return new ProblemException(status >= 500 ? status : 500, "internal-error", "Internal error",
                    "The request failed unexpectedly; nothing was stored.");
        }
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String type = switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        return new ProblemException(status, type, title, detailOf(status));
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "Nothing is served at this path.";
            case 405 -> "This path does not answer this method.";
            case 415 -> "This content type is not accepted here.";
            default -> "The request was refused.";
        };
    }
}
