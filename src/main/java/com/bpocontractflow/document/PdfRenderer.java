package com.bpocontractflow.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

/**
 * Renders a contract's XHTML to PDF (openhtmltopdf on PDFBox) with the Chinese font embedded (Noto Sans
 * SC, subset), A4. The output is reproducible: the same content, title and time give the same bytes (the
 * document id and dates come from the caller, not from the clock), so a PDF's SHA-256 identifies a version.
 */
@Component
public class PdfRenderer {

  static final String FONT_RESOURCE = "/fonts/NotoSansSC_400Regular.ttf";
  static final String FONT_FAMILY = "Noto Sans SC";

  private static final String STYLE = """
      @page { size: A4; margin: 22mm 20mm 24mm 20mm;
        @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: 'Noto Sans SC'; font-size: 9pt; color: #555555; } }
      body { font-family: 'Noto Sans SC'; font-size: 10.5pt; line-height: 1.75; color: #111111; }
      h2 { font-size: 17pt; text-align: center; margin: 0 0 4pt 0; }
      h3 { font-size: 12pt; margin: 14pt 0 2pt 0; }
      p { margin: 3pt 0; text-align: justify; }
      .meta { text-align: center; color: #555555; font-size: 9.5pt; }
      .seal { margin-top: 28pt; }
      .seal td { width: 50%; vertical-align: top; padding-top: 6pt; height: 60pt; }
      """;

  private final byte[] font;

  public PdfRenderer() {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The Chinese font " + FONT_RESOURCE + " is missing from the classpath "
            + "(the build fetches it; run mvn generate-resources)");
      }
      font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDF of an XHTML body fragment; {@code created} is the version's time, {@code id} its identity. */
  public byte[] render(String bodyXhtml, String title, Instant created, long id) {
    String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>"
        + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>" + bodyXhtml + "</body></html>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.setDocumentId(id);
      Calendar time = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
      time.setTimeInMillis(created.toEpochMilli());
      PDDocumentInformation info = document.getDocumentInformation();
      info.setCreationDate(time);
      info.setModificationDate(time);
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(document);
      builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY);
      builder.withHtmlContent(page, null);
      builder.withProducer("BPO Contract Flow");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
