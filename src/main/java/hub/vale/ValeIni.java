package hub.vale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code .vale.ini}. The global part holds the core settings ({@code StylesPath}, {@code MinAlertLevel},
 * {@code Vocab}, {@code Packages}, {@code IgnoredScopes}, {@code SkippedScopes}); {@code [formats]} maps extensions
 * ({@code mdx = md}); {@code [glob]} sections hold {@code BasedOnStyles}, {@code TokenIgnores}, {@code BlockIgnores}
 * and rule switches ({@code Style.Rule = YES/NO}, or a level, which switches the rule on at that level). Sections
 * matching a file apply in order, after the global part. Every key the engine does not understand, or understands
 * but does not run, is named in {@link #warnings()}: nothing is dropped silently.
 */
public record ValeIni(String stylesPath, ValeLevel minAlertLevel, List<Section> sections, List<String> vocab,
        List<String> packages, List<String> ignoredScopes, List<String> skippedScopes, Map<String, String> formats,
        List<String> warnings) {

    /** Vale's defaults for the two scope keys. */
    static final List<String> DEFAULT_IGNORED_SCOPES = List.of("code", "tt");
    static final List<String> DEFAULT_SKIPPED_SCOPES = List.of("script", "style", "pre", "figure");

    /** Keys Vale knows that the hub reads but does not act on; each is a warning, with the reason. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "IgnoredClasses", "HTML classes are not tracked by the hub's markup reader",
            "WordTemplate", "the word template is fixed to Vale's default \\b(?:%s)\\b",
            "NLPEndpoint", "the hub has no NLP server (sequence rules are not run)",
            "Transform", "XSLT transforms are not run",
            "Lang", "the spelling language comes from the rule's dictionaries, not from a glob section",
            "CommentDelimiters", "source-code comments are not linted",
            "SphinxBuildPath", "Sphinx builds are not run",
            "SphinxAutoBuild", "Sphinx builds are not run");

    /** One part of the file; the global part matches every file. */
    public record Section(Pattern files, List<String> basedOnStyles, Map<String, Boolean> switches,
            Map<String, ValeLevel> levels, List<String> tokenIgnores, List<String> blockIgnores) {}

    public static ValeIni parse(String text) {
        Parser p = new Parser();
        p.run(text);
        return new ValeIni(p.stylesPath, p.minLevel, p.sections, p.vocab, p.packages,
                p.ignoredScopes == null ? DEFAULT_IGNORED_SCOPES : p.ignoredScopes,
                p.skippedScopes == null ? DEFAULT_SKIPPED_SCOPES : p.skippedScopes, p.formats, p.warnings);
    }

    private static final class Parser {

        String stylesPath;
        ValeLevel minLevel = ValeLevel.SUGGESTION;
        final List<Section> sections = new ArrayList<>();
        final List<String> vocab = new ArrayList<>();
        final List<String> packages = new ArrayList<>();
        List<String> ignoredScopes;
        List<String> skippedScopes;
        final Map<String, String> formats = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();

        private String section = "";
        private Pattern files = Pattern.compile(".*");
        private List<String> styles = new ArrayList<>();
        private Map<String, Boolean> switches = new LinkedHashMap<>();
        private Map<String, ValeLevel> levels = new LinkedHashMap<>();
        private List<String> tokenIgnores = new ArrayList<>();
        private List<String> blockIgnores = new ArrayList<>();

        void run(String text) {
            int lineNumber = 0;
            String[] lines = text.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                lineNumber = i + 1;
                String line = lines[i].strip();
                // A value continues on the next line after a trailing backslash, as go-ini reads it.
                while (line.endsWith("\\") && !line.startsWith("#") && i + 1 < lines.length) {
                    line = line.substring(0, line.length() - 1).strip() + " " + lines[++i].strip();
                }
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    close();
                    section = line.substring(1, line.length() - 1).strip();
                    if (!section.equals("formats") && !section.equals("asciidoctor")) {
                        files = glob(section);
                    }
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    warnings.add("line " + lineNumber + ": '" + line + "' is not a key = value line: ignored");
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = unquote(line.substring(eq + 1).strip());
                if (section.equals("formats")) {
                    formats.put(key, value);
                } else if (section.equals("asciidoctor")) {
                    warnings.add("line " + lineNumber + ": [asciidoctor] " + key
                            + " is not supported: AsciiDoc is not read by the hub");
                } else {
                    entry(lineNumber, key, value);
                }
            }
            close();
        }

        private void entry(int lineNumber, String key, String value) {
            boolean global = section.isEmpty();
            switch (key) {
                case "StylesPath" -> stylesPath = core(lineNumber, key, value, global);
                case "MinAlertLevel" -> {
                    if (core(lineNumber, key, value, global) != null) {
                        minLevel = ValeLevel.parse(value);
                    }
                }
                case "Vocab" -> {
                    if (core(lineNumber, key, value, global) != null) {
                        vocab.addAll(list(value));
                    }
                }
                case "Packages" -> {
                    if (core(lineNumber, key, value, global) != null) {
                        packages.addAll(list(value));
                    }
                }
                case "IgnoredScopes" -> {
                    if (core(lineNumber, key, value, global) != null) {
                        ignoredScopes = list(value);
                    }
                }
                case "SkippedScopes" -> {
                    if (core(lineNumber, key, value, global) != null) {
                        skippedScopes = list(value);
                    }
                }
                case "BasedOnStyles" -> list(value).stream().filter(s -> !styles.contains(s)).forEach(styles::add);
                case "TokenIgnores" -> tokenIgnores.addAll(patterns(value));
                case "BlockIgnores" -> blockIgnores.addAll(patterns(value));
                default -> {
                    if (NOT_RUN.containsKey(key)) {
                        warnings.add("line " + lineNumber + ": " + key + " is not supported: " + NOT_RUN.get(key)
                                + "; ignored");
                    } else if (key.matches("[^.\\s]+\\.[^.\\s]+")) {
                        ruleSwitch(lineNumber, key, value);
                    } else {
                        warnings.add("line " + lineNumber + ": unknown key '" + key + "': ignored");
                    }
                }
            }
        }

        private void ruleSwitch(int lineNumber, String key, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (Set.of("suggestion", "warning", "error").contains(lower)) {
                switches.put(key, true);
                levels.put(key, ValeLevel.parse(lower));
            } else if (Set.of("yes", "true", "on", "no", "false", "off").contains(lower)) {
                switches.put(key, isOn(lower));
            } else {
                warnings.add("line " + lineNumber + ": " + key + " = " + value
                        + ": a rule takes YES, NO or a level; switched on");
                switches.put(key, true);
            }
        }

        /** A core setting outside the global part is what Vale ignores too, but said aloud here. */
        private String core(int lineNumber, String key, String value, boolean global) {
            if (!global) {
                warnings.add("line " + lineNumber + ": " + key + " belongs in the global part, not in [" + section
                        + "]: ignored");
                return null;
            }
            return value;
        }

        private void close() {
            if (!section.equals("formats") && !section.equals("asciidoctor")) {
                sections.add(new Section(files, styles, switches, levels, tokenIgnores, blockIgnores));
            }
            styles = new ArrayList<>();
            switches = new LinkedHashMap<>();
            levels = new LinkedHashMap<>();
            tokenIgnores = new ArrayList<>();
            blockIgnores = new ArrayList<>();
        }
    }

    /** The styles that apply to {@code fileName}. */
    public List<String> basedOnStyles(String fileName) {
        List<String> styles = new ArrayList<>();
        for (Section s : matching(fileName)) {
            s.basedOnStyles().stream().filter(st -> !styles.contains(st)).forEach(styles::add);
        }
        return styles;
    }

    /** The rule switches that apply to {@code fileName}, later sections winning. */
    public Map<String, Boolean> switches(String fileName) {
        Map<String, Boolean> merged = new LinkedHashMap<>();
        matching(fileName).forEach(s -> merged.putAll(s.switches()));
        return merged;
    }

    /** The rule levels set in the file ({@code Style.Rule = error}) for {@code fileName}, later sections winning. */
    public Map<String, ValeLevel> levels(String fileName) {
        Map<String, ValeLevel> merged = new LinkedHashMap<>();
        for (Section s : matching(fileName)) {
            s.switches().forEach((rule, on) -> {
                if (s.levels().containsKey(rule)) {
                    merged.put(rule, s.levels().get(rule));
                } else {
                    merged.remove(rule);
                }
            });
        }
        return merged;
    }

    /** The {@code TokenIgnores} patterns for {@code fileName}. */
    public List<String> tokenIgnores(String fileName) {
        return matching(fileName).stream().flatMap(s -> s.tokenIgnores().stream()).toList();
    }

    /** The {@code BlockIgnores} patterns for {@code fileName}. */
    public List<String> blockIgnores(String fileName) {
        return matching(fileName).stream().flatMap(s -> s.blockIgnores().stream()).toList();
    }

    /** The extension {@code fileName} is read as, after {@code [formats]} ({@code mdx = md}). */
    public String formatExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1);
        return formats.getOrDefault(ext, ext);
    }

    private List<Section> matching(String fileName) {
        return sections.stream().filter(s -> s.files().matcher(fileName).matches()).toList();
    }

    /** Every style the file names, in sections or switches. */
    public List<String> allStyles() {
        List<String> styles = new ArrayList<>();
        for (Section s : sections) {
            s.basedOnStyles().stream().filter(st -> !styles.contains(st)).forEach(styles::add);
            s.switches().keySet().stream().map(k -> k.substring(0, k.indexOf('.')))
                    .filter(st -> !styles.contains(st)).forEach(styles::add);
        }
        return styles;
    }

    static boolean isOn(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "no", "false", "off" -> false;
            default -> true;
        };
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).map(ValeIni::unquote)
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A comma-separated list of patterns, where a comma inside parentheses, brackets or braces belongs to the
     * pattern ({@code (\{[^}]*,[^}]*\})}).
     */
    static List<String> patterns(String value) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' || c == '{') {
                depth++;
            } else if ((c == ')' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(out, current);
                continue;
            }
            current.append(c);
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String p = current.toString().strip();
        if (!p.isEmpty()) {
            out.add(p);
        }
        current.setLength(0);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /**
     * A section glob such as {@code *.md}, {@code *.{md,rst}}, {@code docs/**}{@code /*.md} or a negated
     * {@code !*.txt} as a pattern over file names.
     */
    static Pattern glob(String glob) {
        boolean negated = glob.startsWith("!");
        String g = negated ? glob.substring(1) : glob;
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                        regex.append(".*");
                        i++;
                        if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                            regex.append("/?");
                            i++;
                        }
                    } else {
                        regex.append(".*");
                    }
                }
                case '?' -> regex.append('.');
                case '{' -> regex.append("(?:");
                case '}' -> regex.append(')');
                case ',' -> regex.append('|');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(negated ? "(?!(?:" + regex + ")$).*" : regex.toString());
    }
}
