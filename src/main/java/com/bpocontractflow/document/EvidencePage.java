package com.bpocontractflow.document;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.Party;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The e-signature evidence page (签署页) of an electronic contract, rendered from
 * {@code templates/documents/evidence-page.html} and appended to the signed version's PDF to make the final
 * signed copy ({@link SignedCopies}). For each party it shows what its {@link ContractSignatures.Signature}
 * records: signer, signing time in China time, the version signed and the SHA-256 of its PDF and text, and
 * whatever else the record holds. Its closing statement says only what is true: the provider keeps the
 * signed text and its hash, no third-party certification authority took part (Electronic Signature Law
 * arts. 13-14).
 *
 * <p>To show a new field of the signature record, give it a label in {@link #SHOWN}; a field that must not
 * be printed goes in {@link #LEFT_OUT} with the reason. EvidencePageTest fails for a field in neither, and a
 * field whose value is null is left out of the page.
 */
@Component
public class EvidencePage {

  private static final Logger LOG = LoggerFactory.getLogger(EvidencePage.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

  /** A shown field of the signature record: its record component, its zh-CN label, and a pattern for the value. */
  record Field(String component, String label, String pattern) {
    Field(String component, String label) {
      this(component, label, "%s");
    }
  }

  /** The fields printed on the page, in this order. */
  static final List<Field> SHOWN = List.of(
      new Field("signer", "签署人"),
      new Field("authority", "签署人身份"),
      new Field("authorityDocumentSha256", "授权委托书的 SHA-256"),
      new Field("identification", "身份核验方式"),
      new Field("identifiedAt", "核验时间"),
      new Field("signedAt", "签署时间"),
      new Field("signedOn", "签署日期"),
      new Field("documentVersion", "签署的合同版本", "第 %s 版"),
      new Field("documentSha256", "所签 PDF 的 SHA-256"),
      new Field("htmlSha256", "所签 HTML 文本的 SHA-256"),
      new Field("courierCompany", "快递公司"),
      new Field("trackingNumber", "快递单号"),
      new Field("receivedOn", "收到日期"));

  /**
   * Fields never printed: party and method head each block; the signer's IP address and browser are
   * personal data the retention job removes after the limitation period (docs/personal-data.md) while the
   * final copy is kept for good; who recorded it is an internal user name.
   */
  static final Set<String> LEFT_OUT = Set.of("party", "method", "ip", "userAgent", "recordedBy");

  private final ITemplateEngine templates;
  private final ProviderParty provider;
  private final String providerName;

  public EvidencePage(ITemplateEngine templates, ProviderParty provider,
      com.bpocontractflow.mail.ProviderProperties providerProperties) {
    this.templates = templates;
    this.provider = provider;
    this.providerName = providerProperties.providerName();
  }

  /** A labelled value on the page. */
  public record Row(String label, String value) {
  }

  /** One party's block: its title (甲方 / 乙方 with its name) and rows. */
  public record Block(String title, List<Row> rows) {
  }

  /**
   * The page's XHTML body for the contract signed in {@code version} (whose PDF has {@code pdfSha256}), with
   * the merchant's block first. {@code merchantLegalName} is the name in the signed clauses.
   */
  public String render(Contract contract, int version, String pdfSha256, String merchantLegalName,
      List<ContractSignatures.Signature> signatures) {
    List<Block> blocks = new ArrayList<>();
    for (Party party : List.of(Party.MERCHANT, Party.PROVIDER)) {
      signatures.stream().filter(s -> s.party() == party).findFirst().ifPresent(s -> blocks.add(new Block(
          party == Party.MERCHANT ? "甲方（委托方）：" + (merchantLegalName == null ? contract.merchantName() : merchantLegalName)
              : "乙方（受托方）：" + providerName, rows(s))));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("contractNumber", contract.contractNumber());
    model.put("version", version);
    model.put("pdfSha256", pdfSha256);
    model.put("blocks", blocks);
    model.put("providerName", providerName);
    model.put("providerCreditCode", provider.creditCode());
    return templates.process("documents/evidence-page", new Context(Locale.SIMPLIFIED_CHINESE, model));
  }

  /** The record's shown fields that have a value, labelled and formatted. */
  static List<Row> rows(ContractSignatures.Signature signature) {
    Map<String, Object> values = values(signature);
    List<Row> rows = new ArrayList<>();
    for (Field field : SHOWN) {
      Object value = values.get(field.component());
      if (value == null || "signedOn".equals(field.component()) && values.get("signedAt") != null) {
        continue; // not recorded; or the day, already in the signing time
      }
      rows.add(new Row(field.label(), field.pattern().formatted(format(value))));
    }
    return rows;
  }

  /** The record's components by name; a component neither shown nor left out is logged (and fails the test). */
  static Map<String, Object> values(ContractSignatures.Signature signature) {
    Map<String, Object> values = new HashMap<>();
    for (RecordComponent component : ContractSignatures.Signature.class.getRecordComponents()) {
      try {
        values.put(component.getName(), component.getAccessor().invoke(signature));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
      if (!LEFT_OUT.contains(component.getName())
          && SHOWN.stream().noneMatch(field -> field.component().equals(component.getName()))) {
        LOG.warn("The signature field {} has no label on the evidence page (EvidencePage.SHOWN)", component.getName());
      }
    }
    return values;
  }

  /** A value as the page prints it: dates and times in China time, enums by their zh-CN label. */
  static String format(Object value) {
    if (value instanceof OffsetDateTime time) {
      return TIME.format(time.atZoneSameInstant(Clocks.ZONE)) + "（北京时间）";
    }
    if (value instanceof LocalDate day) {
      return DAY.format(day);
    }
    if (value instanceof Boolean yes) {
      return yes ? "是" : "否";
    }
    if (value instanceof Enum<?> e) {
      try {
        Method label = e.getClass().getMethod("label");
        return String.valueOf(label.invoke(e));
      } catch (ReflectiveOperationException noLabel) {
        return e.name();
      }
    }
    return String.valueOf(value);
  }
}
