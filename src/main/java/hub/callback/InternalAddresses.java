package hub.callback;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Addresses a callback must never reach unless an operator allow-listed them: loopback, unspecified ({@code 0.0.0.0},
 * {@code ::}), link-local (cloud metadata at 169.254.169.254 included), private (10/8, 172.16/12, 192.168/16),
 * carrier-grade NAT (100.64/10), unique-local ({@code fc00::/7}), site-local, multicast, broadcast and the other
 * special-purpose IPv4 blocks (0/8, 192.0.0/24, benchmarking 198.18/15, 240/4), also when an IPv6 address carries one
 * of them (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
 */
public final class InternalAddresses {

    private InternalAddresses() {
    }

    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isSpecialIpv4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true;
            }
            byte[] embedded = embeddedIpv4(b);
            return embedded != null && isInternal(ipv4(embedded));
        }
        return true;
    }

    private static boolean isSpecialIpv4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0 || first == 10 || first == 127 || first >= 224
                || first == 100 && second >= 64 && second <= 127
                || first == 169 && second == 254
                || first == 172 && second >= 16 && second <= 31
                || first == 192 && second == 168
                || first == 192 && second == 0 && (b[2] & 0xFF) == 0
                || first == 198 && (second == 18 || second == 19);
    }

    /** The IPv4 address an IPv6 address embeds (compatible ::a.b.c.d, mapped, NAT64, 6to4), or null. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
        boolean mapped = zeroPrefix && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static InetAddress ipv4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
