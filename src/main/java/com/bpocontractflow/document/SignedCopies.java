package com.bpocontractflow.document;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.SigningMethod;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The final signed copy of a contract (签署完成稿, {@code contract_signed_copy}), made once both parties have
 * signed the same version. Which bytes are "signed": the version both signed keeps its PDF and hash in
 * {@code contract_document}; the final copy is, for an electronic contract, that PDF page for page followed by
 * the e-signature evidence page ({@link EvidencePage}), with its own SHA-256 and the signed version's hash
 * beside it; for a paper contract the signed version's PDF as it is (the two sealed paper originals are the
 * contract; our seal, the courier and the day the merchant's copy arrived are in its signature records).
 */
@Service
public class SignedCopies {

  /** A stored final copy, without its bytes. */
  public record SignedCopy(long contractId, int documentVersion, SigningMethod method, String signedPdfSha256,
      String pdfSha256, OffsetDateTime createdAt) {
  }

  private static final String COLUMNS = "contract_id, document_version, method, signed_pdf_sha256, pdf_sha256, created_at";
  private static final RowMapper<SignedCopy> COPY = (rs, i) -> new SignedCopy(rs.getLong(1), rs.getInt(2),
      SigningMethod.valueOf(rs.getString(3)), rs.getString(4).trim(), rs.getString(5).trim(),
      rs.getObject(6, OffsetDateTime.class));

  private final JdbcClient jdbc;
  private final ContractDocuments documents;
  private final ContractSignatures signatures;
  private final ClauseSets clauseSets;
  private final EvidencePage evidencePage;
  private final PdfRenderer pdf;

  public SignedCopies(JdbcClient jdbc, ContractDocuments documents, ContractSignatures signatures,
      ClauseSets clauseSets, EvidencePage evidencePage, PdfRenderer pdf) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.signatures = signatures;
    this.clauseSets = clauseSets;
    this.evidencePage = evidencePage;
    this.pdf = pdf;
  }

  /**
   * Makes and stores the final copy once both parties signed the same version (empty before); a copy that
   * exists already (a retried step) is kept as it is.
   */
  public Optional<SignedCopy> produce(Contract contract) {
    Optional<Integer> signedVersion = signatures.signedVersion(contract.id());
    if (signedVersion.isEmpty()) {
      return Optional.empty();
    }
    Optional<SignedCopy> existing = find(contract.id());
    if (existing.isPresent()) {
      return existing;
    }
    int version = signedVersion.get();
    ContractDocuments.Version signed = documents.find(contract.id(), version).orElseThrow();
    byte[] signedPdf = documents.pdf(contract.id(), version).orElseThrow();
    List<ContractSignatures.Signature> all = signatures.of(contract.id());
    SigningMethod method = all.get(0).method();
    // dated by the last signature, so the copy follows from what is recorded (now, if no time was recorded)
    OffsetDateTime created = all.stream().map(ContractSignatures.Signature::signedAt).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElseGet(() -> OffsetDateTime.now(Clocks.ZONE)).truncatedTo(ChronoUnit.SECONDS);
    byte[] bytes = signedPdf;
    if (method == SigningMethod.ELECTRONIC) {
      Object legalName = clauseSets.version(contract.id(), signed.clauseSetVersion())
          .map(clauses -> clauses.get("merchantLegalName")).orElse(null);
      String page = evidencePage.render(contract, version, signed.pdfSha256(),
          legalName instanceof String name ? name : null, all);
      String title = "客服外包服务合同 " + contract.contractNumber() + " 第 " + version + " 版 签署完成稿";
      bytes = pdf.append(signedPdf, page, title, created.toInstant(),
          ContractDocuments.documentId(Sha256.hex(page)));
    }
    jdbc.sql("""
            INSERT INTO contract_signed_copy (contract_id, document_version, method, signed_pdf_sha256, pdf, pdf_sha256,
              created_at)
            VALUES (:contractId, :version, :method, :signedSha, :pdf, :sha, :createdAt)
            """)
        .param("contractId", contract.id()).param("version", version).param("method", method.name())
        .param("signedSha", signed.pdfSha256()).param("pdf", bytes).param("sha", Sha256.hex(bytes))
        .param("createdAt", created)
        .update();
    return find(contract.id());
  }

  public Optional<SignedCopy> find(long contractId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contract_signed_copy WHERE contract_id = :id")
        .param("id", contractId).query(COPY).optional();
  }

  public Optional<byte[]> pdf(long contractId) {
    return jdbc.sql("SELECT pdf FROM contract_signed_copy WHERE contract_id = :id")
        .param("id", contractId).query((rs, i) -> rs.getBytes(1)).optional();
  }
}
