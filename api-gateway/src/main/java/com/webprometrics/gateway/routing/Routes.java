package com.webprometrics.gateway.routing;

import java.util.Set;

/**
 * Which backend serves an {@code /api} request. GET/HEAD → query-side, every other method → command-side, with two
 * exceptions. Always command-side: {@code GET /api/auth/jwks}, {@code GET /api/audit/checkpoint-key} (the command
 * side holds the checkpoint key), {@code GET /api/integrations/providers} and
 * {@code GET /api/subscriptions/plans} (the command side owns the connector registry, the plans and their
 * configuration), {@code GET /api/integrations/oauth/callback},
 * {@code GET /api/reports/{id}/deliveries/{deliveryId}/file} (the bytes a delivery e-mailed, kept where they were
 * sent), {@code /api/ops/command-tables/**} (the command side's own tables) and {@code /api/ops/billing/**} (test
 * clocks, which run billing steps). Always query-side: the rest of
 * {@code /api/ops/**}. An {@code /api} path whose first segment is not one of {@code wpm.gateway.api-prefixes} is
 * {@link Target#NOT_FOUND}. Paths are compared as received (still encoded).
 */
public final class Routes {

    public enum Target { COMMAND_SIDE, QUERY_SIDE, NOT_FOUND }

    private final Set<String> prefixes;

    public Routes(Set<String> prefixes) {
        this.prefixes = Set.copyOf(prefixes);
    }

    /** @param path an {@link com.webprometrics.websecurity.ApiPaths#isApi API path} */
    public Target target(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (alwaysCommand(method, read, path)) {
            return Target.COMMAND_SIDE;
        }
        if (under(path, "/api/ops")) {
            return Target.QUERY_SIDE;
        }
        if (!prefixes.contains(firstSegmentAfterApi(path))) {
            return Target.NOT_FOUND;
        }
        return read ? Target.QUERY_SIDE : Target.COMMAND_SIDE;
    }

    /** The prefix an API path is under, e.g. {@code clients}; empty for {@code /api} itself. */
    public static String firstSegmentAfterApi(String path) {
        if (!path.startsWith("/api/")) return "";
        int start = 5;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    private static boolean alwaysCommand(String method, boolean read, String path) {
        return under(path, "/api/ops/command-tables") || under(path, "/api/ops/billing")
                || read && (path.equals("/api/auth/jwks") || path.equals("/api/audit/checkpoint-key")
                        || path.equals("/api/integrations/providers")
                        || path.equals("/api/subscriptions/plans") || isDeliveredFile(path))
                || method.equals("GET") && path.equals("/api/integrations/oauth/callback");
    }

    /** {@code /api/reports/{reportId}/deliveries/{deliveryId}/file} */
    private static boolean isDeliveredFile(String path) {
        String[] segments = path.split("/", -1);
        return segments.length == 7 && segments[2].equals("reports") && !segments[3].isEmpty()
                && segments[4].equals("deliveries") && !segments[5].isEmpty() && segments[6].equals("file");
    }

    private static boolean under(String path, String base) {
        return path.equals(base) || path.startsWith(base) && path.charAt(base.length()) == '/';
    }
}
