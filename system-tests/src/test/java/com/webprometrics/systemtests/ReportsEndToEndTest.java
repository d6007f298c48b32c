package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports through the whole packaged stack, as a client would: a saved report over demo data, exported as CSV and
 * PDF through the gateway, "send now" e-mailed by command-side through a real SMTP server (GreenMail) with the PDF
 * the query side rendered, the delivery in the history, and the stored file downloading byte for byte.
 */
class ReportsEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static GreenMail mail;
    private static Stack stack;

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        stack = Stack.builder().name("reports")
                .env("WPM_SMTP_HOST", "127.0.0.1")
                .env("WPM_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()))
                .env("WPM_SMTP_FROM", "reports@wpm.test")
                .start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aSavedReportIsExportedAndEmailedAndWhatWasSentCanBeFetchedAgain() throws Exception {
        Api api = stack.api().fromNewAddress();
        ApiResponse signup = api.post("/api/auth/signup", Map.of("agencyName", "Report Agency", "name", "Rita",
                "email", "reports-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        String token = signup.field("accessToken");
        ApiResponse client = api.post("/api/clients", Map.of("name", "Demo Client"), token);
        String clientId = client.field("id");
        ApiResponse connected = api.post("/api/clients/" + clientId + "/integrations", Map.of("provider", "demo"), token);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        // syncs may run in the background: wait until the integration reports a successful sync
        eventually(() -> api.get("/api/clients/" + clientId + "/integrations", token, "X-Min-Position",
                connected.field("position")), r -> r.status() == 200 && !r.json().path(0).path("lastSyncAt").isNull()
                && !r.json().path(0).path("lastSyncAt").isMissingNode());

        ApiResponse created = api.post("/api/reports", Map.of("clientId", clientId, "title", "Weekly KPIs",
                "metrics", List.of("sessions", "revenue", "cost", "roas", "ctr"), "range", "last_7_days"), token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String reportId = created.field("id");
        String position = created.field("position");
        assertThat(api.post("/api/reports", Map.of("clientId", clientId, "title", "Bad", "metrics", List.of("bounces")),
                token).json().path("errors").get(0).path("field").asText()).isEqualTo("metrics[0]");

        ApiResponse report = api.get("/api/reports/" + reportId, token, "X-Min-Position", position);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode sessions = report.json().path("data").path("kpis").get(0);
        assertThat(sessions.path("metric").asText()).isEqualTo("sessions");
        assertThat(sessions.path("value").asDouble()).isPositive();
        assertThat(report.json().path("data").path("series")).hasSize(7);
        assertThat(api.get("/api/reports?clientId=" + clientId, token).json().path("total").asInt()).isEqualTo(1);

        ApiResponse csv = api.get("/api/reports/" + reportId + "/export?format=csv", token);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"weekly-kpis_");
        List<String> lines = List.of(csv.text().split("\r\n"));
        assertThat(lines).contains("report,Weekly KPIs", "client,Demo Client", "metric,label,unit,value,previous,change_pct");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("data_as_of,demo,last_sync,"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .isEqualTo("sessions,Sessions,count," + sessions.path("value").decimalValue().stripTrailingZeros().toPlainString()
                        + "," + sessions.path("previousValue").decimalValue().stripTrailingZeros().toPlainString() + ","
                        + sessions.path("changePct").decimalValue().stripTrailingZeros().toPlainString()));

        ApiResponse pdf = api.get("/api/reports/" + reportId + "/export?format=pdf", token);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Weekly KPIs", "Demo Client", "last 7 days",
                    sessions.path("formattedValue").asText(), "Data as of: Demo data: last sync");
        }

        String stranger = api.fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Other",
                "name", "Otto", "email", "other-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null)
                .field("accessToken");
        assertThat(api.get("/api/reports/" + reportId + "/export?format=pdf", stranger).status()).isEqualTo(404);

        ApiResponse sendNow = api.post("/api/reports/" + reportId + "/deliveries",
                Map.of("recipients", List.of("ceo@client.test")), token);
        assertThat(sendNow.status()).as(sendNow.toString()).isEqualTo(202);
        String deliveryId = sendNow.field("id");

        assertThat(mail.waitForIncomingEmail(60_000, 1)).as("the e-mail arrives").isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ceo@client.test");
        assertThat(message.getSubject()).startsWith("Weekly KPIs · ");
        Part attachment = attachment(message);
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        byte[] attached = attachment.getInputStream().readAllBytes();
        try (PDDocument document = Loader.loadPDF(attached)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Weekly KPIs", "Demo Client");
        }

        ApiResponse history = eventually(() -> api.get("/api/reports/" + reportId + "/deliveries", token),
                r -> "delivered".equals(r.json().path("items").path(0).path("status").asText()));
        JsonNode delivery = history.json().path("items").get(0);
        assertThat(delivery.path("id").asText()).isEqualTo(deliveryId);
        assertThat(delivery.path("trigger").asText()).isEqualTo("manual");
        assertThat(delivery.path("dataPosition").asLong()).isPositive();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(attached));
        assertThat(delivery.path("sha256").asText()).isEqualTo(sha256);

        ApiResponse file = api.get(delivery.path("fileUrl").asText(), token);
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.bytes()).isEqualTo(attached);
        assertThat(file.header("X-Content-SHA256")).isEqualTo(sha256);
        assertThat(file.header("X-Data-Position")).isEqualTo(delivery.path("dataPosition").asText());
        assertThat(api.get(delivery.path("fileUrl").asText(), stranger).status()).isEqualTo(404);
    }

    /** Polls a read (bounded: 60 s) until it satisfies the condition — for work the stack does in the background. */
    private static ApiResponse eventually(java.util.function.Supplier<ApiResponse> read, Predicate<ApiResponse> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        ApiResponse last = read.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as("still not done: %s", last).isLessThan(deadline);
            Thread.sleep(250);
            last = read.get();
        }
        return last;
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment in " + new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
