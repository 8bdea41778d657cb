package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.preflight.PreflightDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The PDF opens, shows the Chinese text with an embedded font, and is reproducible byte for byte. */
class PdfRendererTest {

  static final PdfRenderer RENDERER = new PdfRenderer();
  static final String BODY = "<section><h2>客服外包服务合同</h2><p class=\"meta\">合同编号 BPO-2026-000123 · 第 2 版</p>"
      + "<h3>一、服务范围与标准</h3><p>首次响应不超过 5 分钟；客户满意度不低于 90%；差评率不高于 1%。"
      + "甲方（商家）：杭州小象旗舰店&amp;天猫<br/>乙方（服务方）：星海客服外包服务有限公司</p></section>";
  static final Instant CREATED = Instant.parse("2026-11-26T08:00:00Z");
  /** Characters of people's names that small CJK fonts and careless subsets leave out. */
  static final String RARE_NAME_CHARACTERS = "堃喆燊犇淼垚";

  @Test
  void shouldRenderAPdfWithTheChineseTextAndAnEmbeddedFont() throws Exception {
    byte[] pdf = RENDERER.render(BODY, "客服外包服务合同 BPO-2026-000123 第 2 版", CREATED, 42L);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("客服外包服务合同", "BPO-2026-000123", "首次响应不超过 5 分钟", "第 1 页 / 共 1 页");
      assertThat(text.replaceAll("\\s+", "")).contains("杭州小象旗舰店&天猫", "差评率不高于1%");
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
        assertThat(font.getName()).contains("NotoSansSC");
      });
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("客服外包服务合同 BPO-2026-000123 第 2 版");
    }
  }

  /** The errors PDFBox preflight finds when it checks the PDF against PDF/A-1b (none: it conforms). */
  static List<String> pdfA1bErrors(byte[] pdf) throws Exception {
    try (PreflightDocument document = (PreflightDocument) new PreflightParser(new RandomAccessReadBuffer(pdf)).parse()) {
      ValidationResult result = document.validate();
      return result.getErrorsList().stream().map(e -> e.getErrorCode() + " " + e.getDetails()).toList();
    }
  }

  @Test
  void shouldBePdfA1bWithTheVersionsTimeInItsMetadata() throws Exception {
    byte[] pdf = RENDERER.render(BODY, "客服外包服务合同 BPO-2026-000123 第 2 版", CREATED, 42L);

    assertThat(pdfA1bErrors(pdf)).isEmpty();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(xmp).contains("<pdfaid:part>1</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
          "2026-11-26T16:00:00+08:00");
      assertThat(document.getDocumentCatalog().getOutputIntents()).singleElement()
          .satisfies(intent -> assertThat(intent.getDestOutputIntent()).isNotNull());
    }
  }

  /** A page's text as a reader copies it, white space removed, in reading order. */
  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("[\\s\\u3000]+", "");
    }
  }

  /** The contract of ContractDocumentTest as the merchant signs it, by signing method. */
  static byte[] contractPdf(SigningMethod method) {
    ContractDocumentTest contracts = new ContractDocumentTest();
    // no penalty agreed: nothing may say "违约金 0 元"
    return contracts.pdf(TestContracts.contract(7L, "BPO-2026-000007", new BigDecimal("5000.00"), method),
        contracts.clauses("slaPenalty", "0", "earlyTerminationPenalty", "0.00"));
  }

  @Test
  void shouldRenderTheWholePaperContractAsPdfAWithBothPartiesTheLawAndTheSealBlocks() throws Exception {
    byte[] pdf = contractPdf(SigningMethod.PAPER);

    assertThat(pdfA1bErrors(pdf)).isEmpty();
    assertThat(text(pdf)).contains("甲方（委托方）杭州小象电子商务有限公司", "统一社会信用代码91330100716105852F",
        "乙方（受托方）星海客服外包服务有限公司", "统一社会信用代码91330106MA27XU3X6N",
        "送达地址浙江省杭州市余杭区文一西路969号3号楼502室", "送达地址浙江省杭州市西湖区文三路90号8楼法务部",
        "第八条法律适用", "均适用中华人民共和国法律",
        "甲方（盖章）：杭州小象电子商务有限公司", "乙方（盖章）：星海客服外包服务有限公司", "日期：年月日")
        .doesNotContain("见本合同签署页")
        .doesNotContainPattern("违约金[^，。；]*?0(\\.00)?元");
  }

  @Test
  void shouldRenderTheWholeElectronicContractAsPdfAPointingToItsEvidencePage() throws Exception {
    byte[] pdf = contractPdf(SigningMethod.ELECTRONIC);

    assertThat(pdfA1bErrors(pdf)).isEmpty();
    assertThat(text(pdf)).contains("统一社会信用代码91330100716105852F", "统一社会信用代码91330106MA27XU3X6N",
        "送达地址浙江省杭州市余杭区文一西路969号3号楼502室", "均适用中华人民共和国法律",
        "双方电子签名的签署人、签署时间、签署版本及文件SHA-256摘要见本合同签署页")
        .doesNotContain("甲方（盖章）")
        .doesNotContainPattern("违约金[^，。；]*?0(\\.00)?元");
  }

  @Test
  void shouldAppendTheEvidencePageToTheSignedPdfPageForPageAsPdfA() throws Exception {
    byte[] signed = contractPdf(SigningMethod.ELECTRONIC);
    Instant countersigned = Instant.parse("2026-11-30T08:30:00Z");

    byte[] copy = RENDERER.append(signed, EvidencePageTest.page(), "签署完成稿", countersigned, 9L);

    assertThat(pdfA1bErrors(copy)).isEmpty();
    assertThat(Sha256.hex(RENDERER.append(signed, EvidencePageTest.page(), "签署完成稿", countersigned, 9L)))
        .as("reproducible").isEqualTo(Sha256.hex(copy)).isNotEqualTo(Sha256.hex(signed));
    try (PDDocument original = Loader.loadPDF(signed); PDDocument withPage = Loader.loadPDF(copy)) {
      int pages = original.getNumberOfPages();
      assertThat(withPage.getNumberOfPages()).isEqualTo(pages + 1);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setEndPage(pages);
      assertThat(stripper.getText(withPage)).as("the signed pages as they were").isEqualTo(stripper.getText(original));
      PDFTextStripper last = new PDFTextStripper();
      last.setSortByPosition(true);
      last.setStartPage(pages + 1);
      assertThat(last.getText(withPage).replaceAll("\\s+", "")).contains("签署页", "附于第2版合同文本之后",
          EvidencePageTest.SIGNED_PDF, "甲方（委托方）：杭州小象电子商务有限公司", "签署人王堃",
          "2026年11月30日10:05:09（北京时间）", "乙方保存双方签署的第2版合同文本", "第三方电子认证服务机构");
      assertThat(withPage.getDocumentInformation().getTitle()).isEqualTo("签署完成稿");
      assertThat(withPage.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(countersigned);
    }
  }

  @Test
  void shouldGiveTheSameBytesForTheSameContentAndOtherBytesForAChange() {
    String first = Sha256.hex(RENDERER.render(BODY, "合同", CREATED, 42L));
    String again = Sha256.hex(RENDERER.render(BODY, "合同", CREATED, 42L));
    String changed = Sha256.hex(RENDERER.render(BODY.replace("90%", "95%"), "合同", CREATED, 42L));

    assertThat(again).isEqualTo(first);
    assertThat(changed).isNotEqualTo(first);
  }

  @Test
  void shouldDateThePdfWithTheVersionsTimeNotTheClock() throws IOException {
    try (PDDocument document = Loader.loadPDF(RENDERER.render(BODY, "合同", CREATED, 42L))) {
      Calendar creation = document.getDocumentInformation().getCreationDate();
      Calendar modification = document.getDocumentInformation().getModificationDate();

      assertThat(creation.toInstant()).isEqualTo(CREATED);
      assertThat(modification.toInstant()).isEqualTo(CREATED);
    }
  }

  @Test
  void shouldGiveTheSameBytesWhenSeveralThreadsRenderAtOnce() throws Exception {
    // the parsed font is shared by all renders
    String other = "<p>乙方：星海客服外包服务有限公司，联系人王堃、赵垚</p>";
    String expected = Sha256.hex(RENDERER.render(BODY, "合同", CREATED, 42L));
    String expectedOther = Sha256.hex(RENDERER.render(other, "合同", CREATED, 43L));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> renders = new ArrayList<>();
      List<Future<String>> otherRenders = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        renders.add(threads.submit(() -> Sha256.hex(RENDERER.render(BODY, "合同", CREATED, 42L))));
        otherRenders.add(threads.submit(() -> Sha256.hex(RENDERER.render(other, "合同", CREATED, 43L))));
      }
      for (Future<String> render : renders) {
        assertThat(render.get()).isEqualTo(expected);
      }
      for (Future<String> render : otherRenders) {
        assertThat(render.get()).isEqualTo(expectedOther);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void shouldDrawEachLatinLetterWithItsOwnGlyphSoThatACopyGivesTheTextAsTyped() throws IOException {
    String typed = "Office staff fulfil the first-floor workflow";
    byte[] pdf = RENDERER.render("<p>办公地点：" + typed + "</p>", "合同", CREATED, 7L);

    List<String> drawn = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition text) {
          drawn.add(text.getUnicode());
          super.processTextPosition(text);
        }
      };
      assertThat(stripper.getText(document)).contains(typed);
    }
    // no ligature: "ffi", "fi", "fl" and "ff" are as many glyphs as letters
    assertThat(String.join("", drawn)).contains(typed);
    assertThat(drawn).allSatisfy(unit -> assertThat(unit.codePointCount(0, unit.length())).as(unit).isEqualTo(1));
  }

  @Test
  void shouldHaveAGlyphForEveryRareNameCharacterInTheFont() throws IOException {
    TrueTypeFont font = PdfRenderer.parse(PdfRenderer.FONT_RESOURCE);
    CmapLookup cmap = font.getUnicodeCmapLookup();

    RARE_NAME_CHARACTERS.codePoints().forEach(codePoint -> assertThat(cmap.getGlyphId(codePoint))
        .as("glyph of %s in %s", Character.toString(codePoint), PdfRenderer.FONT_RESOURCE).isNotZero());
  }

  @Test
  void shouldShowRareNameCharactersWithTheirOwnGlyphsInTheEmbeddedSubset() throws IOException {
    String body = "<p>甲方代表：王堃、李喆、陈燊、张犇、刘淼、赵垚</p>";
    byte[] pdf = RENDERER.render(body, "合同", CREATED, 7L);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("王堃", "李喆", "陈燊", "张犇", "刘淼", "赵垚");

      // the glyph each character is drawn with, looked up in the font embedded in the PDF
      Map<String, Integer> glyphIds = new HashMap<>();
      Map<String, GlyphData> glyphs = new HashMap<>();
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition text) {
          if (RARE_NAME_CHARACTERS.contains(text.getUnicode())) {
            try {
              PDCIDFontType2 font = (PDCIDFontType2) ((PDType0Font) text.getFont()).getDescendantFont();
              int glyphId = font.codeToGID(text.getCharacterCodes()[0]);
              glyphIds.put(text.getUnicode(), glyphId);
              glyphs.put(text.getUnicode(), font.getTrueTypeFont().getGlyph().getGlyph(glyphId));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
          super.processTextPosition(text);
        }
      };
      stripper.getText(document);
      RARE_NAME_CHARACTERS.codePoints().mapToObj(Character::toString).forEach(character -> {
        assertThat(glyphIds.get(character)).as("glyph id of %s (0 is .notdef)", character).isNotNull().isNotZero();
        assertThat(glyphs.get(character)).as("outline of %s in the embedded subset", character).isNotNull()
            .satisfies(glyph -> assertThat(glyph.getNumberOfContours()).isPositive());
      });
    }
  }
}
