package com.webprometrics.auditlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * How an export shows stored payload and metadata bytes for reading, and whether a shown value is those bytes. The
 * view is the bytes themselves when they are one JSON value on one line (the usual case), else the same JSON made
 * compact, else a JSON string of their text, else null.
 */
final class ReadingView {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    private ReadingView() {
    }

    /** The JSON text to embed for {@code stored}. */
    static String of(byte[] stored) {
        if (isOneJsonValue(stored)) {
            String text = new String(stored, StandardCharsets.UTF_8);
            boolean oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
            return oneLine ? text : Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(stored));
        }
        String text = utf8(stored);
        return text == null || text.isEmpty() ? "null" : Json.MAPPER.writeValueAsString(text);
    }

    /** Whether {@code view} (JSON text) shows {@code stored}: the same bytes, the same JSON, or its text. */
    static boolean matches(byte[] stored, byte[] view) {
        if (Arrays.equals(stored, view)) {
            return true;
        }
        JsonNode shown;
        try {
            shown = Json.MAPPER.readTree(view);
        } catch (JacksonException e) {
            return false;
        }
        if (isOneJsonValue(stored)) {
            return Json.MAPPER.readTree(stored).equals(shown);
        }
        String text = utf8(stored);
        if (text == null || text.isEmpty()) {
            return shown.isNull() || Arrays.equals(view, NULL);
        }
        return shown.isString() && shown.stringValue().equals(text);
    }

    private static boolean isOneJsonValue(byte[] bytes) {
        if (bytes.length == 0 || utf8(bytes) == null) {
            return false;
        }
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
