package io.badges.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** A set of IP addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}, {@code 2001:db8::/32}). */
public final class AddressRanges {

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Literal addresses only (never a host name: nothing here resolves DNS). */
    public static AddressRanges of(List<String> specs) {
        return new AddressRanges(specs.stream().map(AddressRanges::parse).toList());
    }

    private static Range parse(String spec) {
        int slash = spec.indexOf('/');
        String host = slash < 0 ? spec : spec.substring(0, slash);
        byte[] network = literal(host);
        if (network == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + spec);
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(spec.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + spec);
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + spec);
            }
        }
        return new Range(network, prefix);
    }

    /** The bytes of an IP literal, or null when the text is not one. */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        byte[] ipv4 = dottedQuad(host);
        if (ipv4 != null || host.indexOf(':') < 0) {
            return ipv4;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != ':' && c != '.' && c != '%' && Character.digit(c, 16) < 0) {
                return null;
            }
        }
        try {
            // an IPv6 literal: InetAddress parses it without a lookup
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Four decimal parts of at most three digits, each at most 255 (every request's peer: no allocation but the result). */
    private static byte[] dottedQuad(String host) {
        byte[] address = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i == host.length() ? '.' : host.charAt(i);
            if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && part < 4) {
                address[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? address : null;
    }

    public boolean contains(byte[] address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }
}
