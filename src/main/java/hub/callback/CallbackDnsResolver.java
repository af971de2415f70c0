package hub.callback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The callback HTTP client's name resolution: {@link CallbackTargets#resolve}, so every connection (the first, each
 * retry, a redirect) goes only to addresses checked right before it is opened; IP literals pass through it too.
 */
final class CallbackDnsResolver implements DnsResolver {

    private final CallbackTargets targets;

    CallbackDnsResolver(CallbackTargets targets) {
        this.targets = targets;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return targets.resolve(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return targets.resolve(host)[0].getCanonicalHostName();
    }
}
