package com.webprometrics.query.billing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePdfTest {
    private static final InvoiceView.Party SELLER = new InvoiceView.Party("WebProMetrics GmbH",
            List.of("Torstraße 1"), "10119", "Berlin", "DE", "DE123456789", "billing@webprometrics.example");
    private static final InvoiceView.Party GERMAN_BUYER = new InvoiceView.Party("Müller Digital GmbH",
            List.of("Hauptstraße 5"), "80331", "München", "DE", null, "finance@mueller.example");
    private static final InvoiceView.Party FRENCH_BUSINESS = new InvoiceView.Party("Agence Lumière SARL",
            List.of("12 rue de la Paix"), "75002", "Paris", "FR", "FR40303265045", "compta@lumiere.example");

    @Test
    void aPaidGermanInvoiceShowsItsNumberLinesVatAndTotal() throws IOException {
        byte[] pdf = InvoicePdf.render(invoice("WPM-2026-000042", "paid", false, null, 1900, GERMAN_BUYER,
                List.of(new InvoiceView.Line("Growth plan, 1 Dec 2026 – 1 Jan 2027", 7900)), 7900, 1501, 9401));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text(pdf)).contains("Invoice WPM-2026-000042", "Growth plan", "79.00 EUR", "VAT 19 %",
                "15.01 EUR", "94.01 EUR", "PAID on 3 Dec 2026", "Müller Digital GmbH", "WebProMetrics GmbH",
                "DE123456789", "Germany");
    }

    @Test
    void aReverseChargeInvoicePrintsTheNoteInsteadOfARate() throws IOException {
        String note = "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)";
        byte[] pdf = InvoicePdf.render(invoice("WPM-2026-000043", "open", true, note, 0, FRENCH_BUSINESS,
                List.of(new InvoiceView.Line("Unused time on Starter", -1450),
                        new InvoiceView.Line("Remaining time on Growth", 3950)), 2500, 0, 2500));

        String text = text(pdf);
        assertThat(text).contains("Invoice WPM-2026-000043", "Unused time on Starter", "-14.50 EUR", "25.00 EUR",
                "Art. 196", "OPEN", "FR40303265045", "France");
        assertThat(text).doesNotContain("VAT 0 %");
    }

    @Test
    void moneyFollowsTheCurrencysMinorUnit() {
        assertThat(InvoicePdf.money(2900, "EUR")).isEqualTo("29.00 EUR");
        assertThat(InvoicePdf.money(-5, "EUR")).isEqualTo("-0.05 EUR");
        assertThat(InvoicePdf.money(1500, "JPY")).isEqualTo("1500 JPY");
    }

    private static InvoiceView invoice(String number, String status, boolean reverseCharge, String taxNote,
                                       int rate, InvoiceView.Party buyer, List<InvoiceView.Line> lines,
                                       long subtotal, long tax, long total) {
        return new InvoiceView(UUID.randomUUID(), number, 42, "renewal", status,
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), "growth", "EUR", lines, subtotal, rate, tax, total,
                reverseCharge, taxNote, SELLER, buyer, status.equals("paid") ? Instant.parse("2026-12-03T10:00:00Z") : null,
                null, 1, null, null, 0, false);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
