package com.webprometrics.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/** Opens the sealed values of a stored JSON tree in place: each becomes its plaintext, or {@code "[erased]"}. */
public class PersonalDataReader {
    private final SubjectKeys keys;

    public PersonalDataReader(SubjectKeys keys) {
        this.keys = keys;
    }

    public boolean mayHoldSealed(byte[] json) {
        return PersonalDataCipher.mayHoldSealed(json);
    }

    public void reveal(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && PersonalDataCipher.isSealed(value.asText())) {
                    field.setValue(TextNode.valueOf(open(value.asText())));
                } else {
                    reveal(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && PersonalDataCipher.isSealed(value.asText())) {
                    array.set(i, TextNode.valueOf(open(value.asText())));
                } else {
                    reveal(value);
                }
            }
        }
    }

    /** Plaintext, or erased; a remembered key that does not open the value is read again (it may be newer). */
    public String open(String sealed) {
        String subject = PersonalDataCipher.subjectOf(sealed);
        return PersonalDataCipher.open(sealed, keys.find(subject))
                .or(() -> PersonalDataCipher.open(sealed, keys.find(subject, true)))
                .orElse(PersonalDataCipher.ERASED);
    }
}
