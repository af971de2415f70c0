package hub.vale;

/** How Vale wraps a rule's alternatives: on word boundaries unless {@code nonword}, optionally ignoring case. */
final class WordTemplate {

    private WordTemplate() {
    }

    static String wrap(String alternatives, boolean words, boolean ignoreCase) {
        String body = words ? "(?m)\\b(?:" + alternatives + ")\\b" : "(?m)(?:" + alternatives + ")";
        return ignoreCase ? "(?i)" + body : body;
    }
}
