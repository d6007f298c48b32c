package com.webprometrics.command.reports;

/** The query side could not hand over the file (down, not caught up, refused). */
class RenderFailure extends Exception {
    RenderFailure(String message) {
        super(message);
    }

    RenderFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
