package com.webprometrics.paymentstandin;

import java.util.Arrays;
import java.util.Optional;

/**
 * The provider's documented test cards that can be saved for later (the decline-on-attach cards cannot be), and how
 * an off-session payment with each turns out.
 */
enum Cards {
    VISA("4242424242424242", "pm_card_visa", "visa", "Visa — payments succeed", Outcome.SUCCEEDS),
    MASTERCARD("5555555555554444", "pm_card_mastercard", "mastercard", "Mastercard — payments succeed", Outcome.SUCCEEDS),
    CHARGE_FAILS("4000000000000341", "pm_card_chargeCustomerFail", "visa",
            "Visa — saves, then every payment is declined", Outcome.DECLINED),
    AUTHENTICATION_REQUIRED("4000002760003184", "pm_card_authenticationRequired", "visa",
            "Visa — the bank asks to authenticate every payment", Outcome.AUTHENTICATION_REQUIRED),
    DISPUTED("4000000000000259", "pm_card_createDispute", "visa",
            "Visa — payments succeed, then the cardholder disputes them", Outcome.DISPUTED);

    enum Outcome { SUCCEEDS, DECLINED, AUTHENTICATION_REQUIRED, DISPUTED }

    final String number;
    final String token;
    final String brand;
    final String label;
    final Outcome outcome;

    Cards(String number, String token, String brand, String label, Outcome outcome) {
        this.number = number;
        this.token = token;
        this.brand = brand;
        this.label = label;
        this.outcome = outcome;
    }

    String last4() {
        return number.substring(number.length() - 4);
    }

    static Optional<Cards> byNumber(String number) {
        return Arrays.stream(values()).filter(c -> c.number.equals(number)).findFirst();
    }

    static Optional<Cards> byToken(String token) {
        return Arrays.stream(values()).filter(c -> c.token.equals(token)).findFirst();
    }
}
