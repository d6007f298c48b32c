package com.webprometrics.command.billing;

import java.util.List;

/** Who the agency's invoices are made out to (validated and normalized by {@link BillingDetailsRequest}). */
public record BillingDetails(String legalName, List<String> addressLines, String postalCode, String city,
                             String country, String vatId, String billingEmail) {
}
