package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.merchant.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF opens, shows the Chinese text with an embedded font, and is reproducible byte for byte. */
class PdfRendererTest {

  static final PdfRenderer RENDERER = new PdfRenderer();
  static final String BODY = "<section><h2>客服外包服务合同</h2><p class=\"meta\">合同编号 BPO-2026-000123 · 第 2 版</p>"
      + "<h3>一、服务范围与标准</h3><p>首次响应不超过 5 分钟；客户满意度不低于 90%；差评率不高于 1%。"
      + "甲方（商家）：杭州小象旗舰店&amp;天猫<br/>乙方（服务方）：星海客服外包服务有限公司</p></section>";
  static final Instant CREATED = Instant.parse("2026-11-26T08:00:00Z");

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

  @Test
  void shouldGiveTheSameBytesForTheSameContentAndOtherBytesForAChange() {
    String first = Sha256.hex(RENDERER.render(BODY, "合同", CREATED, 42L));
    String again = Sha256.hex(RENDERER.render(BODY, "合同", CREATED, 42L));
    String changed = Sha256.hex(RENDERER.render(BODY.replace("90%", "95%"), "合同", CREATED, 42L));

    assertThat(again).isEqualTo(first);
    assertThat(changed).isNotEqualTo(first);
  }
}
