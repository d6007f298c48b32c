package com.webprometrics.command.billing;

import com.webprometrics.events.billing.InvoiceParty;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code wpm.billing.invoicing}: who issues the invoices, the one series they are numbered in, and the VAT rate by the
 * buyer's country in basis points (a country not listed is charged none).
 */
@ConfigurationProperties("wpm.billing.invoicing")
public record InvoicingProperties(String series, Issuer issuer, Map<String, Integer> taxRates) {
    private static final Pattern SERIES = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");

    public record Issuer(String name, List<String> addressLines, String postalCode, String city, String country,
                         String vatId, String email) {
        InvoiceParty party() {
            return new InvoiceParty(name, addressLines, postalCode, city, country, vatId, email);
        }
    }

    public InvoicingProperties {
        if (series == null || !SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("wpm.billing.invoicing.series is upper-case letters, digits and dashes");
        }
        if (issuer == null || issuer.name() == null || issuer.country() == null) {
            throw new IllegalArgumentException("wpm.billing.invoicing.issuer needs at least a name and a country");
        }
        taxRates = taxRates == null ? Map.of() : Map.copyOf(taxRates);
        java.util.Set<String> missing = new java.util.TreeSet<>(Tax.EU);
        missing.removeAll(taxRates.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("wpm.billing.invoicing.tax-rates has no VAT rate for " + missing);
        }
        taxRates.forEach((country, rate) -> {
            if (rate < 0 || rate > 10_000) {
                throw new IllegalArgumentException("wpm.billing.invoicing.tax-rates." + country + " is in basis points");
            }
        });
    }
}
