package com.bpocontractflow.term;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.document.PdfRenderer;
import com.bpocontractflow.onboarding.MerchantAccessRevocations;
import com.bpocontractflow.security.RandomTokens;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The deletion certificate (数据删除证明) issued when staff record that a merchant's data was deleted
 * (PIPL arts. 21 and 47): a short PDF saying what was deleted (the categories of the contract's data
 * clause), when, how (the method staff recorded) and who recorded it, with the provider's statement.
 * Rendered from {@code templates/documents/data-deletion-certificate.html}, stored once per contract with
 * its SHA-256, and reachable by the merchant through a download link whose token only the e-mail holds
 * (the table keeps the token's SHA-256). The link does not expire: the certificate is the merchant's
 * evidence, and a 256-bit token opens only this one PDF.
 */
@Repository
public class DataDeletionCertificates {

  /** The path of the merchant's download link, before the token. */
  public static final String DOWNLOAD_PATH = "/m/data-deletion-certificate/";
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  private final JdbcClient jdbc;
  private final ITemplateEngine templates;
  private final PdfRenderer pdf;

  public DataDeletionCertificates(JdbcClient jdbc, ITemplateEngine templates, PdfRenderer pdf) {
    this.jdbc = jdbc;
    this.templates = templates;
    this.pdf = pdf;
  }

  /** A stored certificate. */
  public record Certificate(long contractId, byte[] pdf, String pdfSha256, LocalDate deletedOn, String recordedBy,
      OffsetDateTime createdAt) {
  }

  /** What staff see of a certificate (without its bytes). */
  public record Summary(String pdfSha256, LocalDate deletedOn, String recordedBy, OffsetDateTime createdAt) {
  }

  public static Summary summary(Certificate certificate) {
    return new Summary(certificate.pdfSha256(), certificate.deletedOn(), certificate.recordedBy(),
        certificate.createdAt());
  }

  /** An issued certificate and the token of its download link (not stored). */
  public record Issued(Certificate certificate, String token) {
  }

  /**
   * Renders and stores the certificate of a contract; the model holds the template's values (see the
   * template). In the caller's transaction.
   */
  public Issued issue(long contractId, LocalDate deletedOn, String recordedBy, Map<String, Object> model) {
    Map<String, Object> values = new java.util.HashMap<>(model);
    // the access the merchant granted, revoked at the end of the service (PIPL art. 47), when recorded
    new MerchantAccessRevocations(jdbc).of(contractId).ifPresent(revocation -> {
      values.put("accessRevoked", revocation.revokedAccess());
      values.put("accessRevokedOn", TermDates.zh(revocation.revokedOn()));
    });
    String html = templates.process("documents/data-deletion-certificate",
        new Context(Locale.SIMPLIFIED_CHINESE, values));
    OffsetDateTime created = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), Clocks.ZONE)
        .truncatedTo(ChronoUnit.SECONDS);
    byte[] bytes = pdf.render(html, "数据删除证明 " + model.get("contractNumber"), created.toInstant(), contractId);
    String token = RandomTokens.next();
    Certificate certificate = new Certificate(contractId, bytes, Sha256.hex(bytes), deletedOn, recordedBy, created);
    jdbc.sql("""
            INSERT INTO data_deletion_certificate (contract_id, pdf, pdf_sha256, token_hash, deleted_on, recorded_by,
              created_at)
            VALUES (:id, :pdf, :sha256, :tokenHash, :deletedOn, :by, :created)
            """)
        .param("id", contractId).param("pdf", bytes).param("sha256", certificate.pdfSha256())
        .param("tokenHash", Sha256.hex(token)).param("deletedOn", deletedOn).param("by", recordedBy)
        .param("created", created).update();
    return new Issued(certificate, token);
  }

  /** The certificate of a contract, if its data was deleted. */
  public Optional<Certificate> of(long contractId) {
    return jdbc.sql("SELECT * FROM data_deletion_certificate WHERE contract_id = :id").param("id", contractId)
        .query((rs, i) -> certificate(rs)).optional();
  }

  /** The certificate a download link's token opens; empty for a malformed or unknown token. */
  public Optional<Certificate> byToken(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM data_deletion_certificate WHERE token_hash = :hash").param("hash", Sha256.hex(token))
        .query((rs, i) -> certificate(rs)).optional();
  }

  private static Certificate certificate(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Certificate(rs.getLong("contract_id"), rs.getBytes("pdf"), rs.getString("pdf_sha256"),
        rs.getObject("deleted_on", LocalDate.class), rs.getString("recorded_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
