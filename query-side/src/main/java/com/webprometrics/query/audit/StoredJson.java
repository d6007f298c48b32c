package com.webprometrics.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.platform.privacy.PersonalDataReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored payload or metadata (JSON bytes, as Axon's serializer wrote them) as a map in its stored field order,
 * with its personal data opened (or erased) as every other reader of the event store sees it.
 */
@Component
class StoredJson {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private final ObjectMapper json;
    private final PersonalDataReader personalData;

    StoredJson(@Qualifier("defaultAxonObjectMapper") ObjectMapper json, PersonalDataReader personalData) {
        this.json = json;
        this.personalData = personalData;
    }

    Map<String, Object> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            if (!personalData.mayHoldSealed(bytes)) {
                return json.readValue(bytes, MAP);
            }
            JsonNode tree = json.readTree(bytes);
            personalData.reveal(tree);
            return json.convertValue(tree, MAP);
        } catch (IOException e) {
            Map<String, Object> unreadable = new LinkedHashMap<>();
            unreadable.put("unreadable", e.getMessage());
            return unreadable;
        }
    }
}
