package com.webprometrics.command.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** The top-level {@code agencyId} of a stored JSON object, read without building a tree. */
final class AgencyOf {
    /** The tree of events that belong to no agency (none today: every event names one). */
    static final String PLATFORM = "platform";
    private static final JsonFactory JSON = new JsonFactory();

    private AgencyOf() {
    }

    static String json(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("agencyId") && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
