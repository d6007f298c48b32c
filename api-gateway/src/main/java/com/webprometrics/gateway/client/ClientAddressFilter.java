package com.webprometrics.gateway.client;

import com.webprometrics.websecurity.ClientAddressResolver;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the client address, the original scheme and host once per request and keeps them as
 * request attributes for the rate limiter, HSTS and the X-Forwarded-* headers ({@code routing.BackendProxy}).
 */
public class ClientAddressFilter extends OncePerRequestFilter {

    public static final String CLIENT_IP = ClientAddressFilter.class.getName() + ".clientIp";
    public static final String PEER_TRUSTED = ClientAddressFilter.class.getName() + ".peerTrusted";

    private final ClientAddressResolver resolver;

    public ClientAddressFilter(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        request.setAttribute(PEER_TRUSTED, resolver.isTrusted(peer));
        request.setAttribute(CLIENT_IP, resolver.resolve(peer, request.getHeaders("X-Forwarded-For")));
        chain.doFilter(request, response);
    }

    public static String clientIp(HttpServletRequest request) {
        Object ip = request.getAttribute(CLIENT_IP);
        return ip instanceof String s ? s : request.getRemoteAddr();
    }

    /** True when the client itself is on this machine: a loopback peer that forwards for nobody else. */
    public static boolean fromLoopback(HttpServletRequest request) {
        String ip = clientIp(request);
        return "127.0.0.1".equals(ip) || "::1".equals(ip) || "0:0:0:0:0:0:0:1".equals(ip);
    }

    public static boolean peerTrusted(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(PEER_TRUSTED));
    }

    /** True when the client reached us over TLS, directly or (per a trusted proxy) through it. */
    public static boolean isSecure(HttpServletRequest request) {
        if (request.isSecure()) return true;
        return peerTrusted(request) && "https".equalsIgnoreCase(firstValue(request.getHeader("X-Forwarded-Proto")));
    }

    public static String firstValue(String header) {
        if (header == null) return null;
        int comma = header.indexOf(',');
        return (comma >= 0 ? header.substring(0, comma) : header).trim();
    }
}
