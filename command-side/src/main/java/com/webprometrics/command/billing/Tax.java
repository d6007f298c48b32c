package com.webprometrics.command.billing;

import java.util.Map;
import java.util.Set;

/**
 * The VAT on an invoice, decided by the buyer's country. A business in another EU member state with a VAT id pays the
 * VAT itself (reverse charge, Art. 196 of Directive 2006/112/EC), which the invoice states; otherwise the rate
 * configured for the buyer's country applies (every EU country has one, checked at start), and a buyer outside the
 * EU with no configured rate pays none (the service is supplied where it is received), which the invoice states. A buyer without billing details is taxed as a buyer in the issuer's country.
 *
 * @param rateBasisPoints 1900 = 19 %
 * @param note            what the invoice must say about the VAT, or null
 */
record Tax(int rateBasisPoints, boolean reverseCharge, String note) {
    static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
            "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    static Tax of(String buyerCountry, String buyerVatId, String issuerCountry, Map<String, Integer> rates) {
        String country = buyerCountry == null ? issuerCountry : buyerCountry;
        boolean business = buyerVatId != null && !buyerVatId.isBlank();
        if (EU.contains(country) && business && !country.equals(issuerCountry)) {
            return new Tax(0, true, "Reverse charge: VAT to be accounted for by the recipient "
                    + "(Art. 196 Directive 2006/112/EC).");
        }
        Integer rate = rates.get(country);
        if (rate != null) {
            return new Tax(rate, false, null);
        }
        if (!EU.contains(country)) {
            return new Tax(0, false, "Not subject to EU VAT: services supplied to a customer outside the EU.");
        }
        throw new IllegalStateException("no VAT rate is configured for " + country); // checked at start

    }

    /** The tax on {@code subtotalCents}, rounded half up to the minor unit (subtotals are never negative). */
    long on(long subtotalCents) {
        return (Math.multiplyExact(subtotalCents, (long) rateBasisPoints) * 2 + 10_000) / 20_000;
    }
}
