package com.webprometrics.command.clients;

import com.webprometrics.websecurity.Uuids;
import com.webprometrics.command.clients.ClientCommands.ArchiveClient;
import com.webprometrics.command.clients.ClientCommands.CreateClient;
import com.webprometrics.command.clients.ClientCommands.RestoreClient;
import com.webprometrics.command.clients.ClientCommands.UpdateClientDetails;
import com.webprometrics.command.infra.CommandResult;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.security.CurrentUser;
import jakarta.validation.Valid;
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
    private final Commands commands;
    private final ClientPatchValidator patches;

    ClientController(Commands commands, ClientPatchValidator patches) {
        this.commands = commands;
        this.patches = patches;
    }

    @PostMapping
    ResponseEntity<CommandResult> create(@Valid @RequestBody ClientRequest request, CurrentUser user) {
        UUID clientId = Uuids.random();
        CommandResult result = commands.result(clientId, new CreateClient(clientId, user.agencyId(), request.toDetails()));
        return ResponseEntity.created(URI.create("/api/clients/" + clientId)).body(result);
    }

    @PatchMapping("/{clientId}")
    CommandResult update(@PathVariable UUID clientId, @RequestBody Map<String, Object> patch, CurrentUser user) {
        Map<String, String> changes = patches.validate(patch);
        return commands.result(clientId, new UpdateClientDetails(clientId, user.agencyId(), changes));
    }

    @PostMapping("/{clientId}/archive")
    CommandResult archive(@PathVariable UUID clientId, CurrentUser user) {
        return commands.result(clientId, new ArchiveClient(clientId, user.agencyId()));
    }

    @PostMapping("/{clientId}/restore")
    CommandResult restore(@PathVariable UUID clientId, CurrentUser user) {
        return commands.result(clientId, new RestoreClient(clientId, user.agencyId()));
    }
}
