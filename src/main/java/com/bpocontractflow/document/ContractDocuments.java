package com.bpocontractflow.document;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The versions of a contract's document ({@code contract_document}): each time the contract goes to the
 * merchant for review, the latest clauses are rendered as HTML and as PDF and stored with both SHA-256s.
 * What the merchant reads, downloads and signs is a stored version, so its hash stays true.
 */
@Service
public class ContractDocuments {

  /** A stored version, without its bytes. */
  public record Version(long contractId, int version, int clauseSetVersion, String htmlSha256, String pdfSha256,
      OffsetDateTime createdAt) {
  }

  private static final String COLUMNS = "contract_id, version, clause_set_version, html_sha256, pdf_sha256, created_at";
  private static final RowMapper<Version> VERSION = (rs, i) -> new Version(rs.getLong(1), rs.getInt(2), rs.getInt(3),
      rs.getString(4).trim(), rs.getString(5).trim(), rs.getObject(6, OffsetDateTime.class));

  private final JdbcClient jdbc;
  private final ContractDocument renderer;
  private final PdfRenderer pdf;
  private final ClauseSets clauseSets;

  public ContractDocuments(JdbcClient jdbc, ContractDocument renderer, PdfRenderer pdf, ClauseSets clauseSets) {
    this.jdbc = jdbc;
    this.renderer = renderer;
    this.pdf = pdf;
    this.clauseSets = clauseSets;
  }

  /**
   * Renders and stores the contract as it stands, as version {@code contract.reviewRound()}; a version
   * that exists already (a retried step) is kept as it is.
   */
  public Version publish(Contract contract) {
    Optional<Version> existing = find(contract.id(), contract.reviewRound());
    if (existing.isPresent()) {
      return existing.get();
    }
    ContractDocument.Rendered html = renderer.render(contract);
    OffsetDateTime created = OffsetDateTime.now(Clocks.ZONE).truncatedTo(ChronoUnit.SECONDS);
    String title = "客服外包服务合同 " + contract.contractNumber() + " 第 " + html.version() + " 版";
    byte[] bytes = pdf.render(html.html(), title, created.toInstant(), documentId(html.sha256()));
    jdbc.sql("""
            INSERT INTO contract_document (contract_id, version, clause_set_version, html, html_sha256, pdf, pdf_sha256,
              created_at, sla_decision_id)
            VALUES (:contractId, :version, :clauseSetVersion, :html, :htmlSha256, :pdf, :pdfSha256, :createdAt,
              :slaDecisionId)
            """)
        .param("contractId", contract.id()).param("version", html.version())
        .param("clauseSetVersion", clauseSets.versions(contract.id())).param("html", html.html())
        .param("htmlSha256", html.sha256()).param("pdf", bytes).param("pdfSha256", Sha256.hex(bytes))
        .param("createdAt", created).param("slaDecisionId", html.slaDecisionId())
        .update();
    return find(contract.id(), html.version()).orElseThrow();
  }

  /**
   * The version the merchant currently reads: the latest stored one, or — for a contract that reached
   * review before documents were stored — its current round, stored now.
   */
  public Version current(Contract contract) {
    return latest(contract.id()).orElseGet(() -> publish(contract));
  }

  public Optional<Version> find(long contractId, int version) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contract_document WHERE contract_id = :id AND version = :version")
        .param("id", contractId).param("version", version).query(VERSION).optional();
  }

  public Optional<Version> latest(long contractId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contract_document WHERE contract_id = :id ORDER BY version DESC LIMIT 1")
        .param("id", contractId).query(VERSION).optional();
  }

  public List<Version> versions(long contractId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contract_document WHERE contract_id = :id ORDER BY version")
        .param("id", contractId).query(VERSION).list();
  }

  /** The version of this contract whose PDF has exactly these bytes, if any. */
  public Optional<Version> findByPdf(long contractId, byte[] pdfBytes) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contract_document WHERE contract_id = :id AND pdf_sha256 = :sha")
        .param("id", contractId).param("sha", Sha256.hex(pdfBytes)).query(VERSION).optional();
  }

  public Optional<String> html(long contractId, int version) {
    return jdbc.sql("SELECT html FROM contract_document WHERE contract_id = :id AND version = :version")
        .param("id", contractId).param("version", version).query(String.class).optional();
  }

  public Optional<byte[]> pdf(long contractId, int version) {
    return jdbc.sql("SELECT pdf FROM contract_document WHERE contract_id = :id AND version = :version")
        .param("id", contractId).param("version", version).query((rs, i) -> rs.getBytes(1)).optional();
  }

  /** The PDF's document id: derived from the content, so equal content gives equal bytes. */
  static long documentId(String htmlSha256) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(htmlSha256.substring(0, 16))).getLong();
  }
}
