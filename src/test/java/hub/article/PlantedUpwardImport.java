package hub.article;

import hub.report.ReportAssembler;

/**
 * A test fixture, never part of the hub: a class of the article layer that uses the report's orchestration, an upward
 * import that also closes a cycle (hub.report uses hub.article). architecture.LayersTest shows that its rules catch it.
 */
public final class PlantedUpwardImport {

    static ReportAssembler upward(ReportAssembler assembler) {
        return assembler;
    }

    private PlantedUpwardImport() {
    }
}
