package hub.rules;

import hub.guideline.HitExceptions;
import hub.guideline.LanguageCues;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides what a term or pattern hit means where it stands, by the guideline's {@link HitExceptions}: no violation
 * (denied, reported in a warning to the reader, a named person's role, part of a company or product name, inside an
 * acceptable phrase), a hit that needs review (inside quotation marks), or a plain hit. Works on the article's
 * plain text; a clause ends at . ! ? ; : , a dash between spaces or a line break, a sentence at . ! ? or a line break.
 */
final class HitContext {

    /** What a hit is where it stands. */
    enum Kind { HIT, REVIEW, EXCUSED }

    /** How many words before a hit a negation cue may stand and still deny it. */
    private static final int NEGATION_WORDS = 6;
    /** How many words may stand between a hit and the denial that follows it. */
    private static final int DENIAL_GAP_WORDS = 2;
    private static final int CONTEXT_CHARS = 300;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}'’-]+");
    private static final Pattern PREVIOUS_WORD = Pattern.compile("([\\p{L}\\p{N}'’-]+)[ \\t]+$");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private final Map<LanguageCues, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    private final java.util.function.BiFunction<String, Boolean, Pattern> phrase;

    /** {@code phrase} compiles a phrase the way terms are matched (whole words, tolerant of white space). */
    HitContext(java.util.function.BiFunction<String, Boolean, Pattern> phrase) {
        this.phrase = phrase;
    }

    Kind judge(String text, int start, int end, HitExceptions exceptions) {
        if (exceptions.isEmpty()) {
            return Kind.HIT;
        }
        Compiled cues = compiled.computeIfAbsent(exceptions.cues(), Compiled::new);
        for (String acceptable : exceptions.phrases()) {
            if (covers(phrase.apply(acceptable, false), text, start, end)) {
                return Kind.EXCUSED;
            }
        }
        for (String acceptable : exceptions.patterns()) {
            if (covers(patterns.computeIfAbsent(acceptable, p -> Pattern.compile(p, FLAGS)), text, start, end)) {
                return Kind.EXCUSED;
            }
        }
        if (exceptions.negation() && (cues.negatedBefore(text, start) || cues.deniedAfter(text, end))) {
            return Kind.EXCUSED;
        }
        if (exceptions.warnings() && cues.inWarning(text, start, end)) {
            return Kind.EXCUSED;
        }
        if (exceptions.namedPerson() && cues.nextToName(text, start, end)) {
            return Kind.EXCUSED;
        }
        if (exceptions.productName() && cues.inName(text, start, end)) {
            return Kind.EXCUSED;
        }
        if (exceptions.properNoun() && cues.usedAsName(text, start, end)) {
            return Kind.EXCUSED;
        }
        if (exceptions.productName() && inTitleCaseRun(text, start, end)) {
            return Kind.REVIEW;
        }
        for (String doubtful : exceptions.review()) {
            if (covers(patterns.computeIfAbsent(doubtful, p -> Pattern.compile(p, FLAGS)), text, start, end)) {
                return Kind.REVIEW;
            }
        }
        if (exceptions.quoted() && inQuotes(text, start, end)) {
            return Kind.REVIEW;
        }
        return Kind.HIT;
    }

    /** True when a match of {@code pattern} near the hit covers all of it. */
    private static boolean covers(Pattern pattern, String text, int start, int end) {
        Matcher m = pattern.matcher(text).region(Math.max(0, start - CONTEXT_CHARS),
                Math.min(text.length(), end + CONTEXT_CHARS));
        m.useTransparentBounds(true);
        while (m.find()) {
            if (m.start() <= start && m.end() >= end) {
                return true;
            }
            if (m.start() > start) {
                return false;
            }
        }
        return false;
    }

    /**
     * True when the hit, inside a sentence (not at its start), is capitalised word by word and joined to another
     * capitalised word: "the Last Chance Saver" reads as a name, not as the writer's words.
     */
    static boolean inTitleCaseRun(String text, int start, int end) {
        String hit = text.substring(start, end);
        Matcher words = WORD.matcher(hit);
        while (words.find()) {
            if (!Character.isUpperCase(words.group().charAt(0))) {
                return false;
            }
        }
        if (opensItsSentence(text, start)) {
            return false;
        }
        Matcher next = WORD.matcher(text);
        boolean capitalAfter = next.find(end) && text.substring(end, next.start()).matches("[ \t]+")
                && Character.isUpperCase(next.group().charAt(0));
        Matcher previous = PREVIOUS_WORD.matcher(text.substring(Math.max(0, start - 40), start));
        boolean capitalBefore = previous.find() && Character.isUpperCase(previous.group(1).charAt(0))
                && !isSentenceStartWord(text, start - previous.group().length());
        return capitalAfter || capitalBefore;
    }

    /**
     * True when the word at {@code start} is capitalised inside a running sentence: not its first word, not after a
     * quotation mark, heading or list marker, in a sentence that ends like one and is not in title case ("Grace Best,
     * who leads our savings team, explains…", not "Our Best Rates Ever").
     */
    static boolean capitalisedInSentence(String text, int start) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        if (opensItsSentence(text, start)) {
            return false;
        }
        String sentence = text.substring(sentenceStart(text, start), Math.min(text.length(), sentenceEnd(text, start) + 1));
        return sentence.strip().matches("(?s).*[.!?][\"”’')]*") && !titleCase(sentence);
    }

    /** A headline's capitalisation: at most one of the sentence's words of four letters or more is in lower case. */
    private static boolean titleCase(String sentence) {
        Matcher words = WORD.matcher(sentence);
        int lowerCase = 0;
        while (words.find()) {
            if (words.group().length() >= 4 && Character.isLowerCase(words.group().charAt(0))) {
                lowerCase++;
            }
        }
        return lowerCase < 2;
    }

    /** Nothing but white space, a quotation mark, a heading or list marker stands between the sentence and here. */
    private static boolean opensItsSentence(String text, int start) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        return before < 0 || isSentenceEnd(text, before) || ":#*-•>\"“„'‘(".indexOf(text.charAt(before)) >= 0;
    }

    private static boolean isSentenceStartWord(String text, int wordStart) {
        int i = wordStart - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || isSentenceEnd(text, i);
    }

    /** True when the hit sits between an opening and a closing quotation mark of its line. */
    static boolean inQuotes(String text, int start, int end) {
        int lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        boolean open = false;
        boolean german = false;
        boolean single = false;
        for (int i = lineStart; i < start; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> open = !open;
                case '„', '«', '‹' -> { open = true; german = c == '„'; }
                case '”', '»', '›' -> open = false;
                case '“' -> { open = !(open && german); german = false; }
                case '‘' -> single = true;
                case '’' -> single = single && !closesSingle(text, i);
                case '\'' -> single = single ? !closesSingle(text, i) : opensSingle(text, i);
                default -> { }
            }
        }
        if (open) {
            for (int i = end; i < lineEnd; i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '”' || c == '“' || c == '»' || c == '›') {
                    return true;
                }
            }
        }
        if (single) {
            for (int i = end; i < lineEnd; i++) {
                char c = text.charAt(i);
                if ((c == '’' || c == '\'') && closesSingle(text, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A single quotation mark that opens: after white space, a bracket or the start, before a letter or digit. */
    private static boolean opensSingle(String text, int i) {
        boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{".indexOf(text.charAt(i - 1)) >= 0;
        return before && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** A single quotation mark that closes, not an apostrophe: not followed by a letter ("don't", "layman's"). */
    private static boolean closesSingle(String text, int i) {
        return i + 1 == text.length() || !Character.isLetter(text.charAt(i + 1));
    }

    static int clauseStart(String text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (isClauseEnd(c) || isDashBetweenSpaces(text, i)) {
                return i + 1;
            }
        }
        return 0;
    }

    static int clauseEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isClauseEnd(text.charAt(i)) || isDashBetweenSpaces(text, i)) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isClauseEnd(char c) {
        return switch (c) {
            case '.', '!', '?', ';', ':', ',', '\n', '\r', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }

    private static boolean isDashBetweenSpaces(String text, int i) {
        char c = text.charAt(i);
        return (c == '–' || c == '—' || c == '-') && i > 0 && i + 1 < text.length()
                && Character.isWhitespace(text.charAt(i - 1)) && Character.isWhitespace(text.charAt(i + 1));
    }

    private static int sentenceStart(String text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (isSentenceEnd(text, i)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isSentenceEnd(text, i)) {
                return i;
            }
        }
        return text.length();
    }

    /** A line break, or . ! ? followed by white space or the end (so "0.5%" and "z.B." do not end a sentence). */
    private static boolean isSentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
            return true;
        }
        return (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** The cues of one set, compiled once. */
    private static final class Compiled {
        private final Pattern negation;
        private final Pattern denial;
        private final Pattern warning;
        private final Pattern nameAfter;
        private final Pattern nameBefore;
        private final List<String> nameEndings;
        private final Pattern speech;

        Compiled(LanguageCues cues) {
            negation = anyOf(cues.negation());
            denial = cues.denial().isEmpty() ? null : Pattern.compile("^[\\s\\p{Pd}]*(?:[\\p{L}\\p{N}'’-]+\\s+){0,"
                    + DENIAL_GAP_WORDS + "}?(?:" + alternatives(cues.denial()) + ")(?![\\p{L}\\p{N}])", FLAGS);
            warning = anyOf(cues.warnings());
            String honorific = cues.honorifics().isEmpty() ? null
                    : "(?:" + cues.honorifics().stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\.?";
            String capitalised = "\\p{Lu}[\\p{Ll}'’-]+";
            String name = (honorific == null ? "" : "(?:" + honorific + "\\s+" + capitalised + "(?:\\s+" + capitalised
                    + ")*|") + capitalised + "(?:\\s+" + capitalised + ")+" + (honorific == null ? "" : ")");
            nameAfter = Pattern.compile("^,?\\s+" + name + "(?![\\p{L}])");
            nameBefore = Pattern.compile("(?<![\\p{L}])" + name + "\\s*(?:,|\\s(?:is|was|ist|war|als))\\s+"
                    + "(?:[\\p{L}'’-]+\\s+){0,2}$");
            nameEndings = cues.nameEndings();
            speech = cues.speech().isEmpty() ? null
                    : Pattern.compile("\\s+(?:" + alternatives(cues.speech()) + ")(?![\\p{L}\\p{N}])", FLAGS);
        }

        /** A negation cue among the last few words of the hit's clause before it. */
        boolean negatedBefore(String text, int start) {
            if (negation == null) {
                return false;
            }
            int from = clauseStart(text, start);
            String before = text.substring(from, start);
            Matcher words = WORD.matcher(before);
            int count = 0;
            while (words.find()) {
                count++;
            }
            int skip = Math.max(0, count - NEGATION_WORDS);
            words.reset();
            int windowStart = 0;
            for (int i = 0; i <= skip && words.find(); i++) {
                windowStart = words.start();
            }
            return negation.matcher(before.substring(skip == 0 ? 0 : windowStart)).find();
        }

        /** A denial right after the hit in its clause ("… do not exist"). */
        boolean deniedAfter(String text, int end) {
            return denial != null && denial.matcher(text.substring(end, clauseEnd(text, end))).find();
        }

        boolean inWarning(String text, int start, int end) {
            return warning != null
                    && warning.matcher(text.substring(sentenceStart(text, start), sentenceEnd(text, end))).find();
        }

        boolean nextToName(String text, int start, int end) {
            String after = text.substring(end, Math.min(text.length(), end + 80));
            String before = text.substring(Math.max(0, start - 80), start);
            return nameAfter.matcher(after).find() || nameBefore.matcher(before).find();
        }

        /**
         * The hit starts with a capital letter inside a run of capitalised words (on its line) that holds a company
         * or product name ending ("Best Life Insurance Ltd", "Sicher Invest AG").
         */
        boolean inName(String text, int start, int end) {
            if (nameEndings.isEmpty() || !Character.isUpperCase(text.charAt(start))) {
                return false;
            }
            int to = end;
            Matcher word = WORD.matcher(text);
            while (word.find(to) && text.substring(to, word.start()).matches("[ \\t&]*")
                    && Character.isUpperCase(text.charAt(word.start()))) {
                if (nameEndings.contains(word.group())) {
                    return true;
                }
                to = word.end();
            }
            return false;
        }

        /**
         * The capitalised hit is a name: capitalised inside a running sentence, or, at the start of a sentence, a
         * name the text uses as such elsewhere (inside a sentence, or in a company name) and reads as one here:
         * followed by the same capitalised word ("Best Life's policies" after "Best Life Insurance Ltd") or by a
         * verb of speech ("Best says…" after "Grace Best"); "Best rates in town" stays a hit.
         */
        boolean usedAsName(String text, int start, int end) {
            if (capitalisedInSentence(text, start)) {
                return true;
            }
            Matcher first = WORD.matcher(text);
            if (!Character.isUpperCase(text.charAt(start)) || !first.find(start) || first.start() != start) {
                return false;
            }
            Matcher next = WORD.matcher(text);
            boolean capitalNext = next.find(first.end()) && text.substring(first.end(), next.start()).isBlank()
                    && Character.isUpperCase(next.group().charAt(0));
            boolean speaks = speech != null && speech.matcher(text.substring(first.end())).lookingAt();
            if (!capitalNext && !speaks) {
                return false;
            }
            String name = Pattern.quote(first.group())
                    + (capitalNext ? "\\s+" + Pattern.quote(next.group().replaceFirst("['’]s$", "")) : "");
            Matcher again = Pattern.compile("(?<![\\p{L}\\p{N}])" + name + "(?![\\p{L}\\p{N}])").matcher(text);
            while (again.find()) {
                if (again.start() != start
                        && (capitalisedInSentence(text, again.start()) || inName(text, again.start(), again.end()))) {
                    return true;
                }
            }
            return false;
        }

        private static Pattern anyOf(List<String> cues) {
            return cues.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives(cues)
                    + ")(?![\\p{L}\\p{N}])", FLAGS);
        }

        /** The cues as regex alternatives: literal text, any white space between words, longest first. */
        private static String alternatives(List<String> cues) {
            return cues.stream().sorted((a, b) -> b.length() - a.length())
                    .map(c -> Pattern.quote(c.strip()).replace(" ", "\\E\\s+\\Q")
                            .replace("'", "\\E['’]\\Q"))
                    .collect(Collectors.joining("|"));
        }
    }
}
