package com.webprometrics.command.billing;

import com.webprometrics.events.billing.InvoiceLine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProrationTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-31T00:00:00Z"); // 30 days

    @Test
    void atThePeriodsStartTheWholeOldPriceIsCreditedAndTheWholeNewPriceCharged() {
        List<InvoiceLine> lines = Proration.lines("Starter", 2900, "Growth", 7900, START, END, START);
        assertThat(lines).extracting(InvoiceLine::amountCents).containsExactly(-2900L, 7900L);
        assertThat(Proration.total(lines)).isEqualTo(5000);
    }

    @Test
    void halfwayHalfOfEachAsInStripesExample() {
        Instant halfway = Instant.parse("2026-12-16T00:00:00Z");
        List<InvoiceLine> lines = Proration.lines("Basic", 1000, "Pro", 2000, START, END, halfway);
        assertThat(lines).extracting(InvoiceLine::amountCents).containsExactly(-500L, 1000L);
        assertThat(lines).extracting(InvoiceLine::description)
                .containsExactly("Unused time on Basic", "Remaining time on Pro");
    }

    @Test
    void toTheSecondEachLineRoundedHalfUpOnItsOwn() {
        // one second after the start: 2,591,999 of 2,592,000 seconds are unused
        Instant oneSecondIn = START.plusSeconds(1);
        List<InvoiceLine> lines = Proration.lines("Starter", 2900, "Growth", 7900, START, END, oneSecondIn);
        assertThat(lines).extracting(InvoiceLine::amountCents).containsExactly(-2900L, 7900L);
        // a third of the period left: 2900/3 = 966.67 → 967, 7900/3 = 2633.33 → 2633
        Instant twoThirds = Instant.parse("2026-12-21T00:00:00Z");
        assertThat(Proration.lines("Starter", 2900, "Growth", 7900, START, END, twoThirds))
                .extracting(InvoiceLine::amountCents).containsExactly(-967L, 2633L);
        assertThat(Proration.share(1, 1, 2)).as("a half rounds up").isEqualTo(1);
    }

    @Test
    void atOrAfterThePeriodsEndNothingIsProrated() {
        assertThat(Proration.lines("Starter", 2900, "Growth", 7900, START, END, END)).isEmpty();
        assertThat(Proration.lines("Starter", 2900, "Growth", 7900, START, END, END.plusSeconds(5))).isEmpty();
    }
}
