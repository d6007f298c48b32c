package com.webprometrics.query.billing;

import static com.webprometrics.query.infra.PdfStyle.BAD;
import static com.webprometrics.query.infra.PdfStyle.GOOD;
import static com.webprometrics.query.infra.PdfStyle.HEAD;
import static com.webprometrics.query.infra.PdfStyle.INK;
import static com.webprometrics.query.infra.PdfStyle.MUTED;
import static com.webprometrics.query.infra.PdfStyle.cell;
import static com.webprometrics.query.infra.PdfStyle.font;
import static com.webprometrics.query.infra.PdfStyle.paragraph;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * An invoice as PDF (A4, OpenPDF): number, dates, seller and buyer as issued, the lines, subtotal, VAT (or the
 * reverse-charge note) and total, and whether it is paid. Amounts read "29.00 EUR" for every currency, dates are UTC.
 * Set in OpenPDF's bundled Liberation Sans, embedded as Unicode, so any name or address prints.
 */
final class InvoicePdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private InvoicePdf() {
    }

    static byte[] render(InvoiceView invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            String title = ("credit-note".equals(invoice.kind()) ? "Credit note " : "Invoice ") + invoice.number();
            document.addTitle(title);
            document.addCreator("WebProMetrics");
            document.open();
            document.add(paragraph(title, font(20, INK, true), 4));
            document.add(paragraph("Issued " + day(invoice.issuedAt()), font(10, INK), 2));
            if (invoice.periodStart() != null && invoice.periodEnd() != null) {
                document.add(paragraph("Period " + day(invoice.periodStart()) + " – " + day(invoice.periodEnd()),
                        font(10, INK), 2));
            }
            document.add(paragraph(status(invoice), font(11, "paid".equals(invoice.status()) ? GOOD : BAD, true), 16));
            document.add(parties(invoice));
            document.add(lines(invoice));
            if (invoice.refundedCents() > 0 || invoice.disputed()) {
                document.add(paragraph(aftermath(invoice), font(9, MUTED), 4));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The invoice PDF could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** "29.00 EUR", "-5.00 EUR": minor units to the currency's major units, with as many decimals as it has. */
    static String money(long minorUnits, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // an unknown code still prints, with two decimals
        }
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }

    /** "VAT 19 %", or the reverse-charge note the invoice was issued with. */
    static String taxLabel(InvoiceView invoice) {
        if (invoice.reverseCharge() || invoice.taxRateBasisPoints() == 0 && invoice.taxNote() != null
                && !invoice.taxNote().isBlank()) {
            return invoice.taxNote() == null || invoice.taxNote().isBlank() ? "VAT reverse charge" : invoice.taxNote();
        }
        return "VAT " + BigDecimal.valueOf(invoice.taxRateBasisPoints(), 2).stripTrailingZeros().toPlainString() + " %";
    }

    private static String status(InvoiceView invoice) {
        return "paid".equals(invoice.status())
                ? "PAID" + (invoice.paidAt() == null ? "" : " on " + day(invoice.paidAt()))
                : "OPEN";
    }

    private static String aftermath(InvoiceView invoice) {
        List<String> notes = new ArrayList<>();
        if (invoice.refundedCents() > 0) {
            notes.add("Refunded " + money(invoice.refundedCents(), invoice.currency()));
        }
        if (invoice.disputed()) {
            notes.add("The charge is disputed");
        }
        return String.join(" · ", notes);
    }

    private static PdfPTable parties(InvoiceView invoice) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingAfter(18);
        table.addCell(party("From", invoice.seller()));
        table.addCell(party("Bill to", invoice.buyer()));
        return table;
    }

    private static PdfPCell party(String heading, InvoiceView.Party party) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.addElement(paragraph(heading, font(9, MUTED, true), 2));
        if (party == null) {
            return cell;
        }
        List<String> rows = new ArrayList<>();
        rows.add(party.name());
        if (party.addressLines() != null) {
            rows.addAll(party.addressLines());
        }
        rows.add(String.join(" ", nonNull(party.postalCode()), nonNull(party.city())).trim());
        rows.add(country(party.country()));
        if (party.vatId() != null && !party.vatId().isBlank()) {
            rows.add("VAT id " + party.vatId());
        }
        if (party.email() != null && !party.email().isBlank()) {
            rows.add(party.email());
        }
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            if (row != null && !row.isBlank()) {
                cell.addElement(paragraph(row, font(10, INK, i == 0), 0));
            }
        }
        return cell;
    }

    private static PdfPTable lines(InvoiceView invoice) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[]{5, 1.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(cell("Description", font(9, MUTED, true), Element.ALIGN_LEFT, HEAD));
        table.addCell(cell("Amount", font(9, MUTED, true), Element.ALIGN_RIGHT, HEAD));
        for (InvoiceView.Line line : invoice.lines()) {
            table.addCell(cell(line.description(), font(10, INK), Element.ALIGN_LEFT, null));
            table.addCell(cell(money(line.amountCents(), invoice.currency()), font(10, INK), Element.ALIGN_RIGHT, null));
        }
        total(table, "Subtotal", money(invoice.subtotalCents(), invoice.currency()), false);
        total(table, taxLabel(invoice), money(invoice.taxCents(), invoice.currency()), false);
        total(table, "Total", money(invoice.totalCents(), invoice.currency()), true);
        return table;
    }

    private static void total(PdfPTable table, String label, String amount, boolean strong) {
        table.addCell(cell(label, font(10, INK, strong), Element.ALIGN_RIGHT, null));
        table.addCell(cell(amount, font(10, INK, strong), Element.ALIGN_RIGHT, null));
    }

    private static String day(Instant at) {
        return at == null ? "—" : DAY.format(at);
    }

    private static String country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

}
