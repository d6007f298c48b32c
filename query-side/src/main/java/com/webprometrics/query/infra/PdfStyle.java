package com.webprometrics.query.infra;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.BaseFont;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How the PDFs the query side renders (reports, invoices) look: one palette, and text in OpenPDF's bundled Liberation
 * Sans, embedded with Identity-H so every Unicode character (umlauts, €, any client's name) keeps its glyph.
 */
public final class PdfStyle {
    public static final Color INK = new Color(0x11, 0x18, 0x27);
    public static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    public static final Color GOOD = new Color(0x15, 0x80, 0x3d);
    public static final Color BAD = new Color(0xb9, 0x1c, 0x1c);
    public static final Color RULE = new Color(0xe5, 0xe7, 0xeb);
    public static final Color HEAD = new Color(0xf3, 0xf4, 0xf6);
    private static final BaseFont SANS = sans();

    private PdfStyle() {
    }

    /** A table cell with a rule below it, as both documents draw their tables. */
    public static PdfPCell cell(String text, Font font, int align, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        style(cell, align, background);
        return cell;
    }

    public static void style(PdfPCell cell, int align, Color background) {
        cell.setHorizontalAlignment(align);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
    }

    public static Font font(float size, Color color) {
        return font(size, color, false);
    }

    public static Font font(float size, Color color, boolean bold) {
        return new Font(SANS, size, bold ? Font.BOLD : Font.NORMAL, color);
    }

    public static Paragraph paragraph(String text, Font font, float spacingAfter) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingAfter(spacingAfter);
        return paragraph;
    }

    private static BaseFont sans() {
        try (InputStream in = PdfStyle.class.getClassLoader()
                .getResourceAsStream("font-fallback/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("OpenPDF's LiberationSans-Regular.ttf is not on the classpath");
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
