package com.webprometrics.command.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.webprometrics.command.infra.CommandResult;
import com.webprometrics.command.integrations.oauth.OAuthFlows;
import com.webprometrics.command.integrations.sync.SyncService;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api")
class IntegrationController {
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;
    static final String CALLBACK_PATH = "/api/integrations/oauth/callback";

    private final Connections connections;
    private final SyncService syncs;
    private final ConnectableProviders providers;
    private final ProviderProperties properties;

    IntegrationController(Connections connections, SyncService syncs, ConnectableProviders providers,
                          ProviderProperties properties) {
        this.connections = connections;
        this.syncs = syncs;
        this.providers = providers;
        this.properties = properties;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Connected(UUID id, String status, URI authorizeUrl, long position) {
    }

    record SyncAccepted(UUID id, UUID syncId, long position) {
    }

    record Imported(int rowsAccepted, int rowsRejected, int daysRecorded, List<CsvImport.LineError> errors,
                    long position) {
    }

    /** The provider catalogue of this installation: which providers exist, and which can be connected here. */
    @GetMapping("/integrations/providers")
    List<ConnectableProviders.Listed> providers() {
        return providers.list();
    }

    @PostMapping("/clients/{clientId}/integrations")
    ResponseEntity<Connected> connect(@PathVariable UUID clientId, @Valid @RequestBody ConnectRequest request,
                                      CurrentUser user) {
        Connections.Outcome outcome = connections.connect(user, clientId, request.provider().trim(),
                request.accountName(), request.settings());
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/integrations/" + outcome.id()));
        return withBrowserBinding(response, outcome).body(connected(outcome));
    }

    /** A new authorization round trip for an OAuth integration, e.g. after its grant was revoked. */
    @PostMapping("/integrations/{integrationId}/reconnect")
    ResponseEntity<Connected> reconnect(@PathVariable UUID integrationId, CurrentUser user) {
        Connections.Outcome outcome = connections.reconnect(user, integrationId);
        return withBrowserBinding(ResponseEntity.ok(), outcome).body(connected(outcome));
    }

    @PostMapping("/integrations/{integrationId}/sync")
    ResponseEntity<SyncAccepted> sync(@PathVariable UUID integrationId, CurrentUser user) {
        SyncService.Started started = syncs.start(integrationId, user.agencyId(), "manual");
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new SyncAccepted(integrationId, started.syncId(), started.position()));
    }

    @DeleteMapping("/integrations/{integrationId}")
    CommandResult disconnect(@PathVariable UUID integrationId, CurrentUser user) {
        return new CommandResult(integrationId, connections.disconnect(integrationId, user.agencyId()));
    }

    @PostMapping("/integrations/{integrationId}/import")
    Imported upload(@PathVariable UUID integrationId, @RequestParam(value = "file", required = false) MultipartFile file,
                    CurrentUser user) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("file", "attach a non-empty CSV file")));
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "A CSV upload may be at most 5 MB.");
        }
        try (InputStream in = file.getInputStream()) {
            SyncService.ImportOutcome outcome = syncs.importCsv(integrationId, user.agencyId(), in);
            CsvImport.Result parsed = outcome.parsed();
            return new Imported(parsed.rowsAccepted(), parsed.rowsRejected(), outcome.daysRecorded(), parsed.errors(),
                    outcome.position());
        }
    }

    private static Connected connected(Connections.Outcome outcome) {
        return new Connected(outcome.id(), outcome.status(),
                outcome.authorization() == null ? null : outcome.authorization().authorizeUrl(), outcome.position());
    }

    /**
     * The cookie that binds the round trip to this browser: sent only to the callback, unreadable by scripts,
     * sent on the provider's top-level redirect back (Lax), gone after the state's lifetime.
     */
    private <B extends ResponseEntity.HeadersBuilder<B>> B withBrowserBinding(B response, Connections.Outcome outcome) {
        OAuthFlows.Started started = outcome.authorization();
        if (started != null) {
            response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(started.cookieName(), started.cookieValue())
                    .path(CALLBACK_PATH).httpOnly(true).sameSite("Lax")
                    .secure("https".equals(properties.redirectUri().getScheme()))
                    .maxAge(started.cookieMaxAge()).build().toString());
        }
        return response;
    }
}
