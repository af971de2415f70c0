package hub.vale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Vale styles: {@code <StylesPath>/<Style>/*.yml}, one rule per file, named {@code Style.File}. Every rule is
 * compiled here, once; a rule type the engine does not run ({@code script}) is
 * returned as unsupported rather than dropped. A rule that does not compile (a pattern Java cannot run even after
 * {@link GoRegex} translates it, a file that is not YAML) is skipped with a warning naming the file and the
 * construct, and reported among the unsupported rules; the rest of its style loads.
 */
public final class StyleLoader {

    private static final Logger log = LoggerFactory.getLogger(StyleLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StyleLoader() {
    }

    public record Styles(Map<String, Rule> rules, List<UnsupportedRule> unsupported) {

        public Styles {
            rules = Map.copyOf(rules);
            unsupported = List.copyOf(unsupported);
        }
    }

    public static Styles load(Path stylesPath, Collection<String> styleNames) {
        return load(List.of(stylesPath), styleNames, Vocabulary.NONE);
    }

    /**
     * The rules of {@code styleNames}, each style taken from the first of {@code stylesPaths} that has it (the
     * StylesPath, then package folders). {@code Vale} is the built-in style unless a folder of that name exists.
     * The accepted vocabulary joins every rule's {@code exceptions} unless the rule says {@code vocab: false}.
     */
    public static Styles load(List<Path> stylesPaths, Collection<String> styleNames, Vocabulary vocabulary) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        List<UnsupportedRule> unsupported = new ArrayList<>();
        Path stylesPath = stylesPaths.get(0);
        for (String style : styleNames) {
            Path dir = stylesPaths.stream().map(p -> p.resolve(style)).filter(Files::isDirectory).findFirst()
                    .orElse(null);
            if (dir == null && style.equals(BuiltinVale.STYLE)) {
                for (RuleSpec spec : BuiltinVale.specs(vocabulary)) {
                    add(spec, stylesPaths, vocabulary, "built-in", rules, unsupported);
                }
                continue;
            }
            if (dir == null) {
                throw new IllegalArgumentException("Vale style '" + style + "' not found in " + stylesPaths);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(StyleLoader::isRuleFile).sorted().toList()) {
                    String name = style + "." + baseName(file);
                    RuleSpec spec;
                    try {
                        spec = read(file, name);
                    } catch (IllegalArgumentException e) {
                        skip(unsupported, new UnsupportedRule(name, "?", ValeLevel.ERROR,
                                "skipped: " + e.getMessage()));
                        continue;
                    }
                    add(spec, stylesPaths, vocabulary, file.getFileName().toString(), rules, unsupported);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read Vale style " + dir, e);
            }
        }
        return new Styles(rules, unsupported);
    }

    private static void add(RuleSpec own, List<Path> stylesPaths, Vocabulary vocabulary, String file,
            Map<String, Rule> rules, List<UnsupportedRule> unsupported) {
        RuleSpec spec;
        try {
            spec = inherit(own, stylesPaths, 0);
        } catch (IllegalArgumentException e) {
            skip(unsupported, new UnsupportedRule(own.name(), own.string("extends", ""), ValeLevel.ERROR,
                    "skipped: " + file + ": " + e.getMessage()));
            return;
        }
        Path stylesPath = stylesPaths.get(0);
        String type = spec.string("extends", "");
        ValeLevel level;
        try {
            level = ValeLevel.parse(spec.string("level"));
        } catch (IllegalArgumentException e) {
            skip(unsupported, new UnsupportedRule(spec.name(), type, ValeLevel.ERROR,
                    "skipped: " + file + ": " + e.getMessage()));
            return;
        }
        try {
            Rule rule = compile(withVocabulary(spec, vocabulary), type, stylesPath);
            if (rule == null) {
                skip(unsupported, new UnsupportedRule(spec.name(), type, level, reason(type)));
            } else {
                rules.put(spec.name(), rule);
            }
        } catch (RuntimeException e) {
            skip(unsupported, new UnsupportedRule(spec.name(), type, level,
                    "skipped: " + file + ": " + e.getMessage()));
        }
    }

    /**
     * A rule that extends another ({@code extends: Style.Rule}) takes that rule's keys, its own replacing them, and
     * the other rule's type; chains are followed (at most 10 deep).
     */
    private static RuleSpec inherit(RuleSpec spec, List<Path> stylesPaths, int depth) {
        String parent = spec.string("extends", "");
        if (!parent.matches("[^./\\s]+\\.[^./\\s]+")) {
            return spec;
        }
        if (depth >= 10) {
            throw new IllegalArgumentException("'extends' chain longer than 10 rules at " + parent);
        }
        String style = parent.substring(0, parent.indexOf('.'));
        String ruleName = parent.substring(parent.indexOf('.') + 1);
        Path file = stylesPaths.stream().map(p -> p.resolve(style).resolve(ruleName + ".yml"))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("extends " + parent + ", which is not on "
                        + stylesPaths));
        RuleSpec base = inherit(read(file, parent), stylesPaths, depth + 1);
        Map<String, Object> values = new LinkedHashMap<>(base.values());
        spec.values().forEach((k, v) -> {
            if (!k.equals("extends")) {
                values.put(k, v);
            }
        });
        return new RuleSpec(spec.name(), values);
    }

    /** The spec with the accepted vocabulary among its exceptions, unless it says {@code vocab: false}. */
    private static RuleSpec withVocabulary(RuleSpec spec, Vocabulary vocabulary) {
        Object vocab = spec.values().get("vocab");
        if (vocabulary.accepted().isEmpty() || vocab != null && !ValeIni.isOn(vocab.toString())) {
            return spec;
        }
        Map<String, Object> values = new LinkedHashMap<>(spec.values());
        List<String> exceptions = new ArrayList<>(spec.list("exceptions"));
        exceptions.addAll(vocabulary.accepted());
        values.put("exceptions", exceptions);
        return new RuleSpec(spec.name(), values);
    }

    private static void skip(List<UnsupportedRule> unsupported, UnsupportedRule rule) {
        log.warn("Vale rule {} ({}) is skipped, the rest of its style loads: {}", rule.name(), rule.type(),
                rule.reason());
        unsupported.add(rule);
    }

    /** The compiled rule, or null for a type the engine does not run. */
    static Rule compile(RuleSpec spec, String type) {
        return compile(spec, type, null);
    }

    /** As above; {@code stylesPath} resolves a spelling rule's dictionaries and word lists. */
    static Rule compile(RuleSpec spec, String type, Path stylesPath) {
        return switch (type) {
            case "spelling" -> new SpellingRule(spec, stylesPath);
            case "existence" -> new ExistenceRule(spec);
            case "substitution" -> new SubstitutionRule(spec);
            case "occurrence" -> new OccurrenceRule(spec);
            case "repetition" -> new RepetitionRule(spec);
            case "consistency" -> new ConsistencyRule(spec);
            case "conditional" -> new ConditionalRule(spec);
            case "capitalization" -> new CapitalizationRule(spec);
            case "metric" -> new MetricRule(spec);
            case "readability" -> new ReadabilityRule(spec);
            case "sequence" -> new SequenceRule(spec);
            default -> null;
        };
    }

    private static String reason(String type) {
        return switch (type) {
            case "script" -> "Tengo scripts need a Tengo interpreter; there is none for the JVM";
            default -> "unknown rule type '" + type + "'";
        };
    }

    @SuppressWarnings("unchecked")
    private static RuleSpec read(Path file, String name) {
        try {
            Object parsed = YAML.readValue(file.toFile(), Object.class);
            if (!(parsed instanceof Map<?, ?> map) || map.get("extends") == null) {
                throw new IllegalArgumentException("Vale rule " + file + " has no 'extends' key");
            }
            return new RuleSpec(name, (Map<String, Object>) map);
        } catch (IOException e) {
            throw new IllegalArgumentException("Vale rule " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yml") || n.endsWith(".yaml"));
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }
}
