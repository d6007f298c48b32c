package com.webprometrics.command.reports;

/** One rule a field of a report breaks; the web layer answers it as an RFC 9457 field error. */
public record FieldProblem(String field, String message) {
}
