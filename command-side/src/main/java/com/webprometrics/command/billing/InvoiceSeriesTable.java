package com.webprometrics.command.billing;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.billing.InvoiceIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code command.invoice_series}: the last number of each series. {@link #next} locks the series' row until the
 * finalising command commits, so concurrent finalisations take consecutive numbers one after the other, and a
 * finalisation that rolls back leaves no gap. The row itself only moves by {@code InvoiceIssued}, which must carry
 * exactly the next number.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class InvoiceSeriesTable implements EventFedTable {
    private final JdbcTemplate jdbc;

    InvoiceSeriesTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("command.invoice_series");
    }

    /** The number the series' next invoice takes; call it as late in the command as possible (it holds a lock). */
    long next(String series) {
        jdbc.update("INSERT INTO command.invoice_series (series, last_number) VALUES (?, 0) ON CONFLICT DO NOTHING",
                series);
        Long last = jdbc.queryForObject("SELECT last_number FROM command.invoice_series WHERE series = ? FOR UPDATE",
                Long.class, series);
        return last + 1;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        int moved = jdbc.update("""
                INSERT INTO command.invoice_series AS s (series, last_number) VALUES (?, ?)
                ON CONFLICT (series) DO UPDATE SET last_number = excluded.last_number
                WHERE s.last_number = excluded.last_number - 1""", event.series(), event.sequence());
        if (moved == 0 || event.sequence() < 1) {
            throw new IllegalStateException("invoice " + event.number() + " is not the next of series "
                    + event.series());
        }
    }
}
