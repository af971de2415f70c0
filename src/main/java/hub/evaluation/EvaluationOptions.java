package hub.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link EvaluationCommand}. Options are {@code --name value}; any {@code --name=value} is a
 * setting of the in-process hub (e.g. {@code --hub.llm.enabled=true}) and is passed on to it.
 */
public record EvaluationOptions(Path corpus, Path thresholds, Path page, Path results, String mode, boolean check,
                                String url, String token, int concurrency, int timeoutSeconds, String split,
                                List<String> hubArgs) {

    public static final String USAGE = """
            Usage: scripts/eval.sh [options] [--hub.setting=value ...]
              --corpus DIR         labelled corpus folder (default eval/corpus)
              --thresholds FILE    thresholds per mode (default eval/thresholds.yaml)
              --page FILE          results page, section between the eval:results markers (default docs/evaluation.md)
              --results FILE       per-item results JSON (default target/eval/results.json)
              --mode NAME          thresholds block when an LLM is configured (default llm; rules-only without one)
              --check              exit 1 when a figure breaks its mode's threshold (after printing everything)
              --split dev|test     evaluate only the items of one split
              --concurrency N      jobs in flight (default 8)
              --timeout SECONDS    per job, until COMPLETED or FAILED (default 300)
              --data-dir DIR       data dir of the in-process hub (default: a temporary one, deleted afterwards)
              --url URL --token T  evaluate an already running hub instead of starting one
              --help               this text
            """;

    public static EvaluationOptions parse(String... args) {
        Path corpus = Path.of("eval/corpus");
        Path thresholds = Path.of("eval/thresholds.yaml");
        Path page = Path.of("docs/evaluation.md");
        Path results = Path.of("target/eval/results.json");
        String mode = "llm";
        boolean check = false;
        String url = null;
        String token = null;
        int concurrency = 8;
        int timeout = 300;
        String split = null;
        List<String> hubArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.contains("=")) {
                hubArgs.add(arg);
                continue;
            }
            switch (arg) {
                case "--check" -> check = true;
                case "--corpus" -> corpus = Path.of(value(args, ++i, arg));
                case "--thresholds" -> thresholds = Path.of(value(args, ++i, arg));
                case "--page" -> page = Path.of(value(args, ++i, arg));
                case "--results" -> results = Path.of(value(args, ++i, arg));
                case "--mode" -> mode = value(args, ++i, arg);
                case "--url" -> url = value(args, ++i, arg);
                case "--token" -> token = value(args, ++i, arg);
                case "--concurrency" -> concurrency = Integer.parseInt(value(args, ++i, arg));
                case "--timeout" -> timeout = Integer.parseInt(value(args, ++i, arg));
                case "--split" -> split = value(args, ++i, arg);
                case "--data-dir" -> hubArgs.add("--hub.data-dir=" + value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (url != null && token == null) {
            throw new IllegalArgumentException("--url needs --token (e.g. --token \"$(scripts/dev-token.sh)\")");
        }
        return new EvaluationOptions(corpus, thresholds, page, results, mode, check, url, token, concurrency, timeout,
                split, List.copyOf(hubArgs));
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
