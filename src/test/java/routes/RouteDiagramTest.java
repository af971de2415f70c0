package routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The route diagram in docs/routes.md is the one {@link RouteDiagram} makes from the route files: a route added,
 * removed or rewired without regenerating it fails here. Regenerate with
 * {@code ./mvnw -B -o test -Dtest=RouteDiagramTest -Droutes.diagram.write=true}.
 */
class RouteDiagramTest {

    @Test
    void theCommittedDiagramIsTheOneTheRouteFilesMake() throws IOException {
        String guide = Files.readString(RouteDiagram.GUIDE);
        String expected = RouteDiagram.guideWithDiagram(guide);
        if (Boolean.getBoolean("routes.diagram.write") && !expected.equals(guide)) {
            Files.writeString(RouteDiagram.GUIDE, expected);
            guide = expected;
        }
        assertThat(guide).as(RouteDiagram.GUIDE + " is stale: run ./mvnw -B -o test -Dtest=RouteDiagramTest "
                + "-Droutes.diagram.write=true and commit it").isEqualTo(expected);
    }

    @Test
    void drawsTheWorkersPathAndTheExtensionPoints() throws IOException {
        String diagram = RouteDiagram.mermaid();
        assertThat(diagram).contains("r_process_job --> r_evaluate_guidelines")
                .contains("r_process_job -.->|wireTap| r_publish_report")
                .contains("r_publish_report -.->|report-completed| r_deliver_webhook")
                .contains("r_complete_batch -.->|wireTap| r_publish_batch_result");
    }
}
