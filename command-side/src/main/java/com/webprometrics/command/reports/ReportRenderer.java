package com.webprometrics.command.reports;

import com.webprometrics.command.auth.AccessTokens;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Fetches a rendered report file from the query side over HTTP — the command side never reads read models. The
 * request carries a service token ({@link AccessTokens#issueRenderToken}) and {@code X-Min-Position} (the event
 * store's head when the delivery was taken), so the file reflects at least everything up to then; the answer names
 * the range it covers and the read models' position ({@code X-Report-From}, {@code X-Report-To},
 * {@code X-Data-Position}).
 */
@Component
class ReportRenderer {
    private final AccessTokens tokens;
    private final ReportProperties properties;
    private final HttpClient http;

    ReportRenderer(AccessTokens tokens, ReportProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.renderTimeout()).build();
    }

    RenderedFile render(UUID agencyId, UUID reportId, String format, LocalDate asOf, long minPosition)
            throws RenderFailure {
        URI uri = URI.create(properties.queryUrl().toString().replaceAll("/+$", "") + "/api/reports/" + reportId
                + "/export?format=" + format + "&asOf=" + asOf);
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(properties.renderTimeout())
                .header("Authorization", "Bearer " + tokens.issueRenderToken(agencyId, reportId, properties.renderTokenTtl()))
                .header("X-Min-Position", String.valueOf(minPosition))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RenderFailure("The query side could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderFailure("Interrupted while rendering", e);
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new RenderFailure("The query side answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        try {
            String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
            return new RenderedFile(ContentDisposition.parse(disposition).getFilename(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"), format,
                    response.body(), date(response, "X-Report-From"), date(response, "X-Report-To"),
                    Long.parseLong(response.headers().firstValue("X-Data-Position").orElseThrow()));
        } catch (RuntimeException e) {
            throw new RenderFailure("The query side's answer lacks the file's name, range or position", e);
        }
    }

    private static LocalDate date(HttpResponse<?> response, String header) {
        return LocalDate.parse(response.headers().firstValue(header).orElseThrow());
    }
}
