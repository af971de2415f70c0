package hub.rules;

import hub.article.PlainText;
import hub.guideline.Checks;
import hub.guideline.Checks.ForbiddenTerm;
import hub.guideline.Checks.PatternCheck;
import hub.guideline.Checks.RequiredPhrase;
import hub.guideline.Guideline;
import hub.guideline.HitExceptions;
import hub.report.model.Finding;
import hub.vale.Rule;
import hub.vale.ValeAlert;
import hub.vale.ValeDocument;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deterministic {@link Checks} of a guideline against the visible text of an article. Findings are
 * located in the submitted text (see {@link PlainText}) and sorted by offset, article-level findings last.
 *
 * <p>Terms and phrases match case-insensitively (unless marked case-sensitive), only as whole words at the ends that
 * are letters or digits, with any white space run (line breaks, no-break spaces) between their words, and with
 * typographic apostrophes and hyphens matching ASCII ones. Every line break ends a sentence; blank lines separate
 * paragraphs.
 */
@Component
public class RuleEngine {

    /** A word: letters and digits, joined by apostrophes and hyphens ("don't", "well-known") or decimal marks. */
    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:(?:['’\\-‐‑]|(?<=\\p{N})[.,](?=\\p{N}))[\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\u2028\\u2029]");
    private static final int PATTERN_FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Compiled terms, phrases and regexes, keyed by everything that determines the compiled pattern. */
    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();
    /** The literal prefixes of the regexes ({@link LiteralPrefixes}), case-folded for case-insensitive ones. */
    private final Map<String, Optional<List<String>>> prefixes = new ConcurrentHashMap<>();
    private final HitContext contexts = new HitContext(this::phrase);

    public List<Finding> check(Guideline guideline, PlainText article) {
        return check(guideline, article, Locale.ENGLISH);
    }

    /**
     * As {@link #check(Guideline, PlainText)}, splitting sentences by the rules of {@code language} (null: English).
     * Term and pattern hits that the guideline's exceptions excuse are left out; hits that need review are marked so;
     * overlapping hits merge into one finding.
     */
    public List<Finding> check(Guideline guideline, PlainText article, Locale language) {
        Checks checks = guideline.checks();
        RuleMessages messages = RuleMessages.of(checks.exceptions().cues().language());
        List<Finding> findings = new ArrayList<>();
        List<Finding> hits = new ArrayList<>();
        for (ForbiddenTerm term : checks.forbiddenTerms()) {
            forbiddenTerm(term, checks.exceptions(), article, messages, hits);
        }
        for (PatternCheck pattern : checks.patterns()) {
            pattern(pattern, checks.exceptions(), article, messages, hits);
        }
        findings.addAll(OverlappingFindings.merge(hits, article.source()));
        for (RequiredPhrase phrase : checks.requiredPhrases()) {
            requiredPhrase(phrase, article, messages, findings);
        }
        if (checks.maxSentenceWords() != null) {
            sentenceLength(checks.maxSentenceWords(), article, language == null ? Locale.ENGLISH : language, messages,
                    findings);
        }
        if (checks.maxParagraphWords() != null) {
            paragraphLength(checks.maxParagraphWords(), article, messages, findings);
        }
        if (checks.vale() != null) {
            vale(checks.vale(), article, findings);
        }
        findings.sort(Comparator.comparing(Finding::offset, Comparator.nullsLast(Comparator.naturalOrder())));
        return findings;
    }

    /**
     * Throws {@link IllegalArgumentException} naming the faulty check (e.g. {@code patterns[1].regex}) if the
     * guideline's checks cannot be evaluated; compiles and caches the patterns on the way.
     */
    public void validate(Guideline guideline) {
        Checks checks = guideline.checks();
        for (int i = 0; i < checks.forbiddenTerms().size(); i++) {
            require(!isBlank(checks.forbiddenTerms().get(i).term()), "forbiddenTerms[" + i + "].term is blank");
        }
        for (int i = 0; i < checks.requiredPhrases().size(); i++) {
            RequiredPhrase required = checks.requiredPhrases().get(i);
            require(!required.anyOf().isEmpty() || !required.patterns().isEmpty(),
                    "requiredPhrases[" + i + "] needs anyOf or patterns");
            require(required.anyOf().stream().noneMatch(RuleEngine::isBlank),
                    "requiredPhrases[" + i + "].anyOf contains a blank phrase");
            compiles(required.patterns(), "requiredPhrases[" + i + "].patterns");
            compiles(required.when() == null ? List.of() : List.of(required.when()), "requiredPhrases[" + i + "].when");
            compiles(required.unless() == null ? List.of() : List.of(required.unless()),
                    "requiredPhrases[" + i + "].unless");
        }
        compiles(checks.exceptions().patterns(), "exceptions.patterns");
        compiles(checks.exceptions().review(), "exceptions.review");
        require(checks.exceptions().phrases().stream().noneMatch(RuleEngine::isBlank),
                "exceptions.phrases contains a blank phrase");
        for (int i = 0; i < checks.patterns().size(); i++) {
            PatternCheck check = checks.patterns().get(i);
            require(!isBlank(check.regex()), "patterns[" + i + "].regex is blank");
            try {
                regex(check);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("patterns[" + i + "].regex does not compile: "
                        + e.getDescription() + " in " + check.regex(), e);
            }
        }
        require(checks.maxSentenceWords() == null || checks.maxSentenceWords() > 0,
                "maxSentenceWords must be positive");
        require(checks.maxParagraphWords() == null || checks.maxParagraphWords() > 0,
                "maxParagraphWords must be positive");
    }

    private void compiles(List<String> regexes, String where) {
        for (int i = 0; i < regexes.size(); i++) {
            require(!isBlank(regexes.get(i)), where + "[" + i + "] is blank");
            try {
                regex(regexes.get(i), false);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + "[" + i + "] does not compile: " + e.getDescription()
                        + " in " + regexes.get(i), e);
            }
        }
    }

    /** A Vale rule runs on the submitted text parsed into Vale's scopes, once per article for all its rules. */
    private void vale(Rule rule, PlainText article, List<Finding> findings) {
        ValeDocument document = ValeDocument.cached(article, article.source(), article.format(), article.markup());
        String source = article.source();
        for (ValeAlert a : rule.check(document)) {
            if (a.match().isEmpty()) {
                findings.add(new Finding(a.rule(), a.message(), null, null, 0, a.suggestion(), a.link()));
            } else {
                findings.add(new Finding(a.rule(), a.message(), source.substring(a.start(), a.end()), a.start(),
                        a.end() - a.start(), a.suggestion(), a.link()));
            }
        }
    }

    private void forbiddenTerm(ForbiddenTerm term, HitExceptions exceptions, PlainText article, RuleMessages messages,
                               List<Finding> hits) {
        if (!mayContain(article, term.term(), term.caseSensitive())) {
            return;
        }
        String message = term.message() != null ? term.message() : messages.get("avoid", term.term().strip());
        PrefixedMatches matcher = phraseMatches(term.term(), term.caseSensitive(), article);
        while (matcher.find()) {
            if (exceptions.firstUseOnly()) {
                firstUse(matcher, message, term, exceptions, article, hits);
                return;
            }
            hit("forbidden-term", matcher.start(), matcher.end(), message, term.suggestion(), term.review(),
                    exceptions, article, hits);
        }
    }

    /**
     * Only the first use of a term counts; when it is not explained there but a later use is ("… through drawdown.
     * … Drawdown means …"), the term is explained in the article, only late, and the hit needs review.
     */
    private void firstUse(PrefixedMatches matcher, String message, ForbiddenTerm term, HitExceptions exceptions,
                          PlainText article, List<Finding> hits) {
        int start = matcher.start();
        int end = matcher.end();
        HitContext.Kind kind = contexts.judge(article.text(), start, end, exceptions);
        if (kind == HitContext.Kind.EXCUSED) {
            return;
        }
        boolean explainedLater = false;
        while (!explainedLater && matcher.find()) {
            explainedLater = contexts.judge(article.text(), matcher.start(), matcher.end(), exceptions)
                    == HitContext.Kind.EXCUSED;
        }
        record("forbidden-term", start, end, message, term.suggestion(), term.review() || explainedLater, kind,
                article, hits);
    }

    /** A term or pattern hit, unless its context excuses it; marked for review when it is ambiguous. */
    private void hit(String checkId, int start, int end, String message, String suggestion, boolean review,
                     HitExceptions exceptions, PlainText article, List<Finding> hits) {
        record(checkId, start, end, message, suggestion, review,
                contexts.judge(article.text(), start, end, exceptions), article, hits);
    }

    private static void record(String checkId, int start, int end, String message, String suggestion, boolean review,
                               HitContext.Kind kind, PlainText article, List<Finding> hits) {
        if (kind == HitContext.Kind.EXCUSED) {
            return;
        }
        Finding finding = article.locate(checkId, start, end, message, suggestion);
        hits.add(review || kind == HitContext.Kind.REVIEW ? finding.needingReview() : finding);
    }

    private void requiredPhrase(RequiredPhrase required, PlainText article, RuleMessages messages,
                                List<Finding> findings) {
        if (required.when() != null && !finds(article, required.when())
                || required.unless() != null && finds(article, required.unless())) {
            return;
        }
        boolean present = required.anyOf().stream()
                .anyMatch(phrase -> mayContain(article, phrase, false) && phraseMatches(phrase, false, article).find())
                || required.patterns().stream().anyMatch(p -> finds(article, p));
        if (!present) {
            String message = required.message() != null ? required.message()
                    : messages.get("required.missing", required.anyOf().stream()
                            .map(phrase -> "\"" + phrase + "\"").collect(Collectors.joining(", ")));
            findings.add(Finding.articleLevel("required-phrase", message, null));
        }
    }

    private void pattern(PatternCheck check, HitExceptions exceptions, PlainText article, RuleMessages messages,
                         List<Finding> hits) {
        PrefixedMatches matcher = regexMatches(check.regex(), check.caseSensitive(), article);
        HitExceptions patternExceptions = exceptions.forPattern();
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                String message = check.message() != null ? check.message() : messages.get("avoid", matcher.group());
                hit("pattern", matcher.start(), matcher.end(), message, check.suggestion(), check.review(),
                        patternExceptions, article, hits);
            }
        }
    }

    private void sentenceLength(int max, PlainText article, Locale language, RuleMessages messages,
                                List<Finding> findings) {
        String text = article.text();
        BreakIterator sentences = BreakIterator.getSentenceInstance(language);
        for (int[] line : lines(text)) {
            sentences.setText(text.substring(line[0], line[1]));
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                tooLong(article, line[0] + start, line[0] + end, max, "sentence-length", "sentence", messages,
                        findings);
            }
        }
    }

    private void paragraphLength(int max, PlainText article, RuleMessages messages, List<Finding> findings) {
        int paragraphStart = -1;
        int paragraphEnd = 0;
        for (int[] line : lines(article.text())) {
            boolean blank = isBlank(article.text().substring(line[0], line[1]));
            if (!blank && paragraphStart < 0) {
                paragraphStart = line[0];
            }
            if (blank && paragraphStart >= 0) {
                tooLong(article, paragraphStart, paragraphEnd, max, "paragraph-length", "paragraph", messages,
                        findings);
                paragraphStart = -1;
            }
            paragraphEnd = line[1];
        }
        if (paragraphStart >= 0) {
            tooLong(article, paragraphStart, paragraphEnd, max, "paragraph-length", "paragraph", messages, findings);
        }
    }

    /** Adds a finding covering [start, end) without surrounding white space if it has more than {@code max} words. */
    private static void tooLong(PlainText article, int from, int to, int max, String checkId, String unit,
                                RuleMessages messages, List<Finding> findings) {
        String text = article.text();
        int start = from;
        int end = to;
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        long words = WORD.matcher(text).region(start, end).results().count();
        if (words > max) {
            findings.add(article.locate(checkId, start, end, messages.get(unit + ".too-long", words, max),
                    messages.get(unit + ".suggestion")));
        }
    }

    /** {start, endExclusive} of every line, without its line break. */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        Matcher breaks = LINE_BREAK.matcher(text);
        int start = 0;
        while (breaks.find()) {
            lines.add(new int[] {start, breaks.start()});
            start = breaks.end();
        }
        lines.add(new int[] {start, text.length()});
        return lines;
    }

    /**
     * False when the phrase cannot match: its first word (letters and digits only, which match literally) is not in
     * the text. Saves a regex scan of the whole article for the many terms an article does not contain.
     */
    static boolean mayContain(PlainText article, String phrase, boolean caseSensitive) {
        String word = firstWord(phrase);
        if (word.isEmpty()) {
            return true;
        }
        if (caseSensitive) {
            return article.text().contains(word);
        }
        return article.folded().contains(PlainText.fold(word));
    }

    /** The letters and digits a phrase starts with: every match of {@link #phrase} starts with them. */
    private static String firstWord(String phrase) {
        String stripped = phrase.strip();
        int end = 0;
        while (end < stripped.length() && Character.isLetterOrDigit(stripped.charAt(end))
                && !Character.isSurrogate(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end);
    }

    /** Whether the case-insensitive {@code regex} matches somewhere in the article. */
    private boolean finds(PlainText article, String regex) {
        return regexMatches(regex, false, article).find();
    }

    /** The matches of a term or phrase, tried only where its first word occurs. */
    private PrefixedMatches phraseMatches(String phrase, boolean caseSensitive, PlainText article) {
        String word = firstWord(phrase);
        Pattern pattern = phrase(phrase, caseSensitive);
        if (word.isEmpty()) {
            return PrefixedMatches.everywhere(pattern, article.text());
        }
        return caseSensitive ? new PrefixedMatches(pattern, article.text(), article.text(), List.of(word))
                : new PrefixedMatches(pattern, article.text(), article.folded(), List.of(PlainText.fold(word)));
    }

    /**
     * The matches of {@code regex}, tried only where one of the literal texts every match starts with occurs
     * ({@link LiteralPrefixes}); at every position when they cannot be told. An article that holds none of them is
     * not scanned at all.
     */
    private PrefixedMatches regexMatches(String regex, boolean caseSensitive, PlainText article) {
        Optional<List<String>> literal = prefixes.computeIfAbsent((caseSensitive ? "cs:" : "ci:") + regex,
                key -> LiteralPrefixes.of(regex).map(found -> caseSensitive ? found
                        : found.stream().map(PlainText::fold).toList()));
        Pattern pattern = regex(regex, caseSensitive);
        if (literal.isEmpty()) {
            return PrefixedMatches.everywhere(pattern, article.text());
        }
        return new PrefixedMatches(pattern, article.text(), caseSensitive ? article.text() : article.folded(),
                literal.get());
    }

    /** A term or phrase: literal, whole-word at letter/digit ends, tolerant of white space and typography. */
    private Pattern phrase(String phrase, boolean caseSensitive) {
        return compiled.computeIfAbsent((caseSensitive ? "phrase:cs:" : "phrase:ci:") + phrase,
                key -> Pattern.compile(phraseRegex(phrase.strip()),
                        PATTERN_FLAGS | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE)));
    }

    private Pattern regex(PatternCheck check) {
        return regex(check.regex(), check.caseSensitive());
    }

    private Pattern regex(String regex, boolean caseSensitive) {
        return compiled.computeIfAbsent((caseSensitive ? "regex:cs:" : "regex:ci:") + regex,
                key -> Pattern.compile(regex, PATTERN_FLAGS | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE)));
    }

    private static String phraseRegex(String phrase) {
        StringBuilder regex = new StringBuilder();
        if (isWordChar(phrase.codePointAt(0))) {
            regex.append("\\b");
        }
        boolean afterSpace = false;
        for (int c : phrase.codePoints().toArray()) {
            boolean space = isSpace(c);
            if (!space) {
                regex.append(literal(c));
            } else if (!afterSpace) {
                regex.append("\\s+");
            }
            afterSpace = space;
        }
        if (isWordChar(phrase.codePointBefore(phrase.length()))) {
            regex.append("\\b");
        }
        return regex.toString();
    }

    private static String literal(int codePoint) {
        return switch (codePoint) {
            case '\'', '’', 'ʼ' -> "['’ʼ]";
            case '-', '‐', '‑' -> "[-‐‑]";
            default -> Character.isLetterOrDigit(codePoint)
                    ? Character.toString(codePoint)
                    : String.format("\\x{%x}", codePoint);
        };
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isBlank(String s) {
        return s == null || s.codePoints().allMatch(RuleEngine::isSpace);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
