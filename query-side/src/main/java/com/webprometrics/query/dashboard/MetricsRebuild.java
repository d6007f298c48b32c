package com.webprometrics.query.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.query.ops.OnlineRebuild;
import com.webprometrics.query.ops.RebuildProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds {@code query.metrics_daily} from the event store without the processor and without stopping
 * queries: the events up to the current head are read in pages by global position, turned into rows here and
 * streamed with {@code COPY} into a new, unindexed table; rows superseded by a later event for the same
 * integration and day are deleted, the keys are built, and then — with the {@code metrics} processor paused
 * for a moment — one transaction swaps the tables and moves the processor's token to the rebuild's end
 * position. The processor then applies whatever arrived meanwhile to the new table. Until the swap every
 * query reads the old table; a crash before it leaves the old table in place and a half-built one that the
 * next rebuild drops.
 *
 * <p>Reading the log directly is several times faster than a processor replay (which pays Axon's per-event
 * overhead and a transaction per batch); see docs/benchmarks.md. It assumes {@link DailyMetricsRecorded} has
 * no upcaster: a stored revision it does not know stops the rebuild.
 */
@Component
class MetricsRebuild implements OnlineRebuild {
    static final String STAGING = "metrics_daily_rebuild";
    private static final int PAGE = 5_000;
    /** Positions this far below the end that are missing may belong to transactions still committing. */
    private static final int GAP_WINDOW = 10_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;

    MetricsRebuild(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions,
                   @Qualifier("defaultAxonObjectMapper") ObjectMapper json, EventProcessingConfiguration processing,
                   TokenStore tokens) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.processing = processing;
        this.tokens = tokens;
    }

    @Override
    public String processor() {
        return MetricsProjection.PROCESSOR;
    }

    @Override
    public void run(RebuildProgress progress) throws Exception {
        TrackingEventProcessor processor = processing.eventProcessor(processor(), TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + processor()));
        int segments = transactions.execute(s -> tokens.fetchSegments(processor())).length;
        if (processor.processingStatus().size() != segments) {
            throw new IllegalStateException("This instance works on " + processor.processingStatus().size() + " of the "
                    + segments + " segments of " + processor() + "; rebuild on an instance that holds all of them.");
        }
        long end = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry",
                Long.class);
        // before loading: a position missing now may commit after the load has read past it, so it must stay a gap
        // in the token for the processor to apply later; one present now is read by the load
        Set<Long> gaps = gapsBelow(end);
        long first = jdbc.queryForObject("SELECT coalesce(min(global_index), 0) FROM event_store.domain_event_entry",
                Long.class);
        progress.loading(Math.max(end - first + 1, 0));

        jdbc.execute("DROP TABLE IF EXISTS query." + STAGING);
        jdbc.execute("CREATE TABLE query." + STAGING + " (LIKE query.metrics_daily)");
        MetricsLoad load = new MetricsLoad(json);
        try (Connection reader = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            load.copy(reader, writer.unwrap(PGConnection.class).getCopyAPI(), first - 1, end,
                    (position, events) -> progress.loaded(position - first + 1, events));
        }

        progress.phase(RebuildProgress.Phase.INDEXING);
        List<Long> superseded = load.superseded();
        if (!superseded.isEmpty()) {
            jdbc.update(c -> {
                PreparedStatement delete = c.prepareStatement("DELETE FROM query." + STAGING
                        + " s USING unnest(?::bigint[]) AS x(position) WHERE s.position = x.position");
                delete.setArray(1, c.createArrayOf("int8", superseded.toArray()));
                return delete;
            });
        }
        jdbc.execute("ALTER TABLE query." + STAGING + " ADD CONSTRAINT " + STAGING + "_pkey PRIMARY KEY (integration_id, date)");
        jdbc.execute("CREATE INDEX " + STAGING + "_client_date ON query." + STAGING + " (client_id, date)");
        jdbc.execute("ANALYZE query." + STAGING);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(end, gaps);

        progress.phase(RebuildProgress.Phase.SWITCHING);
        processor.shutDown();
        try {
            transactions.executeWithoutResult(s -> {
                jdbc.execute("LOCK TABLE query.metrics_daily IN ACCESS EXCLUSIVE MODE");
                jdbc.execute("ALTER TABLE query.metrics_daily RENAME TO metrics_daily_old");
                jdbc.execute("ALTER INDEX query.metrics_daily_pkey RENAME TO metrics_daily_old_pkey");
                jdbc.execute("ALTER INDEX query.metrics_daily_client_date RENAME TO metrics_daily_old_client_date");
                jdbc.execute("ALTER TABLE query." + STAGING + " RENAME TO metrics_daily");
                jdbc.execute("ALTER INDEX query." + STAGING + "_pkey RENAME TO metrics_daily_pkey");
                jdbc.execute("ALTER INDEX query." + STAGING + "_client_date RENAME TO metrics_daily_client_date");
                for (int segment : tokens.fetchSegments(processor())) {
                    tokens.storeToken(token, processor(), segment);
                    tokens.releaseClaim(processor(), segment);
                }
            });
        } finally {
            processor.start();
        }
        // dropped outside the swap: dropping in it would hold the lock (and stall reads) much longer
        jdbc.execute("DROP TABLE query.metrics_daily_old");
    }

    /**
     * Positions at or below {@code end}, within the gap window, that no event holds (yet). An event that commits
     * there later is applied by the processor after the swap (the upsert ignores a row's own position again).
     */
    private Set<Long> gapsBelow(long end) {
        Set<Long> present = new TreeSet<>(jdbc.queryForList(
                "SELECT global_index FROM event_store.domain_event_entry WHERE global_index > ? AND global_index <= ?",
                Long.class, end - GAP_WINDOW, end));
        Set<Long> gaps = new TreeSet<>();
        long lowest = present.isEmpty() ? end : ((TreeSet<Long>) present).first();
        for (long position = lowest; position < end; position++) {
            if (!present.contains(position)) {
                gaps.add(position);
            }
        }
        return gaps;
    }

    /** Reading, parsing and {@code COPY}ing the rows, and remembering which rows later events replaced. */
    static final class MetricsLoad {
        private final ObjectMapper json;
        private final DayKeys keys = new DayKeys();
        private final List<Long> superseded = new ArrayList<>();

        MetricsLoad(ObjectMapper json) {
            this.json = json;
        }

        interface Listener {
            void loaded(long position, long events);
        }

        /** Copies the events at positions {@code after < position <= end}. */
        void copy(Connection reader, CopyManager copyManager, long after, long end, Listener listener)
                throws Exception {
            reader.setAutoCommit(false);
            CopyIn copy = copyManager.copyIn("COPY query." + STAGING + " (" + MetricRowText.COLUMNS + ") FROM STDIN");
            long events = 0;
            // A window of positions per page, not a LIMIT: with a LIMIT, stale statistics after a bulk load made
            // PostgreSQL sort the whole rest of the log for every page.
            try (PreparedStatement page = reader.prepareStatement("""
                    SELECT global_index, payload_revision, payload FROM event_store.domain_event_entry
                    WHERE global_index > ? AND global_index <= ? AND payload_type = ?
                    ORDER BY global_index""")) {
                page.unwrap(PGStatement.class).setPrepareThreshold(1); // binary results (raw bytea) from the 2nd page
                page.setString(3, DailyMetricsRecorded.class.getName());
                StringBuilder text = new StringBuilder(PAGE * 256);
                while (after < end) {
                    long upTo = Math.min(after + PAGE, end);
                    page.setLong(1, after);
                    page.setLong(2, upTo);
                    text.setLength(0);
                    int rows = 0;
                    try (ResultSet rs = page.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            long position = rs.getLong(1);
                            if (rs.getString(2) != null) {
                                throw new IllegalStateException("DailyMetricsRecorded at position " + position
                                        + " has revision " + rs.getString(2)
                                        + ", which this rebuild cannot upcast; use a processor replay");
                            }
                            DailyMetricsRecorded event = json.readValue(rs.getBytes(3), DailyMetricsRecorded.class);
                            long replaced = keys.put(event.integrationId(), event.date(), position);
                            if (replaced >= 0) {
                                superseded.add(replaced);
                            }
                            MetricRowText.append(text, event, position);
                        }
                    }
                    reader.commit();
                    if (rows > 0) {
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        events += rows;
                    }
                    after = upTo;
                    listener.loaded(after, events);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }

        List<Long> superseded() {
            return superseded;
        }
    }
}
