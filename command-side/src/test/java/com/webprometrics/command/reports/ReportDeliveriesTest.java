package com.webprometrics.command.reports;

import com.webprometrics.command.reports.ReportCommands.RecordDeliveryFailure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class ReportDeliveriesTest {
    private static final Instant NOW = Instant.parse("2025-03-17T06:00:10Z");

    @Test
    void withoutAnSmtpServerADeliveryFailsVisiblyAndForGood() {
        ReportProperties properties = new ReportProperties(6, Duration.ofMinutes(1), false, 4, Duration.ofMinutes(2),
                Duration.ofMinutes(10), URI.create("http://localhost:1"), Duration.ofSeconds(5), Duration.ofMinutes(1),
                new ReportProperties.Smtp("", 25, null, null, "reports@agency.test", false, Duration.ofSeconds(5)));
        DeliveryQueue.Pending waiting = new DeliveryQueue.Pending(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Weekly", "pdf", List.of("ceo@client.test"), LocalDate.parse("2025-03-17"));
        DeliveryQueue queue = new ReportTest.Queue() {
            @Override
            public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
                assertThat(leaseUntil).isEqualTo(now.plus(Duration.ofMinutes(10)));
                return List.of(new Claimed(waiting, 1));
            }
        };
        CommandGateway commands = mock(CommandGateway.class);
        ReportDeliveries deliveries = new ReportDeliveries(queue, null, new ReportMailer(properties), commands, null,
                properties, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(deliveries.runOnce()).isEqualTo(1);

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new RecordDeliveryFailure(waiting.reportId(), waiting.agencyId(),
                waiting.deliveryId(), "no-smtp", "No SMTP server is configured (WPM_SMTP_HOST), so nothing can be e-mailed.",
                1, NOW, null));
    }
}
