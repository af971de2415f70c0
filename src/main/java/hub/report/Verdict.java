package hub.report;

public enum Verdict {
    PASS, FAIL, WARN, NOT_APPLICABLE, NOT_EVALUATED, ERROR;

    /** Verdicts that count towards the score. */
    public boolean isScored() {
        return this == PASS || this == FAIL || this == WARN;
    }
}
