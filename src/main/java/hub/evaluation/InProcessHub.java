package hub.evaluation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hub.ComplianceHubApplication;
import hub.security.DevSecret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A whole hub started in this JVM the way a user starts it (the embedded default unless the arguments or the
 * environment say otherwise), on a free port. Unless a data dir is given ({@code --hub.data-dir=} or
 * {@code HUB_DATA_DIR}), it works in a temporary one that is deleted on close, so the user's ./data is never touched.
 */
public final class InProcessHub implements AutoCloseable {

    private final ConfigurableApplicationContext app;
    private final Path temporaryDataDir;

    private InProcessHub(ConfigurableApplicationContext app, Path temporaryDataDir) {
        this.app = app;
        this.temporaryDataDir = temporaryDataDir;
    }

    /**
     * Starts a hub with {@code args} ({@code --name=value}); an argument replaces the default of the same name
     * (the evaluation's defaults: a free port, a temporary data dir, quiet logs, a rate limit the corpus never meets).
     */
    public static InProcessHub start(List<String> args) throws IOException {
        Map<String, String> merged = new LinkedHashMap<>();
        put(merged, "--server.port=0");
        put(merged, "--logging.level.root=WARN");
        put(merged, "--hub.api.rate-limit.per-second=100000");
        put(merged, "--hub.api.rate-limit.burst=100000");
        Path temporary = null;
        boolean dataDirGiven = args.stream().anyMatch(a -> a.startsWith("--hub.data-dir="))
                || System.getenv("HUB_DATA_DIR") != null;
        if (!dataDirGiven) {
            temporary = Files.createTempDirectory("hub-eval-");
            put(merged, "--hub.data-dir=" + temporary);
        }
        args.forEach(a -> put(merged, a));
        try {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ComplianceHubApplication.class)
                    .run(merged.values().toArray(String[]::new));
            return new InProcessHub(app, temporary);
        } catch (RuntimeException e) {
            delete(temporary);
            throw e;
        }
    }

    private static void put(Map<String, String> args, String arg) {
        int eq = arg.indexOf('=');
        args.put(eq < 0 ? arg : arg.substring(0, eq), arg);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + environment().getProperty("local.server.port"));
    }

    /** Whether the hub runs with an LLM ({@code hub.llm.enabled}). */
    public boolean llmEnabled() {
        return environment().getProperty("hub.llm.enabled", Boolean.class, false);
    }

    /** A one-hour token for {@code subject}, signed with the hub's HS256 secret (the generated dev secret if embedded). */
    public String mintToken(String subject) {
        Environment env = environment();
        String mode = env.getProperty("hub.security.jwt.mode", "hs256");
        if (!"hs256".equals(mode)) {
            throw new IllegalStateException("hub.security.jwt.mode is " + mode
                    + ": cannot mint a token; evaluate a running hub with --url and --token");
        }
        String secret = app.getBean(DevSecret.class).value();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("the hub has no HS256 secret (JWT_SECRET_KEY); set one or pass --token");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(env.getProperty("hub.security.jwt.issuer", "compliance-hub"))
                .audience(env.getProperty("hub.security.jwt.audience", "compliance-hub"))
                .claim(env.getProperty("hub.security.jwt.subject-claim", "sub"), subject)
                .claim(env.getProperty("hub.security.jwt.tenant-claim", "tid"),
                        env.getProperty("hub.security.default-tenant", "default"))
                .claim(env.getProperty("hub.security.jwt.roles-claim", "roles"), List.of())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with the hub's secret", e);
        }
    }

    public ConfigurableApplicationContext context() {
        return app;
    }

    private Environment environment() {
        return app.getEnvironment();
    }

    @Override
    public void close() {
        app.close();
        delete(temporaryDataDir);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("eval: could not delete the temporary data dir " + dir + ": " + e.getMessage());
        }
    }
}
