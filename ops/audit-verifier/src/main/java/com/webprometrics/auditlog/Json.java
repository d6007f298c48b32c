package com.webprometrics.auditlog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes shared by exports, sink lines and keys: hashes in standard base64, strict field reading. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Token streams without a mapper's per-parser context, for the event lines. */
    static final TokenStreamFactory TOKENS = MAPPER.tokenStreamFactory();

    private Json() {
    }

    static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ExportFormatException(what + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ExportFormatException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] unb64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(what + " is not base64");
        }
    }

    static ArrayNode hashes(List<byte[]> hashes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (byte[] hash : hashes) {
            array.add(b64(hash));
        }
        return array;
    }

    static JsonNode field(JsonNode object, String name, String where) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw new ExportFormatException(where + " has no \"" + name + "\"");
        }
        return value;
    }

    static JsonNode objectField(JsonNode object, String name, String where) {
        JsonNode value = field(object, name, where);
        if (!value.isObject()) {
            throw new ExportFormatException(where + "." + name + " is not an object");
        }
        return value;
    }

    static String text(JsonNode object, String name, String where) {
        JsonNode value = field(object, name, where);
        if (!value.isString()) {
            throw new ExportFormatException(where + "." + name + " is not a string");
        }
        return value.stringValue();
    }

    /** A string, or null when the field is missing or null. */
    static String optionalText(JsonNode object, String name, String where) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ExportFormatException(where + "." + name + " is not a string");
        }
        return value.stringValue();
    }

    static long number(JsonNode object, String name, String where) {
        JsonNode value = field(object, name, where);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ExportFormatException(where + "." + name + " is not an integer");
        }
        return value.longValue();
    }

    static boolean bool(JsonNode object, String name, String where) {
        JsonNode value = field(object, name, where);
        if (!value.isBoolean()) {
            throw new ExportFormatException(where + "." + name + " is not true or false");
        }
        return value.booleanValue();
    }

    static byte[] hash(JsonNode object, String name, String where) {
        byte[] hash = unb64(text(object, name, where), where + "." + name);
        if (hash.length != Hashes.SIZE) {
            throw new ExportFormatException(where + "." + name + " is not a 32-byte hash");
        }
        return hash;
    }

    static byte[] bytes(JsonNode object, String name, String where) {
        return unb64(text(object, name, where), where + "." + name);
    }

    static List<byte[]> hashList(JsonNode object, String name, String where) {
        JsonNode value = field(object, name, where);
        if (!value.isArray()) {
            throw new ExportFormatException(where + "." + name + " is not an array");
        }
        List<byte[]> hashes = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw new ExportFormatException(where + "." + name + " holds a non-string");
            }
            byte[] hash = unb64(element.stringValue(), where + "." + name);
            if (hash.length != Hashes.SIZE) {
                throw new ExportFormatException(where + "." + name + " holds a value that is not a 32-byte hash");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    static void onlyFields(JsonNode object, String where, String... names) {
        List<String> allowed = List.of(names);
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new ExportFormatException(where + " has an unknown field \"" + name + "\"");
            }
        }
    }
}
