package routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The route files in src/main/resources/camel, which sits in stage folders (10-api, 20-intake, …, 90-shared) that
 * follow a job: the tests find a route by its name wherever its folder is, as the loader does
 * ({@code classpath:camel/**}{@code /*.camel.yaml}).
 */
public final class RouteFiles {

    public static final Path ROOT = Path.of("src/main/resources/camel");

    private RouteFiles() {
    }

    /** Every {@code *.camel.yaml} under the root, sorted by path (so by stage, then by name). */
    public static List<Path> all() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of the route (or template) {@code name}, e.g. {@code "complete-batch"}, in whichever stage folder. */
    public static Path find(String name) {
        List<Path> found = all().stream().filter(f -> f.getFileName().toString().equals(name + ".camel.yaml")).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(name + ".camel.yaml under " + ROOT + ": " + found);
        }
        return found.get(0);
    }

    /** Whether a route file named {@code name}.camel.yaml exists in some stage folder. */
    public static boolean exists(String name) {
        return all().stream().anyMatch(f -> f.getFileName().toString().equals(name + ".camel.yaml"));
    }
}
