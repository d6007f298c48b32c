package com.webprometrics.command.infra.aggregates;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A snapshot is only as good as the class it was taken of. This stamps every snapshot with the shape of its
 * aggregate class — its fields, their types, and the fields of our own types inside them, recursively — as the
 * snapshot's revision, and reads a snapshot only while its aggregate class still has that shape. Add, remove,
 * rename or retype a field and the old snapshots are ignored: the aggregate is replayed from its events and
 * snapshotted anew. A change of meaning without a change of shape needs an {@code @Revision} bump on the class,
 * which is part of the stamp.
 */
public final class SnapshotShape implements RevisionResolver, SnapshotFilter {
    private static final String OWN_PACKAGE = "com.webprometrics.";
    private static final RevisionResolver DECLARED = new AnnotationRevisionResolver();
    private final Map<String, String> byClassName = new ConcurrentHashMap<>();

    @Override
    public String revisionOf(Class<?> payloadType) {
        return byClassName.computeIfAbsent(payloadType.getName(), name -> stamp(payloadType));
    }

    @Override
    public boolean test(DomainEventData<?> snapshotData) {
        SerializedType type = snapshotData.getPayload().getType();
        String expected = byClassName.computeIfAbsent(type.getName(), name -> {
            try {
                return stamp(Class.forName(name, false, SnapshotShape.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return "";
            }
        });
        return !expected.isEmpty() && expected.equals(type.getRevision());
    }

    static String stamp(Class<?> aggregateType) {
        StringBuilder shape = new StringBuilder();
        describe(aggregateType, shape, new HashSet<>());
        String declared = DECLARED.revisionOf(aggregateType);
        return (declared == null ? "" : declared + "-") + HexFormat.of().formatHex(sha256(shape.toString()), 0, 8);
    }

    private static void describe(Type type, StringBuilder out, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            describe(p.getRawType(), out, seen);
            out.append('<');
            for (Type argument : p.getActualTypeArguments()) {
                describe(argument, out, seen);
                out.append(',');
            }
            out.append('>');
        } else if (type instanceof Class<?> c && c.isArray()) {
            describe(c.getComponentType(), out, seen);
            out.append("[]");
        } else if (type instanceof Class<?> c && c.getName().startsWith(OWN_PACKAGE)) {
            out.append(c.getName());
            if (!seen.add(c)) {
                return;
            }
            out.append('{');
            if (c.isEnum()) {
                Arrays.stream(c.getEnumConstants()).forEach(constant -> out.append(constant).append(';'));
            } else if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    out.append(component.getName()).append(':');
                    describe(component.getGenericType(), out, seen);
                    out.append(';');
                }
            } else {
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    Field[] fields = k.getDeclaredFields();
                    Arrays.sort(fields, Comparator.comparing(Field::getName));
                    for (Field field : fields) {
                        if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                            out.append(field.getName()).append(':');
                            describe(field.getGenericType(), out, seen);
                            out.append(';');
                        }
                    }
                }
            }
            out.append('}');
        } else {
            out.append(type.getTypeName());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
