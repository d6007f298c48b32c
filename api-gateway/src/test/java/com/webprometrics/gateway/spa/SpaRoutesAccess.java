package com.webprometrics.gateway.spa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** Test access to the package-private SPA helpers. */
public final class SpaRoutesAccess {
    private SpaRoutesAccess() {
    }

    public static ServerResponse serve(Path root, ServerRequest request) throws IOException {
        return SpaRoutes.serve(root, request);
    }

    public static Optional<Path> resolve(Path root, String path) {
        return SpaRoutes.resolve(root, path);
    }
}
