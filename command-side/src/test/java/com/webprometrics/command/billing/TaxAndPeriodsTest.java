package com.webprometrics.command.billing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxAndPeriodsTest {
    private static final Map<String, Integer> RATES = SubscriptionTest.euRates();

    @Test
    void aBusinessInAnotherMemberStateWithAVatIdPaysTheVatItself() {
        Tax tax = Tax.of("FR", "FR12345678901", "DE", RATES);
        assertThat(tax.reverseCharge()).isTrue();
        assertThat(tax.rateBasisPoints()).isZero();
        assertThat(tax.note()).contains("Reverse charge", "Art. 196");
        assertThat(tax.on(7900)).isZero();
    }

    @Test
    void aBuyerInTheIssuersCountryOrWithoutAVatIdPaysItsCountrysRateRoundedHalfUp() {
        assertThat(Tax.of("DE", "DE123456789", "DE", RATES).rateBasisPoints()).isEqualTo(1900);
        Tax consumer = Tax.of("FR", null, "DE", RATES);
        assertThat(consumer.reverseCharge()).isFalse();
        assertThat(consumer.rateBasisPoints()).isEqualTo(2000);
        assertThat(Tax.of("DE", null, "DE", RATES).on(2900)).isEqualTo(551); // 5.51
        assertThat(Tax.of("DE", null, "DE", RATES).on(50)).isEqualTo(10); // 9.5 → 10
        assertThat(Tax.of(null, null, "DE", RATES).rateBasisPoints()).as("no details: the issuer's country").isEqualTo(1900);
    }

    @Test
    void outsideTheEuAConfiguredRateAppliesElseNoneWithTheReasonOnTheInvoice() {
        Tax us = Tax.of("US", null, "DE", RATES);
        assertThat(us.rateBasisPoints()).isZero();
        assertThat(us.note()).contains("outside the EU");
        Map<String, Integer> withSwiss = new HashMap<>(RATES);
        withSwiss.put("CH", 810);
        assertThat(Tax.of("CH", null, "DE", withSwiss).rateBasisPoints()).isEqualTo(810);
    }

    @Test
    void everyMemberStateNeedsARateAtStart() {
        Map<String, Integer> missing = new HashMap<>(RATES);
        missing.remove("SK");
        assertThatThrownBy(() -> new InvoicingProperties("WPM", new InvoicingProperties.Issuer("WPM", List.of(), null,
                null, "DE", null, null), missing)).hasMessageContaining("SK");
    }

    @Test
    void periodsKeepTheirAnchorDayAcrossShortMonths() {
        Instant anchor = Instant.parse("2027-01-31T10:00:00Z");
        Instant february = BillingPeriods.end(anchor, anchor);
        assertThat(february).isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
        assertThat(BillingPeriods.end(anchor, february)).isEqualTo(Instant.parse("2027-03-31T10:00:00Z"));
    }
}
