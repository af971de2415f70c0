package hub.callback;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The operator's exceptions ({@code hub.batch.callbacks.allowed-hosts}): internal receivers callbacks may reach.
 * Each entry is a host name (matched exactly, case-insensitively, trailing dot ignored), an IP address, or a CIDR
 * range ({@code 10.20.0.0/16}, {@code fd00::/8}). Empty by default: no internal address is reachable.
 */
public final class CallbackAllowList {

    private record Range(byte[] network, int bits) {
    }

    private final List<String> names;
    private final List<Range> ranges;

    public CallbackAllowList(List<String> entries) {
        List<String> clean = entries == null ? List.of()
                : entries.stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
        this.names = clean.stream().filter(e -> !isAddressOrRange(e)).map(CallbackAllowList::normalized).toList();
        this.ranges = clean.stream().filter(CallbackAllowList::isAddressOrRange).map(CallbackAllowList::range).toList();
    }

    public boolean isEmpty() {
        return names.isEmpty() && ranges.isEmpty();
    }

    /** True when the host name itself is listed. */
    public boolean allowsName(String host) {
        return names.contains(normalized(host));
    }

    /** True when the address is listed or lies in a listed range. */
    public boolean allows(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.network().length == bytes.length && prefixMatches(range.network(), bytes, range.bits())) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixMatches(byte[] network, byte[] address, int bits) {
        int length = network.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE)
                .shiftRight(bits).xor(BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE));
        return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
    }

    private static String normalized(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static boolean isAddressOrRange(String entry) {
        String address = normalized(entry.split("/", 2)[0]);
        return address.contains(":") || address.matches("[0-9.]+");
    }

    private static Range range(String entry) {
        String[] parts = entry.split("/", 2);
        try {
            byte[] network = InetAddress.getByName(normalized(parts[0])).getAddress();
            int bits = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : network.length * 8;
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range");
            }
            return new Range(network, bits);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalStateException("hub.batch.callbacks.allowed-hosts: '" + entry
                    + "' is neither a host name, an IP address nor a CIDR range", e);
        }
    }
}
