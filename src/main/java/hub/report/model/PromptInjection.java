package hub.report.model;

import java.util.List;

/**
 * Whether an article reads like it tries to instruct the model, with the passages that do: {@code signal} names the
 * kind (ignore-instructions, forced-verdict, role-change, prompt-reference, role-marker); {@code offset} and
 * {@code length} are UTF-16 code units in the article text as submitted. {@code count} is the number of passages,
 * of which at most 20 are quoted.
 */
public record PromptInjection(boolean suspected, int count, List<Quote> quotes) {

    public static final PromptInjection NONE = new PromptInjection(false, 0, List.of());

    public record Quote(String signal, String quote, int offset, int length) {}
}
