package com.webprometrics.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.webprometrics.events.PersonalData;
import com.webprometrics.platform.axon.MetadataKeys;
import com.webprometrics.platform.privacy.PersonalDataCipher;
import com.webprometrics.platform.privacy.PersonalDataWriter;
import com.webprometrics.platform.privacy.SubjectKeys;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which fields of an event are personal ({@link PersonalData} on its record components, also inside nested records
 * and lists of them) and of its metadata (the client's IP and user agent, the acting user's), and seals them under
 * their subject's key as the event is stored. The migration of events stored before uses the same rules.
 */
@Component
public class PersonalFields implements PersonalDataWriter {
    static final List<String> PERSONAL_METADATA = List.of(MetadataKeys.CLIENT_IP, MetadataKeys.USER_AGENT);

    private final SubjectKeys keys;
    private final Map<Class<?>, List<Path>> paths = new ConcurrentHashMap<>();

    public PersonalFields(SubjectKeys keys) {
        this.keys = keys;
    }

    /** A personal field: its path from the top (records to walk through, then the field) and its subject. */
    record Path(List<String> through, String field, String subject, String idField) {
    }

    @Override
    public boolean mayHoldPersonalData(Class<?> type) {
        return MetaData.class.isAssignableFrom(type) || !paths.computeIfAbsent(type, t -> pathsOf(t, List.of())).isEmpty();
    }

    @Override
    public boolean seal(Class<?> payloadType, ObjectNode json) {
        if (MetaData.class.isAssignableFrom(payloadType)) {
            return sealMetadata(json);
        }
        boolean sealed = false;
        for (Path path : paths.computeIfAbsent(payloadType, type -> pathsOf(type, List.of()))) {
            JsonNode id = json.get(path.idField());
            if (id == null || !id.isTextual()) {
                continue;
            }
            String subject = path.subject() + ":" + id.asText();
            for (ObjectNode holder : holders(json, path.through())) {
                sealed |= sealField(holder, path.field(), subject, text(json, "agencyId"));
            }
        }
        return sealed;
    }

    /** The IP and user agent belong to the acting user; without one (sign-up's first step), to the agency. */
    private boolean sealMetadata(ObjectNode json) {
        String subject = json.hasNonNull(MetadataKeys.USER_ID) ? "user:" + json.get(MetadataKeys.USER_ID).asText()
                : json.hasNonNull(MetadataKeys.AGENCY_ID) ? "agency:" + json.get(MetadataKeys.AGENCY_ID).asText() : null;
        if (subject == null) {
            return false;
        }
        boolean sealed = false;
        for (String field : PERSONAL_METADATA) {
            sealed |= sealField(json, field, subject, text(json, MetadataKeys.AGENCY_ID));
        }
        return sealed;
    }

    private static String text(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private boolean sealField(ObjectNode holder, String field, String subject, String agencyId) {
        JsonNode value = holder.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual() && !PersonalDataCipher.isSealed(value.asText())) {
            holder.set(field, TextNode.valueOf(PersonalDataCipher.seal(subject, keys.keyFor(subject, agencyId), value.asText())));
            return true;
        }
        boolean sealed = false;
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual() && !PersonalDataCipher.isSealed(element.asText())) {
                    array.set(i, TextNode.valueOf(PersonalDataCipher.seal(subject, keys.keyFor(subject, agencyId), element.asText())));
                    sealed = true;
                }
            }
        }
        return sealed;
    }

    private static List<ObjectNode> holders(ObjectNode json, List<String> through) {
        List<ObjectNode> level = List.of(json);
        for (String step : through) {
            List<ObjectNode> next = new ArrayList<>();
            for (ObjectNode node : level) {
                JsonNode child = node.get(step);
                if (child instanceof ObjectNode object) next.add(object);
                if (child instanceof ArrayNode array) array.forEach(e -> {
                    if (e instanceof ObjectNode object) next.add(object);
                });
            }
            level = next;
        }
        return level;
    }

    static List<Path> pathsOf(Class<?> type, List<String> through) {
        if (!type.isRecord() || through.size() > 4) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) {
                found.add(new Path(through, component.getName(), personal.subject(), personal.id()));
                continue;
            }
            Class<?> nested = elementType(component);
            if (nested != null && nested.isRecord()) {
                List<String> deeper = new ArrayList<>(through);
                deeper.add(component.getName());
                found.addAll(pathsOf(nested, List.copyOf(deeper)));
            }
        }
        return List.copyOf(found);
    }

    private static Class<?> elementType(RecordComponent component) {
        if (component.getType().isRecord()) {
            return component.getType();
        }
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized && List.class.isAssignableFrom(component.getType())
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
