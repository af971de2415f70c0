package hub.problem;

import java.io.IOException;

/**
 * A client error found while the request body is read (it grew past the size limit): an {@link IOException}, as
 * the stream contract demands, that still answers with its problem instead of a 503 store outage.
 */
public class ProblemIOException extends IOException {

    private final transient ProblemException problem;

    public ProblemIOException(ProblemException problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemException problem() {
        return problem;
    }
}
