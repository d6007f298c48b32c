package com.webprometrics.query.infra;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Text in the PDFs the query side renders (reports, invoices): OpenPDF's bundled Liberation Sans, embedded with
 * Identity-H so every Unicode character (umlauts, €, any client's name) keeps its glyph.
 */
public final class PdfText {
    private static final BaseFont SANS = sans();

    private PdfText() {
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
        try (InputStream in = PdfText.class.getClassLoader()
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
