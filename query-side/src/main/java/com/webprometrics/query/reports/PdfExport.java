package com.webprometrics.query.reports;

import static com.webprometrics.query.infra.PdfStyle.BAD;
import static com.webprometrics.query.infra.PdfStyle.GOOD;
import static com.webprometrics.query.infra.PdfStyle.HEAD;
import static com.webprometrics.query.infra.PdfStyle.INK;
import static com.webprometrics.query.infra.PdfStyle.MUTED;
import static com.webprometrics.query.infra.PdfStyle.cell;
import static com.webprometrics.query.infra.PdfStyle.font;
import static com.webprometrics.query.infra.PdfStyle.paragraph;
import static com.webprometrics.query.infra.PdfStyle.style;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.webprometrics.query.dashboard.ClientDashboard;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A report as PDF (A4, OpenPDF): title, client and agency, range and comparison period, generation time, the
 * "data as of" lines, a KPI table with the previous period and coloured change arrows (green = good news, also for
 * metrics where lower is better), line charts of the first two metrics (JFreeChart, embedded as PNG) and a table
 * per provider. Text is set in Liberation Sans, which OpenPDF ships, embedded as Unicode, so any client name prints.
 */
final class PdfExport {

    private PdfExport() {
    }

    static byte[] render(ReportContent c) {
        ClientDashboard d = c.dashboard();
        Formats formats = new Formats(d.currency());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(c.report().title());
            document.addCreator("WebProMetrics");
            HeaderFooter footer = new HeaderFooter(new Phrase("WebProMetrics · " + c.report().title() + " · page ",
                    font(8, MUTED)), true);
            footer.setBorder(Rectangle.NO_BORDER);
            footer.setAlignment(Element.ALIGN_RIGHT);
            document.setFooter(footer);
            document.open();

            document.add(paragraph(c.report().title(), font(20, INK, true), 2));
            document.add(paragraph(nonNull(c.report().clientName(), "Client") + (c.agencyName() == null ? ""
                    : " · prepared by " + c.agencyName()), font(11, INK), 8));
            String range = formats.day(d.from()) + " – " + formats.day(d.to())
                    + (c.report().range() == null ? "" : " (" + ReportRange.label(c.report().range()) + ")");
            String previous = d.previousFrom() == null ? "" : "   compared with " + formats.day(d.previousFrom()) + " – "
                    + formats.day(d.previousTo());
            document.add(paragraph(range + previous, font(10, INK), 2));
            document.add(paragraph("Generated " + formats.dateTime(c.generatedAt(), c.zone()) + " (" + c.zone().getId()
                    + ") from data at event position " + c.dataPosition(), font(8, MUTED), 2));
            List<String> asOf = c.dataAsOf(formats);
            document.add(paragraph("Data as of: " + (asOf.isEmpty() ? "no connected data sources"
                    : String.join("; ", asOf)), font(8, MUTED), 10));
            if (d.currency() == null && d.currencies().size() > 1) {
                document.add(paragraph("Money is summed across currencies " + String.join(", ", d.currencies())
                        + " and shown without a symbol.", font(8, BAD), 6));
            }

            document.add(kpiTable(c, formats));
            for (ReportContent.Line line : c.kpis().subList(0, Math.min(2, c.kpis().size()))) {
                document.add(paragraph(line.label() + " by day", font(10, INK, true), 2));
                Image chart = Image.getInstance(ReportChart.png(c, line));
                chart.scaleToFit(ReportChart.WIDTH, ReportChart.HEIGHT);
                chart.setSpacingAfter(8);
                document.add(chart);
            }
            if (!d.byProvider().isEmpty()) {
                document.add(paragraph("By data source", font(10, INK, true), 4));
                document.add(providerTable(c, formats));
            }
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The PDF could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable kpiTable(ReportContent c, Formats formats) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[]{4, 3, 3, 2.4f});
        table.setWidthPercentage(100);
        table.setSpacingAfter(12);
        table.setHeaderRows(1);
        for (String head : List.of("Metric", "Value", "Previous period", "Change")) {
            table.addCell(cell(head, font(9, MUTED, true), head.equals("Metric") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT,
                    HEAD));
        }
        for (ReportContent.Line line : c.kpis()) {
            table.addCell(cell(line.label(), font(10, INK), Element.ALIGN_LEFT, null));
            table.addCell(cell(formats.value(line.unit(), line.value()), font(10, INK, true), Element.ALIGN_RIGHT, null));
            table.addCell(cell(formats.value(line.unit(), line.previous()), font(10, MUTED), Element.ALIGN_RIGHT, null));
            table.addCell(changeCell(line, formats));
        }
        return table;
    }

    private static PdfPCell changeCell(ReportContent.Line line, Formats formats) {
        Phrase phrase = new Phrase();
        if (line.changePct() == null || line.changePct().signum() == 0) {
            phrase.add(new Chunk(formats.change(line.changePct()), font(10, MUTED)));
        } else {
            boolean up = line.changePct().signum() > 0;
            Color color = up != line.lowerIsBetter() ? GOOD : BAD;
            phrase.add(new Chunk((up ? "▲ " : "▼ ") + formats.change(line.changePct()), font(10, color)));
        }
        PdfPCell cell = new PdfPCell(phrase);
        style(cell, Element.ALIGN_RIGHT, null);
        return cell;
    }

    private static PdfPTable providerTable(ReportContent c, Formats formats) throws DocumentException {
        List<ClientDashboard.ProviderValues> providers = c.dashboard().byProvider();
        float[] widths = new float[providers.size() + 1];
        widths[0] = 3;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 2;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(cell("Metric", font(9, MUTED, true), Element.ALIGN_LEFT, HEAD));
        for (ClientDashboard.ProviderValues p : providers) {
            table.addCell(cell(ReportContent.providerName(p.provider()), font(9, MUTED, true), Element.ALIGN_RIGHT, HEAD));
        }
        for (ReportContent.Line line : c.kpis()) {
            table.addCell(cell(line.label(), font(9, INK), Element.ALIGN_LEFT, null));
            for (ClientDashboard.ProviderValues p : providers) {
                String value = p.values().containsKey(line.metric()) ? formats.value(line.unit(), p.values().get(line.metric()))
                        : "—";
                table.addCell(cell(value, font(9, INK), Element.ALIGN_RIGHT, null));
            }
        }
        return table;
    }

    private static String nonNull(String value, String fallback) {
        return value == null ? fallback : value;
    }

}
