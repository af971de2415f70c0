package infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed architecture's promises hold for the templates and their parameter files. */
class ArmArchitectureTest {

    static ArmProject project;

    @BeforeAll
    static void load() {
        project = ArmProject.load();
    }

    @Test
    void frontDoorWeighs70To30AndProbesReadiness() {
        assertThat(ArmArchitecture.frontDoor(project)).isEmpty();
    }

    @Test
    void wafIsInPreventionWithDefaultAndBotRuleSets() {
        assertThat(ArmArchitecture.waf(project)).isEmpty();
    }

    @Test
    void postgresIsZoneRedundantWithGeoBackupsAndAReplica() {
        assertThat(ArmArchitecture.postgres(project)).isEmpty();
    }

    @Test
    void redisIsPremiumWithGeoReplication() {
        assertThat(ArmArchitecture.redis(project)).isEmpty();
    }

    @Test
    void storageIsGzrsVersionedWithImmutableAuditLogs() {
        assertThat(ArmArchitecture.storage(project)).isEmpty();
    }

    @Test
    void serviceBusIsPremiumWithDeadLetteringAndGeoDrAlias() {
        assertThat(ArmArchitecture.serviceBus(project)).isEmpty();
    }

    @Test
    void everyDataServiceHasAPrivateEndpointAndNoPublicAccess() {
        assertThat(ArmArchitecture.privateEndpoints(project)).isEmpty();
    }

    @Test
    void secretsComeFromKeyVaultByUrlNeverByValue() {
        assertThat(ArmArchitecture.secrets(project)).isEmpty();
    }

    @Test
    void hubReplicasSizeProbesAndKedaMatchTheSeed() {
        assertThat(ArmArchitecture.containerApps(project)).isEmpty();
    }

    @Test
    void globalAndRegionalDeploymentsAgreeOnNames() {
        assertThat(ArmArchitecture.consistency(project)).isEmpty();
    }
}
