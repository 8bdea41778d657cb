package com.bpocontractflow.document;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.contract.SignerAuthority;
import com.bpocontractflow.contract.SigningMethod;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signatures of a contract ({@code contract_signature}), one per party, each with the document
 * version and the SHA-256s of what was signed. Paper: who sealed and when ({@code signedOn}; for the
 * merchant the day it sealed, when the contract was formed), the courier and tracking number, the day the
 * countersigned copy arrived ({@code receivedOn}). Electronic: signer, time, IP, user agent; for the
 * merchant's signature on the built-in signing page also how the signer was identified
 * ({@code identification}, e.g. 电子邮件一次性验证码 至 a***@example.com, and when: {@code identifiedAt}), in
 * what capacity they signed ({@code authority}) and the SHA-256 of the power of attorney they uploaded
 * ({@code authorityDocumentSha256}); these four are null for paper, for the provider and for signatures an
 * external e-signature platform reports.
 */
@Repository
public class ContractSignatures {

  /** One party's signature. */
  public record Signature(Party party, SigningMethod method, String signer, LocalDate signedOn,
      OffsetDateTime signedAt, String ip, String userAgent, int documentVersion, String documentSha256,
      String htmlSha256, String courierCompany, String trackingNumber, LocalDate receivedOn, String recordedBy,
      String identification, OffsetDateTime identifiedAt, SignerAuthority authority, String authorityDocumentSha256) {
  }

  private final JdbcClient jdbc;

  public ContractSignatures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a party's signature; a repeated record of the same party (a retried step) replaces it. */
  public void record(long contractId, Signature s) {
    jdbc.sql("DELETE FROM contract_signature WHERE contract_id = :id AND party = :party")
        .param("id", contractId).param("party", s.party().name()).update();
    jdbc.sql("""
            INSERT INTO contract_signature (contract_id, party, method, signer, signed_on, signed_at, ip, user_agent,
              document_version, document_sha256, html_sha256, courier_company, tracking_number, received_on,
              recorded_by, recorded_at, identification, identified_at, authority, authority_document_sha256)
            VALUES (:id, :party, :method, :signer, :signedOn, :signedAt, :ip, :userAgent, :version, :sha, :htmlSha,
              :courier, :tracking, :receivedOn, :recordedBy, :now, :identification, :identifiedAt, :authority,
              :authoritySha)
            """)
        .param("id", contractId).param("party", s.party().name()).param("method", s.method().name())
        .param("signer", s.signer()).param("signedOn", s.signedOn()).param("signedAt", s.signedAt())
        .param("ip", s.ip()).param("userAgent", s.userAgent()).param("version", s.documentVersion())
        .param("sha", s.documentSha256()).param("htmlSha", s.htmlSha256()).param("courier", s.courierCompany())
        .param("tracking", s.trackingNumber()).param("receivedOn", s.receivedOn()).param("recordedBy", s.recordedBy())
        .param("now", OffsetDateTime.now(Clocks.ZONE))
        .param("identification", s.identification()).param("identifiedAt", s.identifiedAt())
        .param("authority", s.authority() == null ? null : s.authority().name())
        .param("authoritySha", s.authorityDocumentSha256())
        .update();
  }

  /** Adds the courier of the provider's sealed copies (paper). */
  public void couriered(long contractId, String company, String trackingNumber) {
    jdbc.sql("""
            UPDATE contract_signature SET courier_company = :company, tracking_number = :tracking
            WHERE contract_id = :id AND party = 'PROVIDER'
            """)
        .param("id", contractId).param("company", company).param("tracking", trackingNumber).update();
  }

  public List<Signature> of(long contractId) {
    return jdbc.sql("""
            SELECT party, method, signer, signed_on, signed_at, ip, user_agent, document_version, document_sha256,
              html_sha256, courier_company, tracking_number, received_on, recorded_by, identification, identified_at,
              authority, authority_document_sha256
            FROM contract_signature WHERE contract_id = :id ORDER BY party
            """)
        .param("id", contractId)
        .query((rs, i) -> new Signature(Party.valueOf(rs.getString(1)), SigningMethod.valueOf(rs.getString(2)),
            rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
            rs.getString(7), rs.getInt(8), rs.getString(9).trim(), rs.getString(10).trim(), rs.getString(11),
            rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14), rs.getString(15),
            rs.getObject(16, OffsetDateTime.class), rs.getString(17) == null ? null : SignerAuthority.valueOf(rs.getString(17)),
            rs.getString(18) == null ? null : rs.getString(18).trim()))
        .list();
  }

  /** The document version both parties signed: signed only when both have. */
  public Optional<Integer> signedVersion(long contractId) {
    List<Signature> signatures = of(contractId);
    if (signatures.size() < 2 || signatures.stream().map(Signature::documentVersion).distinct().count() != 1) {
      return Optional.empty();
    }
    return Optional.of(signatures.get(0).documentVersion());
  }
}
