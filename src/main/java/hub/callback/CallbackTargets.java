package hub.callback;

import hub.problem.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a batch's completion callback may go. At submission ({@link #check}): {@code https} only ({@code http} only
 * to an allow-listed loopback host with {@code hub.batch.callbacks.allow-loopback-http}, for tests), no numeric host
 * in an ambiguous spelling ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}: only the plain
 * dotted quad), and no host that is or resolves to an internal address ({@link InternalAddresses}) unless the
 * operator allow-listed it ({@link CallbackAllowList}). At connect time {@link #resolve} is the HTTP client's name
 * resolution ({@link CallbackDnsResolver}): the name is resolved again and refused if it now points inside (DNS
 * rebinding), so the client never opens a connection there.
 */
@Component
public class CallbackTargets {

    /** A host whose last label is a number is an IPv4 address to a URL parser (WHATWG), whatever its spelling. */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i).*(^|\\.)(0x[0-9a-f]*|[0-9]+)\\.?$");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    /** Name resolution; the system resolver outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final CallbackAllowList allowList;
    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    @Autowired
    public CallbackTargets(@Value("${hub.batch.callbacks.allowed-hosts:}") List<String> allowedHosts,
                           @Value("${hub.batch.callbacks.allow-loopback-http:false}") boolean allowLoopbackHttp) {
        this(new CallbackAllowList(allowedHosts), allowLoopbackHttp, InetAddress::getAllByName);
    }

    public CallbackTargets(CallbackAllowList allowList, boolean allowLoopbackHttp, Resolver resolver) {
        this.allowList = allowList;
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /** Refuses (400 {@code callback-not-allowed}) a callback URL the hub must not call; {@code url} is absolute. */
    public void check(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = bare(url.getHost());
        boolean http = scheme.equals("http");
        if (!http && !scheme.equals("https")) {
            throw refused("only https:// callbacks are accepted");
        }
        if (NUMERIC_LAST_LABEL.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            throw refused("a numeric host must be written as a plain dotted quad (such as 203.0.113.7)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            if (http) {
                throw refused("http:// callbacks are accepted only to an allow-listed loopback receiver");
            }
            return; // Not resolvable now: resolved again, and checked, when the callback is sent.
        }
        boolean named = allowList.allowsName(host);
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address) && !named && !allowList.allows(address)) {
                throw refused("the host is or resolves to a loopback, link-local, private, unique-local, multicast "
                        + "or unspecified address; internal receivers must be allow-listed by the operator "
                        + "(hub.batch.callbacks.allowed-hosts)");
            }
            if (http && !(allowLoopbackHttp && address.isLoopbackAddress() && (named || allowList.allows(address)))) {
                throw refused("http:// callbacks are accepted only to an allow-listed loopback receiver");
            }
        }
    }

    /**
     * Connect-time resolution of a callback host: its addresses, or an {@link UnknownHostException} when one of them
     * is internal and not allow-listed, so that no connection is attempted.
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = bare(host);
        InetAddress[] addresses = resolver.resolve(bare);
        if (allowList.allowsName(bare)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address) && !allowList.allows(address)) {
                throw new UnknownHostException("callback host " + bare + " resolves to an internal address; refused");
            }
        }
        return addresses;
    }

    private static String bare(String host) {
        if (host == null || host.isBlank()) {
            throw refused("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        return bare.toLowerCase(Locale.ROOT);
    }

    public static ProblemException refused(String why) {
        return new ProblemException(400, "callback-not-allowed", "Callback not allowed",
                "replyTo is not a callback the hub may call: " + why + ".");
    }
}
