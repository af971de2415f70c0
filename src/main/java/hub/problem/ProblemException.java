package hub.problem;

import java.util.Map;

/**
 * A client-facing failure rendered as RFC 9457 {@code application/problem+json}. {@code type} is a short slug
 * that becomes {@code https://compliance-hub.dev/problems/<slug>}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + id + "' does not exist");
    }
}
