package com.webprometrics.command.integrations;

import com.webprometrics.command.infra.CommandResult;
import com.webprometrics.command.infra.EventPositions;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

    private final CommandGateway commands;
    private final SyncService syncs;
    private final EventPositions positions;

    IntegrationController(CommandGateway commands, SyncService syncs, EventPositions positions) {
        this.commands = commands;
        this.syncs = syncs;
        this.positions = positions;
    }

    record Connected(UUID id, String status, long position) {
    }

    record SyncAccepted(UUID id, UUID syncId, long position) {
    }

    record Imported(int rowsAccepted, int rowsRejected, int daysRecorded, List<CsvImport.LineError> errors,
                    long position) {
    }

    @PostMapping("/clients/{clientId}/integrations")
    ResponseEntity<Connected> connect(@PathVariable UUID clientId, @Valid @RequestBody ConnectRequest request,
                                      CurrentUser user) {
        UUID id = syncs.connect(user.agencyId(), clientId, request.provider().trim(), request.accountName(),
                request.settings());
        return ResponseEntity.created(URI.create("/api/integrations/" + id))
                .body(new Connected(id, "connected", positions.of(id)));
    }

    @PostMapping("/integrations/{integrationId}/sync")
    ResponseEntity<SyncAccepted> sync(@PathVariable UUID integrationId, CurrentUser user) {
        UUID syncId = syncs.requestSync(integrationId, user.agencyId(), "manual");
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new SyncAccepted(integrationId, syncId, positions.of(integrationId)));
    }

    @DeleteMapping("/integrations/{integrationId}")
    CommandResult disconnect(@PathVariable UUID integrationId, CurrentUser user) {
        commands.sendAndWait(new DisconnectIntegration(integrationId, user.agencyId()));
        return positions.result(integrationId);
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
                    positions.of(integrationId));
        }
    }
}
