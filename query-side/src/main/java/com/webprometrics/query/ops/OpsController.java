package com.webprometrics.query.ops;

import com.webprometrics.platform.domain.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Platform operators (role OPS) rebuild read models while queries keep being answered. */
@RestController
@RequestMapping("/api/ops")
class OpsController {
    private final Rebuilds rebuilds;

    OpsController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    record Started(UUID rebuildId) {
    }

    @PostMapping("/processors/{name}/rebuild")
    ResponseEntity<Started> rebuild(@PathVariable String name) {
        RebuildProgress progress = rebuilds.start(name);
        return ResponseEntity.accepted().location(URI.create("/api/ops/rebuilds/" + progress.id()))
                .body(new Started(progress.id()));
    }

    @GetMapping("/rebuilds/{id}")
    RebuildProgress.Status rebuild(@PathVariable UUID id) {
        return rebuilds.status(id).orElseThrow(() -> DomainException.notFound("The rebuild"));
    }
}
