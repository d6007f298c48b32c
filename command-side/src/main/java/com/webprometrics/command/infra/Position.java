package com.webprometrics.command.infra;

/** What a command answers when the id is the caller's own (its subscription, its session): the position it produced. */
public record Position(long position) {
}
