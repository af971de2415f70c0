package hub.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The start-up recovery is one event notifier, however it got registered: twice would requeue every job twice. */
class StartupRecoveryTest {

    @Test
    void registeredAlreadyAsABeanItIsNotAddedASecondTime() {
        DefaultCamelContext camel = new DefaultCamelContext();
        StartupRecovery recovery = new StartupRecovery(0);
        camel.getManagementStrategy().addEventNotifier(recovery);

        recovery.beforeApplicationStart(camel);

        assertThat(camel.getManagementStrategy().getEventNotifiers()).filteredOn(n -> n == recovery).hasSize(1);
    }

    @Test
    void notRegisteredYetItAddsItself() {
        DefaultCamelContext camel = new DefaultCamelContext();
        StartupRecovery recovery = new StartupRecovery(0);

        recovery.beforeApplicationStart(camel);

        assertThat(camel.getManagementStrategy().getEventNotifiers()).filteredOn(n -> n == recovery).hasSize(1);
    }
}
