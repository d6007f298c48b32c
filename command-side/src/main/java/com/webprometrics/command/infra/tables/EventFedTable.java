package com.webprometrics.command.infra.tables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A command-side table kept from events (see {@link CommandTables}). Its handlers are pure functions of the events
 * and their timestamps, so replaying the event store into emptied tables gives the same rows.
 */
public interface EventFedTable {

    /** The tables this component fills, qualified ({@code command.integration_schedule}). */
    List<String> tables();

    /**
     * An event's time as the event store keeps it (milliseconds): what a handler sees live and in a replay alike.
     */
    static Instant stored(Instant eventTime) {
        return eventTime.truncatedTo(ChronoUnit.MILLIS);
    }
}
