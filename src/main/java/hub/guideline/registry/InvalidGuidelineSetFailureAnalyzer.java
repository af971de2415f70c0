package hub.guideline.registry;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Ends a start-up stopped by a broken guideline set with its one-line message and what to do, not a stack trace. */
class InvalidGuidelineSetFailureAnalyzer extends AbstractFailureAnalyzer<InvalidGuidelineSetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidGuidelineSetException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the guideline set (the file named above) and start the hub again; the format is in the "
                        + "README's section \"Guideline sets\".", cause);
    }
}
