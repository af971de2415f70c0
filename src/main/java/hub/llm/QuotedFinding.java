package hub.llm;

/**
 * A finding as the model stated it. {@code quote} is the model's claimed verbatim excerpt of the article, not yet
 * located; {@code suggestion} may be null.
 */
public record QuotedFinding(String quote, String message, String suggestion) {}
