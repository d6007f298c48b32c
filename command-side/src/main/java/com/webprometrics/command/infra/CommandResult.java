package com.webprometrics.command.infra;

import java.util.UUID;

/** What every command answers: the id it touched and the global event position it produced. */
public record CommandResult(UUID id, long position) {
}
