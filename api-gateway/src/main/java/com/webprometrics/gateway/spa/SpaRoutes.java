package com.webprometrics.gateway.spa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.webprometrics.gateway.config.GatewayProperties;
import com.webprometrics.websecurity.ProblemWriter;

/**
 * Serves the built SPA from {@code WPM_SPA_DIR} (relative to the working directory or absolute) in
 * local mode. GET/HEAD of any path outside /api, /actuator, /health and /error: the file if there is
 * one, else index.html (client-side routing). /assets/** (hashed names) are cached for a year,
 * index.html never. Without a built SPA, "/" says so in plain text. Other methods → 405.
 */
@Configuration
public class SpaRoutes {

    private static final Logger log = LoggerFactory.getLogger(SpaRoutes.class);
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(java.time.Duration.ofDays(365))
            .cachePublic().immutable();

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RouterFunction<ServerResponse> spaRouterFunction(GatewayProperties properties) {
        Path root = Path.of(properties.spaDir()).toAbsolutePath().normalize();
        log.info("SPA directory: {}{}", root, Files.isDirectory(root) ? "" : " (missing: SPA not built)");
        RequestPredicate outsideApi = request -> {
            String path = request.path();
            return !(path.equals("/api") || path.startsWith("/api/") || path.equals("/actuator")
                    || path.startsWith("/actuator/") || path.equals("/health") || path.equals("/error"));
        };
        RequestPredicate read = RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD));
        return RouterFunctions.route()
                .route(outsideApi.and(read), request -> serve(root, request))
                .route(outsideApi, request -> ServerResponse.status(405).header("Allow", "GET, HEAD")
                        .build((req, res) -> {
                            ProblemWriter.write(req, res, 405, "method-not-allowed", "Method Not Allowed",
                                    "Only GET and HEAD are allowed here.");
                            return null;
                        }))
                .build();
    }

    static ServerResponse serve(Path root, ServerRequest request) throws IOException {
        if (!Files.isDirectory(root)) {
            return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN)
                    .cacheControl(CacheControl.noStore())
                    .body("WebProMetrics: the SPA is not built (no " + root + "). Build frontend/ with npm, "
                            + "or set WPM_SPA_DIR. The API is under /api.\n");
        }
        Optional<Path> file = resolve(root, request.path());
        if (file.isPresent()) {
            Path f = file.get();
            boolean hashedAsset = request.path().startsWith("/assets/");
            return ServerResponse.ok()
                    .contentType(MediaTypeFactory.getMediaType(f.getFileName().toString())
                            .orElse(MediaType.APPLICATION_OCTET_STREAM))
                    .cacheControl(hashedAsset ? IMMUTABLE : CacheControl.noCache())
                    .body(new FileSystemResource(f));
        }
        Path index = root.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return ServerResponse.status(404).build((req, res) -> {
                ProblemWriter.write(req, res, 404, "not-found", "Not Found", "No such page.");
                return null;
            });
        }
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(index));
    }

    /** The regular file under root for a URL path, refusing anything that escapes root. */
    static Optional<Path> resolve(Path root, String urlPath) {
        String relative = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
        if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.contains("\\")) {
            return Optional.empty();
        }
        Path candidate;
        try {
            candidate = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!candidate.startsWith(root) || !Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
