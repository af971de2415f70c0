package hub.vale;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a sentence into words the way Vale does before tagging them: the Penn Treebank conventions of prose's
 * {@code TreebankWordTokenizer} (a port of NLTK's), which split off punctuation and the second part of contractions
 * ({@code don't} → {@code do n't}, {@code it's} → {@code it 's}, {@code cannot} → {@code can not}) and write
 * double quotes as {@code ``} and {@code ''}. Each word keeps the character span it came from.
 */
final class TreebankWords {

    /** A word and its [start, end) span in the sentence. */
    record Word(String text, int start, int end) {}

    private record Rewrite(Pattern pattern, String replacement) {
        static Rewrite of(String regex, String replacement) {
            return new Rewrite(Pattern.compile(regex), replacement);
        }
    }

    private static final List<Rewrite> STARTING_QUOTES = List.of(
            Rewrite.of("^\"", "``"),
            Rewrite.of("( \")", " ``"),
            Rewrite.of("'([ (\\[{<])\"", "$1 `` "),
            Rewrite.of("(``)", " $1 "));
    private static final List<Rewrite> PUNCTUATION = List.of(
            Rewrite.of("([:,])([^\\d])", " $1 $2"),
            Rewrite.of("\\.\\.\\.", " ... "),
            Rewrite.of("([^.])(\\.)([\\])}>\"']*)\\s*$", "$1 $2$3 "),
            Rewrite.of("([^'])' ", "$1 ' "),
            Rewrite.of("([:,])$", " $1 "),
            Rewrite.of("([;@#$%&?!])", " $1 "),
            Rewrite.of("([\\]\\[(){}<>])", " $1 "),
            Rewrite.of("--", " -- "));
    private static final List<Rewrite> ENDING_QUOTES = List.of(
            Rewrite.of("\"", " '' "),
            Rewrite.of("(\\S)('')", "$1 $2 "),
            Rewrite.of("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
            Rewrite.of("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "));
    private static final List<Rewrite> CONTRACTIONS = List.of(
            Rewrite.of("(?i)\\b(can)(not)\\b", " $1 $2 "),
            Rewrite.of("(?i)\\b(d)('ye)\\b", " $1 $2 "),
            Rewrite.of("(?i)\\b(gim)(me)\\b", " $1 $2 "),
            Rewrite.of("(?i)\\b(gon)(na)\\b", " $1 $2 "),
            Rewrite.of("(?i)\\b(got)(ta)\\b", " $1 $2 "),
            Rewrite.of("(?i)\\b(lem)(me)\\b", " $1 $2 "),
            Rewrite.of("(?i)\\b(mor)('n)\\b", " $1 $2 "),
            Rewrite.of("(?i)\\b(wan)(na) ", " $1 $2 "),
            Rewrite.of("(?i) ('t)(is)\\b", " $1 $2 "),
            Rewrite.of("(?i) ('t)(was)\\b", " $1 $2 "));

    private TreebankWords() {
    }

    static List<Word> split(String sentence) {
        String t = sentence;
        for (Rewrite r : STARTING_QUOTES) {
            t = r.pattern().matcher(t).replaceAll(r.replacement());
        }
        for (Rewrite r : PUNCTUATION) {
            t = r.pattern().matcher(t).replaceAll(r.replacement());
        }
        t = " " + t + " ";
        for (Rewrite r : ENDING_QUOTES) {
            t = r.pattern().matcher(t).replaceAll(r.replacement());
        }
        for (Rewrite r : CONTRACTIONS) {
            t = r.pattern().matcher(t).replaceAll(r.replacement());
        }
        List<Word> words = new ArrayList<>();
        int cursor = 0;
        for (String token : t.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int start = locate(sentence, token, cursor);
            int end = start + (token.equals("``") || token.equals("''") ? 1 : token.length());
            if (start < 0) {
                start = Math.min(cursor, sentence.length());
                end = start;
            }
            words.add(new Word(token, start, end));
            cursor = Math.max(cursor, end);
        }
        return words;
    }

    /** Where {@code token} starts at or after {@code from}; a converted double quote is found as {@code "}. */
    private static int locate(String sentence, String token, int from) {
        if (token.equals("``") || token.equals("''")) {
            int quote = sentence.indexOf('"', from);
            int literal = sentence.indexOf(token, from);
            return quote < 0 ? literal : literal < 0 ? quote : Math.min(quote, literal);
        }
        return sentence.indexOf(token, from);
    }
}
