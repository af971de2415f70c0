package hub.report.model;

public enum Verdict {
    PASS, FAIL, WARN, NOT_APPLICABLE, NOT_EVALUATED, ERROR;

    /** Verdicts that judged the guideline (coverage counts them; NOT_EVALUATED and ERROR did not judge it). */
    public boolean isJudged() {
        return this == PASS || this == FAIL || this == WARN || this == NOT_APPLICABLE;
    }
}
