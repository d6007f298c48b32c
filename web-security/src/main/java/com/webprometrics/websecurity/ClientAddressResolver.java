package com.webprometrics.websecurity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the client address of a request, the same way at every hop (the gateway's rate limits and every service's
 * audit metadata): the direct peer, unless the peer is a trusted proxy ({@code WPM_TRUSTED_PROXIES}: IP literals or
 * CIDR blocks); then the right-most {@code X-Forwarded-For} entry that is not a trusted proxy. Entries are only ever
 * parsed as IP literals (never resolved through DNS); a malformed entry stops the walk at the last trusted hop.
 */
public final class ClientAddressResolver {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private final List<Cidr> trusted;

    /** @param trustedProxies comma-separated, as configured */
    public static ClientAddressResolver of(String trustedProxies) {
        return new ClientAddressResolver(Arrays.stream(trustedProxies.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
    }

    public ClientAddressResolver(List<String> trustedProxies) {
        List<Cidr> list = new ArrayList<>();
        for (String entry : trustedProxies) {
            list.add(Cidr.parse(entry.trim()));
        }
        this.trusted = List.copyOf(list);
    }

    public String resolve(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeaders(FORWARDED_FOR));
    }

    public String resolve(String peer, Enumeration<String> forwardedForHeaders) {
        List<String> hops = new ArrayList<>();
        if (forwardedForHeaders != null) {
            while (forwardedForHeaders.hasMoreElements()) {
                String header = forwardedForHeaders.nextElement();
                if (header == null) continue;
                for (String part : header.split(",")) {
                    String hop = part.trim();
                    if (!hop.isEmpty()) hops.add(hop);
                }
            }
        }
        return resolve(peer, hops);
    }

    public String resolve(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = parse(peer);
        String client = peerAddress != null ? normalize(peerAddress) : peer;
        if (peerAddress == null || !isTrusted(peerAddress)) {
            return client;
        }
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(forwardedFor.get(i));
            if (hop == null) {
                return client; // garbage: do not believe anything further left
            }
            client = normalize(hop);
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    public boolean isTrusted(String address) {
        InetAddress parsed = parse(address);
        return parsed != null && isTrusted(parsed);
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) return true;
        }
        return false;
    }

    private static String normalize(InetAddress address) {
        return address.getHostAddress();
    }

    /** Parses an IP literal (optionally "[v6]", "[v6]:port" or "v4:port"); null if it is not one. */
    static InetAddress parse(String value) {
        if (value == null) return null;
        String v = value.trim();
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            if (end < 0) return null;
            v = v.substring(1, end);
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':') && v.indexOf('.') > 0) {
            v = v.substring(0, v.indexOf(':')); // a.b.c.d:port
        }
        try {
            if (IPV4.matcher(v).matches()) {
                return InetAddress.getByName(v);
            }
            if (v.indexOf(':') >= 0 && IPV6_CHARS.matcher(v).matches()) {
                return InetAddress.getByName(v); // contains ':' → parsed as a literal, no DNS lookup
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String spec) {
            String address = spec;
            int prefix = -1;
            int slash = spec.indexOf('/');
            if (slash >= 0) {
                address = spec.substring(0, slash);
                prefix = Integer.parseInt(spec.substring(slash + 1).trim());
            }
            InetAddress parsed = ClientAddressResolver.parse(address);
            if (parsed == null) {
                throw new IllegalArgumentException("WPM_TRUSTED_PROXIES: not an IP address or CIDR block: " + spec);
            }
            byte[] bytes = parsed.getAddress();
            if (prefix < 0) prefix = bytes.length * 8;
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("WPM_TRUSTED_PROXIES: bad prefix length: " + spec);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) return false;
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) return false;
            }
            int rest = prefix % 8;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
