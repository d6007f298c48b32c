package com.webprometrics.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client address for audit metadata: the direct peer, unless that peer is a trusted proxy (the
 * gateway, nginx), in which case the right-most X-Forwarded-For entry that is not itself trusted.
 */
public class ClientIpResolver {
    private final Set<String> trustedProxies;

    public ClientIpResolver(String trustedProxiesCsv) {
        this.trustedProxies = Arrays.stream(trustedProxiesCsv.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public String resolve(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    public String resolve(String peer, String forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return trustedProxies.contains(address)
                || ("0:0:0:0:0:0:0:1".equals(address) && trustedProxies.contains("::1"));
    }
}
