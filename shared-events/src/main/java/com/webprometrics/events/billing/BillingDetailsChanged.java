package com.webprometrics.events.billing;

import com.webprometrics.events.PersonalData;

import java.util.List;
import java.util.UUID;

/**
 * Who the agency's invoices are made out to from now on: the legal entity, its address, its country (ISO 3166-1
 * alpha-2, which decides the tax), its VAT id if it has one, and where invoices and payment notices go.
 */
public record BillingDetailsChanged(UUID subscriptionId, UUID agencyId, String legalName, List<String> addressLines,
                                    String postalCode, String city, String country, String vatId,
                                    @PersonalData(subject = "agency", id = "agencyId") String billingEmail) {
}
