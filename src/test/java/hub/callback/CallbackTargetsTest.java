package hub.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.problem.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19, defect 3: callbacks never reach an internal address, in any spelling, at submission or at connect time. */
class CallbackTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "203.0.113.10",
            "localhost", "127.0.0.1",
            "metadata.example.com", "169.254.169.254",
            "intranet.example.com", "10.0.0.8",
            "receiver.corp.example", "10.20.1.5");

    private static InetAddress[] lookUp(String host) throws UnknownHostException {
        String address = DNS.get(host.toLowerCase());
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    private final CallbackTargets targets = new CallbackTargets(new CallbackAllowList(List.of()), false,
            CallbackTargetsTest::lookUp);

    @ParameterizedTest
    @ValueSource(strings = {
        "https://127.0.0.1/hook", "https://127.0.0.1:8443/hook", "https://localhost/hook", "https://LOCALHOST./hook",
        "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:7f00:1]/hook", "https://[::127.0.0.1]/x",
        "https://2130706433/hook", "https://0x7f000001/hook", "https://0x7f.0.0.1/hook", "https://0177.0.0.1/hook",
        "https://127.1/hook", "https://127.000.000.001/hook", "https://0.0.0.0/hook", "https://0/hook", "https://[::]/hook",
        "https://169.254.169.254/latest/meta-data", "https://metadata.example.com/", "https://[fe80::1]/hook",
        "https://10.0.0.1/hook", "https://172.16.5.4/hook", "https://192.168.1.1/hook", "https://100.64.0.1/hook",
        "https://intranet.example.com/hook", "https://[fd00::1]/hook", "https://[fc00::1]/hook",
        "https://224.0.0.1/hook", "https://[ff02::1]/hook", "https://255.255.255.255/hook",
        "https://[64:ff9b::7f00:1]/hook", "https://[2002:7f00:1::]/hook", "https://[::ffff:169.254.169.254]/hook",
        "http://hooks.example.com/hook"})
    void internalAddressesInAnySpellingAndPlainHttpAreRefusedAtSubmission(String url) {
        assertThatThrownBy(() -> targets.check(URI.create(url))).as(url)
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo("callback-not-allowed");
                });
    }

    @Test
    void aPublicHttpsReceiverAndAnUnresolvableNameAreAccepted() {
        assertThatCode(() -> targets.check(URI.create("https://hooks.example.com/batches?tenant=7"))).doesNotThrowAnyException();
        assertThatCode(() -> targets.check(URI.create("https://203.0.113.7/hook"))).doesNotThrowAnyException();
        assertThatCode(() -> targets.check(URI.create("https://not-yet.example.org/hook"))).as("checked again at connect")
                .doesNotThrowAnyException();
    }

    @Test
    void anOperatorAllowListLetsNamedInternalReceiversThrough() {
        CallbackTargets allowing = new CallbackTargets(new CallbackAllowList(List.of("receiver.corp.example",
                "192.168.7.0/24", "127.0.0.1")), true, CallbackTargetsTest::lookUp);
        assertThatCode(() -> allowing.check(URI.create("https://receiver.corp.example/hook"))).doesNotThrowAnyException();
        assertThatCode(() -> allowing.check(URI.create("https://192.168.7.20/hook"))).doesNotThrowAnyException();
        assertThatCode(() -> allowing.check(URI.create("http://127.0.0.1:8089/hook"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> allowing.check(URI.create("https://192.168.8.20/hook"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> allowing.check(URI.create("https://intranet.example.com/hook"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> allowing.check(URI.create("http://hooks.example.com/hook"))).isInstanceOf(ProblemException.class);
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterSubmissionIsRefusedAtConnectTime() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        CallbackTargets rebinding = new CallbackTargets(new CallbackAllowList(List.of()), false,
                host -> new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "203.0.113.9" : "127.0.0.1")});
        rebinding.check(URI.create("https://rebind.example.net/hook"));

        CallbackDnsResolver resolver = new CallbackDnsResolver(rebinding);
        assertThatThrownBy(() -> resolver.resolve("rebind.example.net")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("internal address");
        assertThatThrownBy(() -> new CallbackDnsResolver(targets).resolve("127.0.0.1")).as("an IP literal too")
                .isInstanceOf(UnknownHostException.class);
        assertThat(new CallbackDnsResolver(targets).resolve("hooks.example.com")[0].getHostAddress()).isEqualTo("203.0.113.10");
    }
}
