package com.webprometrics.events.billing;

import com.webprometrics.events.PersonalData;

import java.util.List;

/** Who issues or receives an invoice, as printed on it the day it was issued. */
public record InvoiceParty(String name, List<String> addressLines, String postalCode, String city, String country,
                           String vatId,
                           @PersonalData(subject = "agency", id = "agencyId") String email) {
}
