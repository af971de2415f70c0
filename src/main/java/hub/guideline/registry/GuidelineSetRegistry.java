package hub.guideline.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.guideline.GuidelineSet;
import hub.guideline.GuidelineSetErrors;
import hub.problem.ProblemException;
import hub.rules.RuleEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The guideline sets the hub knows: the ones shipped on the classpath under {@code guidelines/} plus every
 * {@code *.yaml}/{@code *.yml} file in {@code hub.guidelines.dir}. A set in the directory replaces a shipped set
 * with the same id. An invalid file stops the start-up with a message naming the file: a half-loaded rule book is
 * worse than none.
 */
@Component("guidelineSets")
public class GuidelineSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(GuidelineSetRegistry.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndRegisterModules();

    private final Map<String, GuidelineSet> sets;

    public GuidelineSetRegistry(RuleEngine rules, @Value("${hub.guidelines.dir:}") String dir) throws IOException {
        Map<String, GuidelineSet> loaded = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:guidelines/*.y*ml")) {
            try (InputStream in = r.getInputStream()) {
                put(loaded, read(in, r.getDescription(), baseDir(r), rules));
            }
        }
        if (!dir.isBlank() && Files.isDirectory(Path.of(dir))) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(GuidelineSetRegistry::isYaml).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        put(loaded, read(in, f.toString(), f.toAbsolutePath().getParent(), rules));
                    }
                }
            }
        }
        this.sets = Collections.unmodifiableMap(loaded);
        log.info("Loaded guideline sets {}", sets.keySet());
    }

    public Optional<GuidelineSet> find(String id) {
        return Optional.ofNullable(id).map(sets::get);
    }

    /** The set with this id, or a 404 problem for the API. */
    public GuidelineSet get(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Guideline set", id));
    }

    public Collection<GuidelineSet> all() {
        return sets.values();
    }

    public List<Map<String, Object>> summaries() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (GuidelineSet s : sets.values()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("id", s.id());
            summary.put("version", s.version());
            summary.put("title", nullToEmpty(s.title()));
            summary.put("description", nullToEmpty(s.description()));
            summary.put("language", nullToEmpty(s.language()));
            summary.put("guidelines", s.guidelines().size());
            summary.put("links", Map.of("self", "/api/v1/guideline-sets/" + s.id()));
            out.add(summary);
        }
        return out;
    }

    static GuidelineSet read(InputStream in, String source, RuleEngine rules) {
        return read(in, source, Path.of("."), rules);
    }

    /** Reads and validates a set; its Vale styles (if any) are loaded relative to {@code baseDir} and compiled. */
    static GuidelineSet read(InputStream in, String source, Path baseDir, RuleEngine rules) {
        GuidelineSet set;
        byte[] yaml;
        try {
            yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidGuidelineSetException(source + " cannot be read: " + e.getMessage(), e);
        }
        try {
            set = YAML.readValue(yaml, GuidelineSet.class);
        } catch (JsonMappingException e) {
            throw new InvalidGuidelineSetException(GuidelineSetErrors.describe(source, treeOf(yaml), e), e);
        } catch (IOException e) {
            throw new InvalidGuidelineSetException(source + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (set.vale() != null) {
            try {
                set = set.plus(ValeGuidelines.expand(set.vale(), baseDir, source));
            } catch (RuntimeException e) {
                throw new InvalidGuidelineSetException(source + ": " + e.getMessage(), e);
            }
        }
        validate(set, source, rules);
        return set;
    }

    /** The folder of a set on the file system (relative Vale paths start there), else the working directory. */
    private static Path baseDir(Resource r) {
        try {
            if (r.isFile()) {
                return r.getFile().toPath().toAbsolutePath().getParent();
            }
        } catch (IOException e) {
            log.debug("{} has no folder on the file system", r, e);
        }
        return Path.of(".");
    }

    private static void validate(GuidelineSet set, String source, RuleEngine rules) {
        require(set.id() != null && set.id().matches("[a-z0-9][a-z0-9._-]*"), source,
                "id must be lower-case letters, digits, '.', '_' or '-'");
        require(set.version() != null && !set.version().isBlank(), source, "version is required");
        require(!set.guidelines().isEmpty(), source, "at least one guideline is required");
        Set<String> ids = new HashSet<>();
        for (Guideline g : set.guidelines()) {
            require(g.id() != null && !g.id().isBlank(), source, "every guideline needs an id");
            require(ids.add(g.id()), source, "duplicate guideline id '" + g.id() + "'");
            // '#' joins an outline guideline's id and a role's name in the role questions' ids.
            require(!g.id().contains("#"), source, "guideline id '" + g.id() + "' must not contain '#'");
            require(g.title() != null && !g.title().isBlank(), source, "guideline '" + g.id() + "' needs a title");
            require(g.needsLlm() || g.hasDeterministicChecks(), source,
                    "guideline '" + g.id() + "' has neither an instruction nor checks");
            validateRoles(g, source);
            try {
                rules.validate(g);
            } catch (IllegalArgumentException e) {
                throw new InvalidGuidelineSetException(source + ", guideline '" + g.id() + "': " + e.getMessage(), e);
            }
        }
    }

    /** Outline scope needs an instruction and at least one role; roles mean nothing in any other scope. */
    private static void validateRoles(Guideline g, String source) {
        if (g.scope() != GuidelineScope.OUTLINE) {
            require(g.roles().isEmpty(), source, "guideline '" + g.id() + "' has roles, which only outline scope uses");
            return;
        }
        require(g.needsLlm(), source, "guideline '" + g.id() + "' has outline scope but no instruction");
        require(!g.roles().isEmpty(), source, "guideline '" + g.id() + "' has outline scope but no roles");
        g.roles().forEach((name, question) -> {
            require(name != null && name.matches("[a-z][a-z0-9-]*"), source, "guideline '" + g.id()
                    + "': a role name must be lower-case letters, digits or '-', not '" + name + "'");
            require(question != null && !question.isBlank(), source, "guideline '" + g.id() + "': role '" + name
                    + "' needs the question that recognises it");
        });
    }

    private static void put(Map<String, GuidelineSet> sets, GuidelineSet set) {
        sets.put(set.id(), set);
    }

    private static void require(boolean ok, String source, String message) {
        if (!ok) {
            throw new InvalidGuidelineSetException(source + ": " + message, null);
        }
    }

    /** The YAML as a tree, only to name the guideline of a mapping error; null when even that fails. */
    private static JsonNode treeOf(byte[] yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
