package com.webprometrics.command.reports;

import com.webprometrics.websecurity.Uuids;
import com.webprometrics.command.infra.CommandResult;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.reports.ReportCommands.ChangeReport;
import com.webprometrics.command.reports.ReportCommands.CreateReport;
import com.webprometrics.command.reports.ReportCommands.DeleteReport;
import com.webprometrics.command.reports.ReportCommands.RequestDelivery;
import com.webprometrics.platform.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/reports")
class ReportController {
    private final Commands commands;
    private final ReportDeliveries deliveries;
    private final ReportFiles files;
    private final ManualSendBudget sendBudget;
    private final Clock clock;

    ReportController(Commands commands, ReportDeliveries deliveries, ReportFiles files, ManualSendBudget sendBudget,
                     Clock clock) {
        this.commands = commands;
        this.deliveries = deliveries;
        this.files = files;
        this.sendBudget = sendBudget;
        this.clock = clock;
    }

    record DeliveryAccepted(UUID id, UUID reportId, String status, long position) {
    }

    @PostMapping
    ResponseEntity<CommandResult> create(@RequestBody ReportRequests.Create request, CurrentUser user) {
        request.validate();
        UUID reportId = Uuids.random();
        CommandResult result = commands.result(reportId, new CreateReport(reportId, user.agencyId(), request.clientId(),
                request.definition(), request.schedule() == null ? null : request.schedule().toSchedule()));
        return ResponseEntity.created(URI.create("/api/reports/" + reportId)).body(result);
    }

    @PatchMapping("/{reportId}")
    CommandResult change(@PathVariable UUID reportId, @RequestBody(required = false) Map<String, Object> body,
                         CurrentUser user) {
        ReportRequests.Patch patch = ReportRequests.Patch.parse(body);
        return commands.result(reportId, new ChangeReport(reportId, user.agencyId(), patch.definition(),
                patch.scheduleGiven(), patch.schedule()));
    }

    @DeleteMapping("/{reportId}")
    CommandResult delete(@PathVariable UUID reportId, CurrentUser user) {
        return commands.result(reportId, new DeleteReport(reportId, user.agencyId()));
    }

    /** "Send now": accepted at once, sent in the background; the outcome appears in the delivery history. */
    @PostMapping("/{reportId}/deliveries")
    ResponseEntity<DeliveryAccepted> send(@PathVariable UUID reportId,
                                          @RequestBody(required = false) ReportRequests.Delivery request,
                                          CurrentUser user) {
        ReportRequests.Delivery delivery = request == null ? new ReportRequests.Delivery(null, null) : request;
        delivery.validate();
        sendBudget.take(user.agencyId());
        UUID deliveryId = Uuids.random();
        long position = commands.position(new RequestDelivery(reportId, user.agencyId(), deliveryId, "manual",
                delivery.format(), delivery.recipients(), null, clock.instant()));
        deliveries.kick();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/reports/" + reportId + "/deliveries/" + deliveryId))
                .body(new DeliveryAccepted(deliveryId, reportId, "requested", position));
    }

    /** Exactly the bytes that were e-mailed, with their SHA-256 and the read models' position they were built from. */
    @GetMapping("/{reportId}/deliveries/{deliveryId}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID reportId, @PathVariable UUID deliveryId, CurrentUser user) {
        ReportFiles.StoredFile file = files.find(user.agencyId(), reportId, deliveryId)
                .orElseThrow(ReportRejection.FILE_NOT_FOUND::get);
        byte[] digest = HexFormat.of().parseHex(file.sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", file.sha256())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":")
                .header("X-Data-Position", String.valueOf(file.dataPosition()))
                .header("X-Delivered-At", file.deliveredAt().toString())
                .body(file.content());
    }
}
