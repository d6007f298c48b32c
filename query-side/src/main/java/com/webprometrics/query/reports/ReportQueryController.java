package com.webprometrics.query.reports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import com.webprometrics.query.dashboard.DateRange;
import com.webprometrics.query.infra.Page;
import com.webprometrics.query.infra.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Saved reports, their computed data, their exports and delivery history — scoped to the caller's agency. */
@RestController
@RequestMapping("/api/reports")
class ReportQueryController {
    /** The role of the command side's report-rendering service tokens; accepted here on the export alone. */
    static final String RENDERER = "REPORT_RENDERER";
    private static final Set<String> STATUSES = Set.of("requested", "retrying", "delivered", "failed", "cancelled");

    private final ReportQueries reports;
    private final ReportRenderer renderer;

    ReportQueryController(ReportQueries reports, ReportRenderer renderer) {
        this.reports = reports;
        this.renderer = renderer;
    }

    record ReportDetail(@JsonUnwrapped ReportView report, ReportData data) {
    }

    @GetMapping
    Page<ReportView> list(CurrentUser user, @RequestParam(required = false) UUID clientId,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reports.list(user.agencyId(), clientId, PageRequest.of(page, size));
    }

    @GetMapping("/{reportId}")
    ReportDetail get(CurrentUser user, @PathVariable UUID reportId, @RequestParam(required = false) String asOf) {
        ReportContent content = renderer.content(user.agencyId(), reportId, DateRange.day("asOf", asOf));
        return new ReportDetail(content.report(), ReportData.of(content));
    }

    /**
     * The report as a file. Headers name the range it covers ({@code X-Report-From}, {@code X-Report-To}) and the
     * event position its data reflects ({@code X-Data-Position}); the command side keeps them with each delivery.
     */
    @GetMapping("/{reportId}/export")
    ResponseEntity<byte[]> export(CurrentUser user, @PathVariable UUID reportId,
                                  @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String asOf) {
        if (user.roles().contains(RENDERER) && !user.userId().equals(reportId)) {
            throw DomainException.notFound("The report"); // a service token renders only the report it names
        }
        String kind = format == null || format.isBlank() ? "pdf" : format;
        if (!kind.equals("pdf") && !kind.equals("csv")) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("format", "must be csv or pdf")));
        }
        ReportContent content = renderer.content(user.agencyId(), reportId, DateRange.day("asOf", asOf));
        byte[] body = kind.equals("pdf") ? PdfExport.render(content) : CsvExport.render(content);
        String fileName = slug(content.report().title()) + "_" + content.dashboard().from() + "_"
                + content.dashboard().to() + "." + kind;
        return ResponseEntity.ok()
                .contentType(kind.equals("pdf") ? MediaType.APPLICATION_PDF : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Report-From", content.dashboard().from().toString())
                .header("X-Report-To", content.dashboard().to().toString())
                .header("X-Data-Position", String.valueOf(content.dataPosition()))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    @GetMapping("/{reportId}/deliveries")
    Page<DeliveryView> deliveries(CurrentUser user, @PathVariable UUID reportId,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        if (!reports.known(user.agencyId(), reportId)) {
            throw DomainException.notFound("The report");
        }
        return reports.deliveries(user.agencyId(), reportId, null, null, null, null, "UTC", PageRequest.of(page, size));
    }

    @GetMapping("/{reportId}/deliveries/{deliveryId}")
    DeliveryView delivery(CurrentUser user, @PathVariable UUID reportId, @PathVariable UUID deliveryId) {
        return reports.delivery(user.agencyId(), reportId, deliveryId)
                .orElseThrow(() -> DomainException.notFound("The delivery"));
    }

    /** What went out across the agency: filter by client, by the day it was delivered (agency time zone), status. */
    @GetMapping("/deliveries")
    Page<DeliveryView> allDeliveries(CurrentUser user, @RequestParam(required = false) UUID clientId,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("status",
                    "must be one of requested, retrying, delivered, failed, cancelled")));
        }
        LocalDate fromDay = DateRange.day("from", from);
        LocalDate toDay = DateRange.day("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("from", "must not be after to")));
        }
        return reports.deliveries(user.agencyId(), null, clientId, fromDay, toDay, status,
                reports.agencyZone(user.agencyId()), PageRequest.of(page, size));
    }

    /** "Wöchentliche KPIs / Acme" → "wochentliche-kpis-acme": a file name every mail client and file system takes. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "report" : slug;
    }
}
