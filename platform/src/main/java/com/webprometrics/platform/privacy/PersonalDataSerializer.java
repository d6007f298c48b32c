package com.webprometrics.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webprometrics.platform.axon.eventstore.GlobalIndex;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The event store's serializer: Axon's Jackson serializer with personal data sealed on the way in (when this
 * service has a {@link PersonalDataWriter}) and opened on the way out (decrypted, or {@code "[erased]"} once the
 * subject's key is gone). Events carry ciphertext at rest; every reader — aggregates, projections, sagas — sees
 * plaintext or the erased marker, never the key. Metadata read by a processor gets its row's index here
 * ({@link GlobalIndex.Stamped}), when a handler first asks for it.
 */
public class PersonalDataSerializer implements Serializer {
    private final Serializer delegate;
    private final ObjectMapper json;
    private final PersonalDataWriter writer;
    private final PersonalDataReader reader;

    public PersonalDataSerializer(Serializer delegate, ObjectMapper json, PersonalDataWriter writer,
                                  PersonalDataReader reader) {
        this.delegate = delegate;
        this.json = json;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> plain = delegate.serialize(object, expectedRepresentation);
        if (writer == null || object == null || expectedRepresentation != byte[].class
                || !writer.mayHoldPersonalData(object.getClass())) {
            return plain;
        }
        try {
            JsonNode tree = json.readTree((byte[]) plain.getData());
            if (!(tree instanceof ObjectNode objectNode) || !writer.seal(object.getClass(), objectNode)) {
                return plain;
            }
            @SuppressWarnings("unchecked")
            T sealed = (T) json.writeValueAsBytes(tree);
            return new SimpleSerializedObject<>(sealed, expectedRepresentation, plain.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (serializedObject instanceof GlobalIndex.Stamped<S> stamped) {
            return (T) stamped.stamp(delegate.deserialize(reveal(stamped.stored())));
        }
        return delegate.deserialize(reveal(serializedObject));
    }

    private <S> SerializedObject<S> reveal(SerializedObject<S> serialized) {
        if (!(serialized.getData() instanceof byte[] bytes) || !reader.mayHoldSealed(bytes)) {
            return serialized;
        }
        try {
            JsonNode tree = json.readTree(bytes);
            reader.reveal(tree);
            @SuppressWarnings("unchecked")
            S opened = (S) json.writeValueAsBytes(tree);
            return new SimpleSerializedObject<>(opened, serialized.getContentType(), serialized.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
