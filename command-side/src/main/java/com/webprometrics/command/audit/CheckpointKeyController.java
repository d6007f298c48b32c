package com.webprometrics.command.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The public key that signs audit checkpoints, as a JWK: public, like the token JWKS. */
@RestController
class CheckpointKeyController {
    private final CheckpointKeys keys;

    CheckpointKeyController(CheckpointKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/audit/checkpoint-key")
    Map<String, String> key() {
        return keys.current().toJwk();
    }
}
