package com.webprometrics.command.billing;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.billing.InvoicePaid;
import com.webprometrics.events.billing.PaymentMethodSaved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code command.payment_references}: whose is a card or a payment the provider names. A refund, a dispute or a
 * detached card arrives without our metadata (a detached card does not even name its customer any more).
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class PaymentReferencesTable implements EventFedTable {
    private final JdbcTemplate jdbc;

    PaymentReferencesTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("command.payment_references");
    }

    Optional<UUID> subscriptionOf(String... references) {
        for (String reference : Arrays.stream(references).filter(Objects::nonNull).toList()) {
            List<UUID> found = jdbc.queryForList("SELECT subscription_id FROM command.payment_references "
                    + "WHERE reference = ?", UUID.class, reference);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    @EventHandler
    void on(PaymentMethodSaved event) {
        put(event.paymentMethodId(), event.subscriptionId());
    }

    @EventHandler
    void on(InvoicePaid event) {
        if (event.paymentIntentId() != null) {
            put(event.paymentIntentId(), event.subscriptionId());
        }
    }

    private void put(String reference, UUID subscription) {
        jdbc.update("INSERT INTO command.payment_references (reference, subscription_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", reference, subscription);
    }
}
