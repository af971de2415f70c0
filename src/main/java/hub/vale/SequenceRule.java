package hub.vale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sequence}: a run of words, each described by a {@code pattern} (a regular expression found in the word),
 * a part-of-speech {@code tag} (a regular expression found in the word's Penn Treebank tag, from {@link PosTagger}),
 * or both; {@code negate} turns a token's test around and {@code skip: n} lets up to {@code n} other words come
 * before it. The rule is always sentence-scoped. As in Vale, the first token with a (not negated) pattern is the
 * anchor: for every match of its pattern in the sentence the next word it matches, not used as an anchor before,
 * is tried, and the tokens to its left and right are checked word by word. The message's {@code %s} (or
 * {@code %[n]s}) take the matched words in order; the alert is on the first place the sentence reads as those words
 * joined by spaces (a word starting with an apostrophe joins without one), as Vale places it.
 */
final class SequenceRule extends Rule {

    private record Token(String pattern, String tag, int skip, boolean negate, Pattern re, Pattern tagRe,
            boolean optional, boolean start, boolean end) {

        Token optional(boolean value) {
            return new Token(pattern, tag, skip, negate, re, tagRe, value, start, end);
        }
    }

    private record Step(String text, int word) {}

    private final List<Token> tokens;
    private final boolean needsTagging;

    SequenceRule(RuleSpec spec) {
        super(spec, Scope.of(List.of("sentence")));
        if (!PosTagger.available()) {
            throw new IllegalArgumentException("no part-of-speech model " + PosTagger.MODEL + " on the classpath");
        }
        boolean ignoreCase = spec.bool("ignorecase");
        List<Token> list = new ArrayList<>();
        boolean tagging = false;
        Object raw = spec.values().get("tokens");
        if (!(raw instanceof List<?> entries)) {
            throw new IllegalArgumentException("'tokens' is not a list");
        }
        for (Object entry : entries) {
            Map<?, ?> map = entry instanceof Map<?, ?> m ? m : Map.of();
            String pattern = text(map.get("pattern"));
            String tag = text(map.get("tag"));
            int skip = number(map.get("skip"));
            boolean negate = flag(map.get("negate"));
            Pattern re = pattern.isEmpty() ? null : GoRegex.compile(WordTemplate.wrap(pattern, false, ignoreCase));
            Pattern tagRe = GoRegex.compile(tag);
            tagging |= !tag.isEmpty();
            // Vale's reading: `skip: n` puts n optional copies of the token (the first marked as the start) before
            // the token itself, which is required and marked as the end.
            for (int i = skip; i > 0; i--) {
                list.add(new Token(pattern, tag, skip, negate, re, tagRe, true, i == skip, false));
            }
            if (!pattern.isEmpty() || !tag.isEmpty()) {
                list.add(new Token(pattern, tag, skip, negate, re, tagRe, false, false, true));
            }
        }
        this.tokens = List.copyOf(list);
        this.needsTagging = tagging;
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        String text = block.text();
        List<TreebankWords.Word> words = TreebankWords.split(text);
        if (words.isEmpty()) {
            return;
        }
        List<String> texts = words.stream().map(TreebankWords.Word::text).toList();
        String[] tags = needsTagging ? PosTagger.tag(texts) : new String[texts.size()];
        List<Integer> history = new ArrayList<>();
        for (int idx = 0; idx < tokens.size(); idx++) {
            Token anchor = tokens.get(idx);
            if (anchor.negate() || anchor.pattern().isEmpty()) {
                continue;
            }
            Matcher m = anchor.re().matcher(text);
            while (m.find()) {
                int[] index = {0};
                List<Step> steps = matches(idx, anchor, texts, tags, history, index);
                history.add(index[0]);
                if (!steps.isEmpty()) {
                    out.add(alertFor(block, words, steps));
                }
            }
            break;
        }
    }

    private ValeAlert alertFor(Block block, List<TreebankWords.Word> words, List<Step> steps) {
        StringBuilder joined = new StringBuilder();
        for (Step step : steps) {
            joined.append(step.text().startsWith("'") ? "" : " ").append(step.text());
        }
        String seq = joined.toString().strip();
        String text = block.text();
        int from = text.indexOf(seq);
        int to = from + seq.length();
        if (from < 0) {
            // The words do not read that way in the text (a converted quote, a split "cannot"): their own span.
            int first = steps.stream().mapToInt(Step::word).min().orElse(0);
            int last = steps.stream().mapToInt(Step::word).max().orElse(0);
            from = words.get(first).start();
            to = Math.max(from, words.get(last).end());
        }
        String[] args = steps.stream().map(Step::text).toArray(String[]::new);
        return alert(block, from, to, Messages.format(message(), args), List.of());
    }

    /** Vale's {@code sequenceMatches}: the words of the sequence around the next unused anchor word, or none. */
    private List<Step> matches(int idx, Token target, List<String> texts, String[] tags, List<Integer> history,
            int[] index) {
        List<Step> steps = new ArrayList<>();
        int size = tokens.size();
        for (int j = 0; j < texts.size(); j++) {
            if (!tokenMatches(target, texts.get(j), tags[j]) || history.contains(j)) {
                continue;
            }
            index[0] = j;
            if (idx > 0) {
                for (int i = 1; idx - i >= 0; i++) {
                    if (j - i < 0) {
                        return List.of();
                    }
                    Token tok = tokens.get(idx - i);
                    steps.add(0, new Step(texts.get(j - i), j - i));
                    // Read from right to left, a skipped token's optional copies end where they started.
                    if (tok.skip() > 0) {
                        tok = tok.optional((tok.optional() || tok.end()) && !tok.start());
                    }
                    boolean matched = tokenMatches(tok, texts.get(j - i), tags[j - i]);
                    if (!matched && !tok.optional()) {
                        return List.of();
                    } else if (matched && tok.optional()) {
                        break;
                    }
                }
            }
            for (int i = 0; idx + i < size; i++) {
                if (j + i >= texts.size()) {
                    return List.of();
                }
                Token tok = tokens.get(idx + i);
                steps.add(new Step(texts.get(j + i), j + i));
                boolean matched = tokenMatches(tok, texts.get(j + i), tags[j + i]);
                if (!matched && !tok.optional()) {
                    return List.of();
                } else if (matched && tok.optional()) {
                    break;
                }
            }
            break;
        }
        return steps;
    }

    /** Vale's {@code tokensMatch}: a pattern is found in the word, a tag pattern in its tag, either negated. */
    private static boolean tokenMatches(Token token, String word, String tag) {
        boolean failedTag = token.tagRe().matcher(tag == null ? "" : tag).find() == token.negate();
        boolean failedTok = token.re() != null && token.re().matcher(word).find() == token.negate();
        boolean hasTag = !token.tag().isEmpty();
        boolean hasPattern = !token.pattern().isEmpty();
        return !((!hasPattern && failedTag) || (!hasTag && failedTok) || (hasTag && hasPattern
                && (failedTag || failedTok)));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A boolean as Go's weak decoder reads one: {@code true}, {@code t} or {@code 1}, in any case. */
    private static boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && List.of("1", "t", "true").contains(value.toString().trim().toLowerCase(Locale.ROOT));
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null || value.toString().isBlank() ? 0 : Integer.parseInt(value.toString().trim());
    }
}
