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
        List<String> hops = List.of();
        if (forwardedForHeaders != null && forwardedForHeaders.hasMoreElements()) {
            hops = new ArrayList<>();
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
        Address peerAddress = parse(peer);
        if (peerAddress == null || !isTrusted(peerAddress)) {
            return peerAddress != null ? peerAddress.text() : peer;
        }
        String client = peerAddress.text();
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            Address hop = parse(forwardedFor.get(i));
            if (hop == null) {
                return client; // garbage: do not believe anything further left
            }
            client = hop.text();
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    public boolean isTrusted(String address) {
        Address parsed = parse(address);
        return parsed != null && isTrusted(parsed);
    }

    private boolean isTrusted(Address address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address.bytes())) return true;
        }
        return false;
    }

    /** An IP literal: its bytes and its normalized text ({@link InetAddress#getHostAddress()}'s spelling). */
    private record Address(byte[] bytes, String text) {
    }

    /** Parses an IP literal (optionally "[v6]", "[v6]:port" or "v4:port"); null if it is not one. */
    static Address parse(String value) {
        if (value == null) return null;
        String v = value.trim();
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            if (end < 0) return null;
            v = v.substring(1, end);
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':') && v.indexOf('.') > 0) {
            v = v.substring(0, v.indexOf(':')); // a.b.c.d:port
        }
        if (v.indexOf(':') < 0) {
            byte[] v4 = ipv4(v);
            return v4 == null ? null : new Address(v4, v);
        }
        if (!IPV6_CHARS.matcher(v).matches()) return null;
        try {
            InetAddress address = InetAddress.getByName(v); // contains ':' → parsed as a literal, no DNS lookup
            return new Address(address.getAddress(), address.getHostAddress());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * Dotted-quad IPv4 in its canonical spelling only (four decimal octets 0–255, no leading zeros, nothing else):
     * its four bytes, or null. Such a literal is already its normalized text. Hand-parsed: this runs for every request
     * at every hop.
     */
    private static byte[] ipv4(String v) {
        byte[] bytes = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= v.length(); i++) {
            char c = i < v.length() ? v.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) return null; // a leading zero
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) return null;
            } else if (c == '.' && digits > 0 && octet < 4) {
                bytes[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return octet == 4 ? bytes : null;
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
            Address parsed = ClientAddressResolver.parse(address);
            if (parsed == null) {
                throw new IllegalArgumentException("WPM_TRUSTED_PROXIES: not an IP address or CIDR block: " + spec);
            }
            byte[] bytes = parsed.bytes();
            if (prefix < 0) prefix = bytes.length * 8;
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("WPM_TRUSTED_PROXIES: bad prefix length: " + spec);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(byte[] candidate) {
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
