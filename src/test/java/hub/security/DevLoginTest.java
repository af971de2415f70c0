package hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19, defect 5: the development login answers clients on the hub's own machine only. */
class DevLoginTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void loopbackClientsMayLogIn(String address) {
        assertThat(DevLogin.isLoopback(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "192.168.1.20", "203.0.113.7", "fe80::1", "::ffff:10.0.0.1", "localhost", "",
        "0.0.0.0"})
    void everyoneElseMayNot(String address) {
        assertThat(DevLogin.isLoopback(address)).isFalse();
    }
}
