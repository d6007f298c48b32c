package com.webprometrics.command.clients;

import com.webprometrics.command.clients.ClientCommands.ArchiveClient;
import com.webprometrics.command.clients.ClientCommands.CreateClient;
import com.webprometrics.command.clients.ClientCommands.RestoreClient;
import com.webprometrics.command.clients.ClientCommands.UpdateClientDetails;
import com.webprometrics.command.infra.CommandResult;
import com.webprometrics.command.infra.EventPositions;
import com.webprometrics.platform.security.CurrentUser;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/clients")
class ClientController {
    private final CommandGateway commands;
    private final EventPositions positions;
    private final ClientPatchValidator patches;

    ClientController(CommandGateway commands, EventPositions positions, ClientPatchValidator patches) {
        this.commands = commands;
        this.positions = positions;
        this.patches = patches;
    }

    @PostMapping
    ResponseEntity<CommandResult> create(@Valid @RequestBody ClientRequest request, CurrentUser user) {
        UUID clientId = UUID.randomUUID();
        commands.sendAndWait(new CreateClient(clientId, user.agencyId(), request.toDetails()));
        return ResponseEntity.created(URI.create("/api/clients/" + clientId)).body(positions.result(clientId));
    }

    @PatchMapping("/{clientId}")
    CommandResult update(@PathVariable UUID clientId, @RequestBody Map<String, Object> patch, CurrentUser user) {
        Map<String, String> changes = patches.validate(patch);
        commands.sendAndWait(new UpdateClientDetails(clientId, user.agencyId(), changes));
        return positions.result(clientId);
    }

    @PostMapping("/{clientId}/archive")
    CommandResult archive(@PathVariable UUID clientId, CurrentUser user) {
        commands.sendAndWait(new ArchiveClient(clientId, user.agencyId()));
        return positions.result(clientId);
    }

    @PostMapping("/{clientId}/restore")
    CommandResult restore(@PathVariable UUID clientId, CurrentUser user) {
        commands.sendAndWait(new RestoreClient(clientId, user.agencyId()));
        return positions.result(clientId);
    }
}
