package io.badges.query.verification;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Which addresses the fetcher may connect to on strangers' behalf: public unicast ones only. */
final class PublicAddresses {

    private PublicAddresses() {
    }

    /**
     * Whether an address is anything but a public unicast one: loopback, link-local (cloud metadata),
     * private, shared (CGNAT), multicast, unspecified, documentation, benchmarking, reserved (240/4 and
     * broadcast), the IETF protocol block (192.0.0.0/24), IPv6 unique-local and documentation, and IPv4
     * addresses carried inside IPv6 (IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
     * {@code 2002::/16}), judged by the IPv4 address they carry. (IPv4-mapped {@code ::ffff:a.b.c.d} is
     * already an IPv4 address to Java.)
     */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return isPrivate6(bytes);
        }
        return isPrivate4(bytes[0] & 0xff, bytes[1] & 0xff, bytes[2] & 0xff);
    }

    private static boolean isPrivate4(int first, int second, int third) {
        return first == 0                                           // 0.0.0.0/8 "this network"
                || first == 10 || first == 127                      // private, loopback
                || (first == 169 && second == 254)                  // link-local, cloud metadata
                || (first == 172 && second >= 16 && second < 32)    // private
                || (first == 192 && second == 168)                  // private
                || (first == 100 && second >= 64 && second < 128)   // 100.64.0.0/10 carrier-grade NAT
                || (first == 192 && second == 0 && third == 0)      // 192.0.0.0/24 IETF protocol assignments
                || (first == 192 && second == 0 && third == 2)      // 192.0.2.0/24 TEST-NET-1
                || (first == 198 && second == 51 && third == 100)   // TEST-NET-2
                || (first == 203 && second == 0 && third == 113)    // TEST-NET-3
                || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                || first >= 224;                                    // multicast, 240.0.0.0/4 reserved, broadcast
    }

    private static boolean isPrivate6(byte[] bytes) {
        if ((bytes[0] & 0xfe) == 0xfc) {                            // fc00::/7 unique local
            return true;
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d
                && (bytes[3] & 0xff) == 0xb8) {                     // 2001:db8::/32 documentation
            return true;
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) { // 2002::/16 6to4: the IPv4 in bytes 2-5
            return isPrivate4(bytes[2] & 0xff, bytes[3] & 0xff, bytes[4] & 0xff);
        }
        boolean compatible = allZero(bytes, 0, 12);                 // ::a.b.c.d (deprecated IPv4-compatible)
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && allZero(bytes, 4, 12); // 64:ff9b::/96
        if (compatible || nat64) {
            return isPrivate4(bytes[12] & 0xff, bytes[13] & 0xff, bytes[14] & 0xff);
        }
        return false;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
