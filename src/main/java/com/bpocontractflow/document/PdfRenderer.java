package com.bpocontractflow.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.springframework.stereotype.Component;

/**
 * Renders a contract's XHTML to PDF (openhtmltopdf on PDFBox) with the Chinese font embedded (Noto Sans
 * SC, subset), A4. The output is reproducible: the same content, title and time give the same bytes (the
 * document id and dates come from the caller, not from the clock), so a PDF's SHA-256 identifies a version.
 *
 * <p>The font (about 10 MB, shipped in {@code src/main/resources/fonts} under the SIL Open Font License) is
 * parsed once per renderer; each document gets a {@link PDType0Font} built from the parsed font, which
 * embeds only the glyphs the document uses. Handing openhtmltopdf the font as bytes instead would make it
 * parse the whole file again for every document.
 *
 * <p>Archive quality: every PDF is PDF/A-1b (ISO 19005-1, level B: the text is reproduced exactly as it
 * looks): the font embedded, XMP metadata that agrees with the document information, and an sRGB output
 * intent. The sRGB ICC profile is the Java platform's own ({@code ICC_Profile.getInstance(CS_sRGB)}, shipped
 * with every JDK in {@code java.desktop}), so nothing is downloaded or shipped for it. A JDK could one day
 * ship other profile bytes, and a PDF rendered there would differ; that is harmless, since a version's PDF is
 * rendered once and its stored bytes are what its SHA-256 identifies.
 */
@Component
public class PdfRenderer {

  static final String FONT_RESOURCE = "/fonts/NotoSansSC_400Regular.ttf";
  static final String FONT_FAMILY = "Noto Sans SC";

  private static final String STYLE = """
      @page { size: A4; margin: 22mm 20mm 24mm 20mm;
        @bottom-center { content: FOOTER; font-family: 'Noto Sans SC'; font-size: 9pt; color: #555555; } }
      body { font-family: 'Noto Sans SC'; font-size: 10.5pt; line-height: 1.75; color: #111111; }
      h2 { font-size: 17pt; text-align: center; margin: 0 0 4pt 0; }
      h3 { font-size: 12pt; margin: 14pt 0 2pt 0; }
      p { margin: 3pt 0; text-align: justify; }
      .meta { text-align: center; color: #555555; font-size: 9.5pt; }
      ol.items { margin: 3pt 0; padding-left: 1.8em; }
      ol.items li { margin: 3pt 0; text-align: justify; }
      .parties { width: 100%; border-collapse: collapse; margin: 6pt 0; }
      .parties th { width: 32%; text-align: left; font-weight: normal; color: #333333; padding: 1pt 4pt; vertical-align: top; }
      .parties td { padding: 1pt 4pt; }
      .evidence td, .hash { word-wrap: break-word; font-size: 9.5pt; }
      .signatures { width: 100%; margin-top: 28pt; page-break-inside: avoid; }
      .signatures td { width: 50%; vertical-align: top; padding-top: 6pt; height: 90pt; }
      """;

  /** The page footer of a contract version: 第 1 页 / 共 5 页. */
  private static final String PAGE_NUMBERS = "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"";
  /** The page footer of appended pages: they are not pages of the version the numbers count. */
  private static final String APPENDED = "\"签署页\"";

  /**
   * The parsed font, shared by all renders. PDFBox's TrueTypeFont may be read concurrently (glyph and table
   * byte reads lock its data) once its tables are read; TTFParser reads the required ones, {@link #parse}
   * the optional ones, so renders on several threads never initialise a table at the same time.
   */
  private final TrueTypeFont font;

  private static final ThreadLocal<DomXmpParser> XMP_PARSERS = ThreadLocal.withInitial(() -> {
    try {
      return new DomXmpParser();
    } catch (XmpParsingException e) {
      throw new IllegalStateException("No XML parser for the PDF's XMP metadata", e);
    }
  });
  private static final ThreadLocal<XmpSerializer> XMP_SERIALIZERS = ThreadLocal.withInitial(XmpSerializer::new);

  /** The sRGB ICC profile of the PDF/A output intent, read once. */
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  public PdfRenderer() {
    PdfLogging.install();
    font = parse(FONT_RESOURCE);
  }

  /** The TrueType font at a classpath resource, with every table read. */
  static TrueTypeFont parse(String resource) {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The Chinese font " + resource + " is missing from the classpath "
            + "(it ships in src/main/resources/fonts)");
      }
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
      // No glyph substitution (GSUB): each character is drawn with its own glyph, as a reader copies it. PDFBox
      // otherwise applies the font's Latin ligatures (fi, fl, ffi) to every text run, through a regular
      // expression it compiles again for each run: 17 % of the application's CPU in the benchmark's lifecycle
      // profile (docs/performance.md); a contract's Chinese text came out byte for byte the same without it.
      // With substitution off nothing reads the GSUB table, so it is not read in advance either.
      font.setEnableGsub(false);
      font.getOS2Windows();
      font.getKerning();
      font.getVerticalHeader();
      font.getVerticalMetrics();
      font.getVerticalOrigin();
      return font;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDF of an XHTML body fragment; {@code created} is the version's time, {@code id} its identity. */
  public byte[] render(String bodyXhtml, String title, Instant created, long id) {
    return render(bodyXhtml, title, created, id, PAGE_NUMBERS);
  }

  private byte[] render(String bodyXhtml, String title, Instant created, long id, String footer) {
    String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>"
        + "<title>" + escape(title) + "</title><style>" + STYLE.replace("FOOTER", footer) + "</style></head><body>" + bodyXhtml + "</body></html>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.setDocumentId(id);
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(document);
      // embedSubset: only the glyphs used go into the PDF; the shared font is not closed with the document
      PDType0Font documentFont = PDType0Font.load(document, font, true);
      builder.useFont(new PDFontSupplier(documentFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.withHtmlContent(page, null);
      builder.withProducer("BPO Contract Flow");
      builder.usePdfAConformance(PdfAConformance.PDFA_1_B);
      builder.useColorProfile(SRGB);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.createPDFWithoutClosing();
      }
      // openhtmltopdf replaces the document information while it writes the pages, with the clock's time
      // as creation date (which also feeds the trailer /ID); the version's time goes in afterwards
      Calendar time = shanghai(created);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setCreationDate(time);
      info.setModificationDate(time);
      // PDF/A: the XMP metadata must say the same (openhtmltopdf wrote it from the clock's time too)
      rewrite(document.getDocumentCatalog().getMetadata(), xmp -> dated(xmp, time));
      // PDF/A-1 (on PDF 1.4) has no cross-reference or object streams: a classic xref table
      document.save(out, CompressParameters.NO_COMPRESSION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The PDF of a signed contract with pages appended: {@code pdf} (a stored version's bytes) page for page as
   * it is, then the pages of {@code bodyXhtml} rendered as by {@link #render}. Title, time and id are the
   * new document's, as in {@link #render}; the same arguments give the same bytes.
   */
  public byte[] append(byte[] pdf, String bodyXhtml, String title, Instant created, long id) {
    byte[] appended = render(bodyXhtml, title, created, id, APPENDED);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = Loader.loadPDF(pdf); PDDocument pages = Loader.loadPDF(appended)) {
      // the appended pages carry the same sRGB output intent: one is enough (PDF/A-1 allows one kind)
      pages.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
      new PDFMergerUtility().appendDocument(document, pages);
      document.setDocumentId(id);
      Calendar time = shanghai(created);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setCreationDate(time);
      info.setModificationDate(time);
      PDMetadata metadata = document.getDocumentCatalog().getMetadata();
      rewrite(metadata, xmp -> {
        dated(xmp, time);
        titled(xmp, title);
      });
      document.save(out, CompressParameters.NO_COMPRESSION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Calendar shanghai(Instant instant) {
    Calendar time = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
    time.setTimeInMillis(instant.toEpochMilli());
    return time;
  }

  /** Sets the XMP create and modify dates to {@code time}. */
  private static void dated(XMPMetadata xmp, Calendar time) {
    XMPBasicSchema basic = xmp.getXMPBasicSchema();
    if (basic == null) {
      basic = xmp.createAndAddXMPBasicSchema();
    }
    basic.setCreateDate(time);
    basic.setModifyDate(time);
  }

  /** Sets the XMP title (dc:title) to {@code title}, as the document information says. */
  private static void titled(XMPMetadata xmp, String title) {
    DublinCoreSchema dc = xmp.getDublinCoreSchema();
    if (dc == null) {
      dc = xmp.createAndAddDublinCoreSchema();
    }
    dc.setTitle(title);
  }

  /**
   * Parses the PDF's XMP metadata, applies {@code change} and writes it back. The parser and the serializer are
   * kept per thread (neither may be shared): each new one looks up its XML factories on the class path (JAXP's
   * service lookup), about 2 % of the CPU of a contract in the benchmark's lifecycle profile. A parser that
   * failed may hold a half-read document's state: it is not used again.
   */
  private static void rewrite(PDMetadata metadata, java.util.function.Consumer<XMPMetadata> change) throws IOException {
    try {
      XMPMetadata xmp = XMP_PARSERS.get().parse(metadata.toByteArray());
      change.accept(xmp);
      ByteArrayOutputStream xml = new ByteArrayOutputStream();
      XMP_SERIALIZERS.get().serialize(xmp, xml, true);
      metadata.importXMPMetadata(xml.toByteArray());
    } catch (XmpParsingException | javax.xml.transform.TransformerException | RuntimeException e) {
      XMP_PARSERS.remove();
      XMP_SERIALIZERS.remove();
      throw new IOException("The PDF's XMP metadata could not be rewritten", e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
