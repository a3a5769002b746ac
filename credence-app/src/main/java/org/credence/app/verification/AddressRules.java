package org.credence.app.verification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which IP addresses a verifier may never connect to: everything that is not a public unicast
 * address. A credential is untrusted input, and its URLs (did:web hosts, status lists, hosted
 * badges) must not reach the server's own network: loopback, private (RFC 1918), link-local (incl.
 * the cloud metadata address 169.254.169.254), unique-local IPv6, carrier-grade NAT, "this network"
 * (0.0.0.0/8), multicast and broadcast, IETF protocol assignments (192.0.0.0/24), benchmarking
 * (198.18.0.0/15), the documentation ranges, and the IPv4-mapped, IPv4-compatible, 6to4 and NAT64
 * IPv6 forms of those; and in IPv6 also local-use NAT64 (64:ff9b:1::/48, whose translator may map
 * to any private address), Teredo (2001::/32), discard-only (100::/64) and documentation
 * (2001:db8::/32). Written by hand (about 60 lines) because {@link InetAddress}'s own predicates
 * miss CGNAT, unique-local IPv6 and every IPv4-in-IPv6 form. Stateless and thread-safe.
 */
final class AddressRules {

    private AddressRules() {}

    /**
     * Why the address is refused, e.g. "169.254.169.254 is a link-local address"; empty if public.
     */
    static Optional<String> refusal(InetAddress address) {
        return kind(address).map(kind -> address.getHostAddress() + " is " + kind);
    }

    private static Optional<String> kind(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(bytes);
        }
        if (address instanceof Inet6Address) {
            return embeddedIpv4(bytes)
                    .flatMap(AddressRules::ipv4Kind)
                    .map(kind -> kind + " (written as IPv6)")
                    .or(() -> ipv6Kind(bytes));
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> ipv4Kind(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        if (a == 0) {
            return Optional.of("a \"this network\" address (0.0.0.0/8)");
        }
        if (a == 127) {
            return Optional.of("a loopback address");
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
            return Optional.of("a private address");
        }
        if (a == 169 && b == 254) {
            return Optional.of("a link-local address");
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (a == 192 && b == 0 && (ip[2] & 0xff) == 0) {
            return Optional.of("an IETF protocol assignment address (192.0.0.0/24)");
        }
        if (a == 198 && (b == 18 || b == 19)) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        int c = ip[2] & 0xff;
        if ((a == 192 && b == 0 && c == 2)
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113)) {
            return Optional.of("a documentation address");
        }
        if (a >= 224 && a <= 239) {
            return Optional.of("a multicast address");
        }
        if (a >= 240) {
            return Optional.of(a == 255 ? "a broadcast address" : "a reserved address (240/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6Kind(byte[] ip) {
        int first = ip[0] & 0xff;
        int second = ip[1] & 0xff;
        if (Arrays.equals(ip, new byte[16])) {
            return Optional.of("the unspecified address");
        }
        if (isLoopback6(ip)) {
            return Optional.of("a loopback address");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a site-local address");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address (fc00::/7)");
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");
        }
        if (startsWith(ip, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return Optional.of("a local-use NAT64 address (64:ff9b:1::/48)");
        }
        if (startsWith(ip, 0x20, 0x01, 0x00, 0x00)) {
            return Optional.of("a Teredo address (2001::/32)");
        }
        if (startsWith(ip, 0x20, 0x01, 0x0d, 0xb8)) {
            return Optional.of("a documentation address (2001:db8::/32)");
        }
        if (startsWith(ip, 0x01, 0x00) && allZero(ip, 2, 8)) {
            return Optional.of("a discard-only address (100::/64)");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
     * (64:ff9b::a.b.c.d) or 6to4 (2002:ab:cd::) address: a connection to it may reach that IPv4
     * host.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] ip) {
        boolean zeroPrefix = allZero(ip, 0, 10);
        boolean mapped = zeroPrefix && (ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && ip[10] == 0 && ip[11] == 0 && !isLoopback6(ip);
        boolean nat64 =
                (ip[0] & 0xff) == 0x00
                        && (ip[1] & 0xff) == 0x64
                        && (ip[2] & 0xff) == 0xff
                        && (ip[3] & 0xff) == 0x9b
                        && allZero(ip, 4, 12);
        if ((mapped || compatible || nat64) && !allZero(ip, 12, 16)) {
            return Optional.of(Arrays.copyOfRange(ip, 12, 16));
        }
        if ((ip[0] & 0xff) == 0x20 && (ip[1] & 0xff) == 0x02) {
            return Optional.of(Arrays.copyOfRange(ip, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] ip, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((ip[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopback6(byte[] ip) {
        return allZero(ip, 0, 15) && ip[15] == 1;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The address of an IP literal host ("10.0.0.1", "[::1]"), without any DNS lookup. */
    static Optional<InetAddress> literal(String host) {
        String bare =
                host.startsWith("[") && host.endsWith("]")
                        ? host.substring(1, host.length() - 1)
                        : host;
        boolean looksLiteral = bare.contains(":") || bare.matches("[0-9.]+");
        if (!looksLiteral) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, never looked up: getByName does no DNS query for one.
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
