package com.webprometrics.command.billing;

import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The billing details an owner or admin enters ({@code PUT /api/subscriptions/billing-details}). Beyond the
 * annotations: the country is an ISO 3166-1 alpha-2 code, and a VAT id is a two-letter prefix (Greece writes EL)
 * and 2–12 letters or digits; spaces, dots and dashes are dropped.
 */
record BillingDetailsRequest(@NotBlank @Size(max = 200) String legalName,
                            @NotNull @Size(min = 1, max = 4) List<@NotBlank @Size(max = 200) String> addressLines,
                            @NotBlank @Size(max = 20) String postalCode,
                            @NotBlank @Size(max = 100) String city,
                            @NotBlank @Size(min = 2, max = 2) String country,
                            @Size(max = 20) String vatId,
                            @NotBlank @Email @Size(max = 254) String billingEmail) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,12}");

    /** Trimmed, upper-cased codes, a VAT id without spaces or dots; refuses what the annotations cannot say. */
    BillingDetails toDetails() {
        String code = country.trim().toUpperCase(Locale.ROOT);
        String vat = vatId == null || vatId.isBlank() ? null
                : vatId.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        List<Map<String, String>> errors = new ArrayList<>();
        if (!COUNTRIES.contains(code)) {
            errors.add(Problems.fieldError("country", "must be an ISO 3166-1 alpha-2 code such as DE or FR"));
        }
        if (vat != null && !VAT_ID.matcher(vat).matches()) {
            errors.add(Problems.fieldError("vatId", "must be a VAT id such as DE123456789"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new BillingDetails(legalName.trim(), addressLines.stream().map(String::trim).toList(),
                postalCode.trim(), city.trim(), code, vat, billingEmail.trim());
    }
}
