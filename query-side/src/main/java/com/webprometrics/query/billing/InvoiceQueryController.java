package com.webprometrics.query.billing;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The caller's agency's invoices: the list, one invoice, and its PDF. */
@RestController
@RequestMapping("/api/subscriptions/invoices")
class InvoiceQueryController {
    static final int MAX_LIMIT = 100;

    private final InvoiceQueries invoices;

    InvoiceQueryController(InvoiceQueries invoices) {
        this.invoices = invoices;
    }

    /** {@code ?limit=20&after=<next of the previous page>}, newest first. */
    @GetMapping
    InvoiceSummary.Page list(CurrentUser user, @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String after) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("limit",
                    "must be between 1 and " + MAX_LIMIT)));
        }
        return invoices.list(user.agencyId(), size, after == null || after.isBlank() ? null : cursor(after));
    }

    /** JSON, or the PDF with {@code ?format=pdf} or {@code Accept: application/pdf}. */
    @GetMapping("/{invoiceId}")
    ResponseEntity<?> invoice(CurrentUser user, @PathVariable UUID invoiceId,
                              @RequestParam(required = false) String format,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean pdf = wantsPdf(format, accept);
        InvoiceView invoice = invoices.find(user.agencyId(), invoiceId)
                .orElseThrow(() -> DomainException.notFound("The invoice"));
        if (!pdf) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(invoice);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("invoice-" + invoice.number() + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(InvoicePdf.render(invoice));
    }

    private static boolean wantsPdf(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (!format.equals("pdf") && !format.equals("json")) {
                throw ProblemException.invalidFields(List.of(Problems.fieldError("format", "must be json or pdf")));
            }
            return format.equals("pdf");
        }
        if (accept == null) {
            return false;
        }
        // a PDF only when asked for it by name: "*/*" and browsers' defaults get JSON
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static UUID cursor(String after) {
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("after",
                    "must be the next of a previous page")));
        }
    }
}
