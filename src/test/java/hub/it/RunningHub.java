package hub.it;

import hub.ComplianceHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole hub started the way a user starts it, on a free port, so a test can stop it and start another. */
final class RunningHub implements AutoCloseable {

    private final ConfigurableApplicationContext app;

    private RunningHub(ConfigurableApplicationContext app) {
        this.app = app;
    }

    /** Starts a hub; a null profile means no profile, i.e. the embedded default; several are comma-separated. */
    static RunningHub start(String profile, String... args) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ComplianceHubApplication.class);
        if (profile != null) {
            builder.profiles(profile.split(","));
        }
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return new RunningHub(builder.run(all));
    }

    /**
     * A hub on the local services with the tests' schema, guideline sets and WireMock LLM; an override
     * ({@code --name=value}) replaces the default of the same name (Spring would join two values with a comma).
     */
    static RunningHub local(String instanceId, String... overrides) {
        TestDatabase.resetOnce();
        java.util.Map<String, String> args = new java.util.LinkedHashMap<>();
        for (String arg : java.util.List.of(
                "--spring.datasource.url=" + TestDatabase.URL,
                "--spring.flyway.schemas=" + TestDatabase.SCHEMA,
                "--hub.instance-id=" + instanceId,
                "--hub.guidelines.dir=src/test/resources/guideline-sets",
                "--hub.llm.enabled=true",
                "--hub.incremental.enabled=false",
                "--hub.security.jwt.secret=" + TestTokens.SECRET,
                "--hub.llm.url=" + LlmStub.url())) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : overrides) {
            args.put(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg, arg);
        }
        return start("local,it", args.values().toArray(String[]::new));
    }

    /** A client whose token is signed with this hub's HS256 secret (generated in the data dir when embedded). */
    HubClient client() {
        String secret = app.getBean(hub.security.DevSecret.class).value();
        String token = TestTokens.sign(secret, TestTokens.claims(TestTokens.SUBJECT, TestTokens.TENANT,
                java.util.List.of("compliance-metrics")).build());
        return new HubClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                .withToken(token);
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
