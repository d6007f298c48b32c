package com.webprometrics.platform.axon.eventstore;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * Axon's JDBC engine with four changes:
 * <ul>
 * <li>a command's events go in as one multi-row {@code INSERT … RETURNING global_index}, so the command knows the
 * position it produced without asking again ({@link AppendedPositions});</li>
 * <li>a committed append tells {@link AppendSignal}, which wakes the query side outside the append's transaction
 * (a {@code NOTIFY} inside it serialized every commit on PostgreSQL's notify lock);</li>
 * <li>a snapshot is deserialized while it is read, so one that no longer fits its class is skipped (Axon then
 * replays the events) instead of failing the command that loads it;</li>
 * <li>a processor's read names the positions it still waits for (its token's gaps) as one array parameter: Axon's
 * one parameter per gap stops every processor for good once a token holds more than PostgreSQL's 65,535 bind
 * parameters — a sequence jump that large (rolled-back imports, a table sharing the sequence) was enough.</li>
 * </ul>
 * It also offers {@link #fetchEvents}: one query's worth of a tracked stream, for a reader that decides itself when to
 * ask again (Axon's tracked stream queries again whenever it is asked for more). Every tracked event read carries its
 * own global index ({@link GlobalIndex}).
 */
public class PostgresEventStorageEngine extends JdbcEventStorageEngine {
    private final TransactionManager transactionManager;
    private final AppendSignal appendSignal;

    public PostgresEventStorageEngine(Builder builder, TransactionManager transactionManager, AppendSignal appendSignal) {
        super(builder);
        this.transactionManager = transactionManager;
        this.appendSignal = appendSignal;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        EventMessage<?> first = events.get(0);
        long last = transactionManager.fetchInTransaction(() -> JdbcUtils.executeQuery(getConnection(),
                connection -> insert(connection, events, serializer),
                rows -> {
                    long max = 0;
                    while (rows.next()) {
                        max = Math.max(max, rows.getLong(1));
                    }
                    return max;
                },
                e -> {
                    handlePersistenceException(e, first);
                    return new EventStoreException("Appending events failed", e);
                }));
        AppendedPositions.record(last);
        AfterCommit.run(appendSignal::appended);
    }

    private PreparedStatement insert(Connection connection, List<? extends EventMessage<?>> events,
                                     Serializer serializer) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(schema().domainEventTable()).append(" (")
                .append(schema().domainEventFields()).append(") VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
        }
        sql.append(" RETURNING ").append(schema().globalIndexColumn());
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        int p = 0;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            statement.setString(++p, event.getIdentifier());
            statement.setString(++p, event.getAggregateIdentifier());
            statement.setLong(++p, event.getSequenceNumber());
            statement.setString(++p, event.getType());
            statement.setString(++p, formatInstant(event.getTimestamp()));
            statement.setString(++p, payload.getType().getName());
            statement.setString(++p, payload.getType().getRevision());
            statement.setBytes(++p, payload.getData());
            statement.setBytes(++p, metaData.getData());
        }
        return statement;
    }

    /**
     * The events after {@code token}, as one query returns them (at most {@link #batchSize()}, fewer near the head
     * or across missing positions, none when nothing follows), upcast and deserialized like {@link #readEvents}.
     */
    public List<? extends TrackedEventMessage<?>> fetchEvents(TrackingToken token) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, batchSize()).stream(),
                getEventSerializer(), upcasterChain).toList();
    }

    /** Axon's, with the row's global index beside the stored metadata ({@link GlobalIndex}). */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        return new TrackedDomainEventData<>(read.trackingToken(), new GlobalIndex.Indexed<>(
                (DomainEventData<?>) read, resultSet.getLong(schema().globalIndexColumn())));
    }

    @Override
    protected PreparedStatement readEventDataWithGaps(Connection connection, long globalIndex, int batchSize,
                                                      List<Long> gaps) throws SQLException {
        String index = schema().globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema().trackedEventFields()
                + " FROM " + schema().domainEventTable() + " WHERE (" + index + " > ? AND " + index + " <= ?) OR "
                + index + " = ANY (?) ORDER BY " + index + " ASC");
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        statement.setArray(3, connection.createArrayOf("bigint", gaps.toArray()));
        return statement;
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
        snapshot.ifPresent(DomainEventMessage::getPayload);
        return snapshot;
    }
}
