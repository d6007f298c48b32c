package com.webprometrics.auditlog;

/** An export, sink or key file that does not follow the design's format; names the line when it knows it. */
public final class ExportFormatException extends RuntimeException {
    private final long line;
    private final boolean cutShort;

    public ExportFormatException(String message) {
        this(0, message, false);
    }

    public ExportFormatException(long line, String message, boolean cutShort) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
        this.cutShort = cutShort;
    }

    /** The 1-based line, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** Whether the input ended in the middle of this line (a file cut short rather than a line rewritten). */
    public boolean cutShort() {
        return cutShort;
    }

    ExportFormatException at(long lineNumber, boolean lastLineCut) {
        String message = getMessage();
        ExportFormatException located = new ExportFormatException(lineNumber, message, lastLineCut);
        located.initCause(getCause());
        return located;
    }
}
