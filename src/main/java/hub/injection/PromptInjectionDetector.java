package hub.injection;

import hub.report.model.PromptInjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds passages of an article that read like instructions to the model rather than content: "ignore previous
 * instructions", "answer PASS", "you are now …", "system prompt", chat role markers, in English, German and French.
 * Deterministic and in-process; it only flags (the report's {@code promptInjection}), it changes no verdict. The
 * prompt never relies on it: the article is fenced as data whatever this finds (ADR 0010).
 */
public final class PromptInjectionDetector {

    /** More quotes than this add nothing for the reader; the report says how many there were. */
    static final int MAX_QUOTES = 20;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS
            | Pattern.MULTILINE;
    /** A few words between a verb and its object: "ignore all of the previous instructions". */
    private static final String FEW_WORDS = "(?:\\S+\\s+){0,4}?";
    /** The verdicts an injection would want; case-sensitive, so the ordinary word "pass" is not one. */
    private static final String VERDICT = "[\"'„“«»‚‘]?\\s*(?-i:PASS|NOT_APPLICABLE)\\b";
    private static final String MODEL = "(?:\\S+\\s+){0,2}?(?:assistant|AI|model|bot|chatbot|reviewer|auditor|DAN|"
            + "Assistent\\w*|KI|Modell|Prüfer\\w*|IA|modèle|réviseur|auditeur)\\b";

    private static final List<Signal> SIGNALS = List.of(
            new Signal("ignore-instructions", "\\b(?:ignore|disregard|forget|override)\\s+" + FEW_WORDS
                    + "(?:instructions?|prompts?|directives|(?:previous|prior|above|earlier|preceding|your|system)"
                    + "\\s+(?:rules|guidelines?|directions))\\b"),
            new Signal("ignore-instructions", "\\b(?:ignorier\\w*|vergiss|vergessen|missachte\\w*)\\s+" + FEW_WORDS
                    + "(?:Anweisung\\w*|Instruktion\\w*|Befehl\\w*|Prompts?|(?:vorherig|bisherig|obig|vorig)\\w*"
                    + "\\s+(?:Regeln|Vorgaben|Richtlinien))\\b"),
            new Signal("ignore-instructions", "\\b(?:ignore[zr]?|oublie[zr]?|néglige[zr]?)\\s+" + FEW_WORDS
                    + "(?:instructions?|consignes?|prompts?|(?:règles|directives)\\s+(?:précédentes|ci-dessus))"),
            new Signal("forced-verdict", "\\b(?:answer|respond|reply|return|output|say|verdict\\s+is|mark\\s+\\S+\\s+as)"
                    + "\\s+(?:with\\s+|only\\s+|just\\s+)*" + VERDICT),
            new Signal("forced-verdict", "\\b(?:antworte\\w*|gib|urteile\\w*|bewerte\\w*)\\s+" + FEW_WORDS + VERDICT),
            new Signal("forced-verdict", "\\b(?:réponds|répondez|répondre|renvoie[zr]?|donne[zr]?)\\s+" + FEW_WORDS
                    + VERDICT),
            new Signal("forced-verdict", "\"verdict\"\\s*:\\s*\"(?:PASS|NOT_APPLICABLE)\""),
            new Signal("role-change", "\\b(?:you\\s+are\\s+now|act\\s+as|pretend\\s+to\\s+be|du\\s+bist\\s+(?:jetzt|nun)|"
                    + "sie\\s+sind\\s+(?:jetzt|nun)|tu\\s+es\\s+(?:maintenant|désormais)|"
                    + "vous\\s+êtes\\s+(?:maintenant|désormais))\\s+" + MODEL),
            new Signal("prompt-reference", "\\b(?:system[\\s-]?prompt|systemanweisung\\w*|prompt\\s+système|"
                    + "invite\\s+système)\\b"),
            new Signal("role-marker", "^[ \\t]*(?:system|assistant|developer)\\s*:"),
            new Signal("role-marker", "<\\|\\s*(?:im_start|im_end|system|assistant|user|endoftext)\\s*\\|>"
                    + "|\\[/?INST\\]|<<\\s*/?SYS\\s*>>"));

    private PromptInjectionDetector() {
    }

    /** The suspicious passages of {@code text}, with offsets in UTF-16 code units of {@code text}. */
    public static PromptInjection detect(String text) {
        if (text == null || text.isEmpty()) {
            return PromptInjection.NONE;
        }
        List<PromptInjection.Quote> found = new ArrayList<>();
        for (Signal signal : SIGNALS) {
            Matcher m = signal.pattern().matcher(text);
            while (m.find()) {
                found.add(new PromptInjection.Quote(signal.name(), m.group(), m.start(), m.end() - m.start()));
            }
        }
        found.sort(Comparator.comparingInt(PromptInjection.Quote::offset)
                .thenComparing(q -> -q.length()));
        List<PromptInjection.Quote> distinct = new ArrayList<>();
        int coveredTo = -1;
        for (PromptInjection.Quote q : found) {
            if (q.offset() >= coveredTo) {
                distinct.add(q);
                coveredTo = q.offset() + q.length();
            }
        }
        return distinct.isEmpty() ? PromptInjection.NONE
                : new PromptInjection(true, distinct.size(), List.copyOf(distinct.subList(0, Math.min(MAX_QUOTES,
                        distinct.size()))));
    }

    private record Signal(String name, Pattern pattern) {
        Signal(String name, String regex) {
            this(name, Pattern.compile(regex, FLAGS));
        }
    }
}
