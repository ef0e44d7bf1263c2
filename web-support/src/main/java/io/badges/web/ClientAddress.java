package io.badges.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/**
 * The address a request comes from. The peer's address, unless the peer is one of the configured
 * trusted proxies: then the right-most address of {@code X-Forwarded-For} that is not a trusted proxy
 * (the left-most entries are whatever the client wrote, and cannot be trusted). Without trusted
 * proxies, {@code X-Forwarded-For} is ignored: anyone could send it.
 */
public final class ClientAddress {

    private final AddressRanges trustedProxies;

    public ClientAddress(AddressRanges trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** The client's address bytes; null when neither the peer nor the header holds a literal address. */
    public byte[] of(HttpServletRequest request) {
        byte[] peer = AddressRanges.literal(request.getRemoteAddr());
        if (peer == null || trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = new java.util.ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        byte[] client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = AddressRanges.literal(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }
}
