package com.webprometrics.gateway.body;

import java.io.IOException;

/** Thrown while reading a request body that grows past {@code wpm.gateway.max-body-bytes}. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
