package com.bpocontractflow.retention;

import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.merchant.MerchantAnswers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of the retention job on the application's tables. Each change is one UPDATE or DELETE
 * whose WHERE makes it idempotent, run in the transaction that claimed the contract row
 * ({@code FOR UPDATE SKIP LOCKED}), so nodes sharing one database never work on the same contract at once.
 */
@Repository
public class RetentionTables {

  /** What replaces a contact's name or e-mail address (columns that must not be empty). */
  public static final String ANONYMISED = "已匿名化";
  /** What replaces "商家 <contact>（<shop>），通过邮件链接" as the author of an answer given through a link. */
  public static final String MERCHANT_ANONYMISED = "商家（已匿名化）";

  private static final String LINK_ANSWER = MerchantAnswers.ANSWERED_BY_PREFIX + "%";

  /** A contract whose end is not yet recorded. */
  public record Open(long id, String contractNumber, String status, String processInstanceId,
      OffsetDateTime updatedAt) {
  }

  /** A contract due for a step of the job. */
  public record Due(long id, String contractNumber, String processInstanceId) {
  }

  /** What one anonymisation removed. */
  public record Removed(int mails, int links, int reviewAuthors) {
  }

  private final JdbcClient jdbc;

  public RetentionTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Open> withoutEnd() {
    return jdbc.sql("""
            SELECT id, contract_number, status, process_instance_id, updated_at FROM contract
            WHERE ended_on IS NULL ORDER BY id
            """)
        .query((rs, i) -> new Open(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  /** Records the day a contract ended, unless one is recorded already. */
  public boolean recordEnd(long id, LocalDate endedOn) {
    return jdbc.sql("UPDATE contract SET ended_on = :endedOn WHERE id = :id AND ended_on IS NULL")
        .param("endedOn", endedOn).param("id", id).update() == 1;
  }

  // ------------------------------------------------------------------ personal data

  /** Contracts that ended on or before {@code cutoff} and still hold their contact data. */
  public List<Due> dueForAnonymisation(LocalDate cutoff) {
    return jdbc.sql("""
            SELECT id, contract_number, process_instance_id FROM contract
            WHERE ended_on <= :cutoff AND personal_data_anonymised_on IS NULL ORDER BY ended_on, id
            """)
        .param("cutoff", cutoff).query(Due.class).list();
  }

  /** Locks the contract for this transaction if it is still due and no other node holds it. */
  public boolean claimForAnonymisation(long id, LocalDate cutoff) {
    return jdbc.sql("""
            SELECT id FROM contract
            WHERE id = :id AND ended_on <= :cutoff AND personal_data_anonymised_on IS NULL
            FOR UPDATE SKIP LOCKED
            """)
        .param("id", id).param("cutoff", cutoff).query(Long.class).optional().isPresent();
  }

  /**
   * E-mails of the contract not known to be delivered and not given up: waiting, being sent, or of unknown
   * outcome until an operator decides (see {@link OutboxMail#OPEN}).
   */
  public long pendingMails(String contractNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE contract_number = :number AND status IN (:open)")
        .param("number", contractNumber).param("open", OutboxMail.OPEN).query(Long.class).single();
  }

  /**
   * Anonymises the contact data on the contract and the authors of answers given through links, deletes the
   * delivered or failed e-mails and every link of the contract, and records the day.
   */
  public Removed anonymise(long id, String contractNumber, LocalDate today, OffsetDateTime now) {
    int reviewAuthors = jdbc.sql("""
            UPDATE review_comment SET author = :marker
            WHERE author LIKE :linkAnswer AND review_round_id IN (SELECT id FROM review_round WHERE contract_id = :id)
            """)
        .param("marker", MERCHANT_ANONYMISED).param("linkAnswer", LINK_ANSWER).param("id", id).update();
    jdbc.sql("UPDATE review_round SET answered_by = :marker WHERE contract_id = :id AND answered_by LIKE :linkAnswer")
        .param("marker", MERCHANT_ANONYMISED).param("linkAnswer", LINK_ANSWER).param("id", id).update();
    int mails = jdbc.sql("DELETE FROM mail_outbox WHERE contract_number = :number AND status IN (:done)")
        .param("number", contractNumber).param("done", List.of(OutboxMail.SENT, OutboxMail.FAILED)).update();
    // the signing page's one-time codes (hash, masked address) go with the links they were sent for
    jdbc.sql("DELETE FROM signing_code WHERE contract_id = :id").param("id", id).update();
    int links = jdbc.sql("DELETE FROM merchant_link WHERE contract_id = :id").param("id", id).update();
    // the merchant's onboarding notes (may name accounts or people); the access revocation record stays
    jdbc.sql("DELETE FROM onboarding_checklist WHERE contract_id = :id").param("id", id).update();
    jdbc.sql("""
            UPDATE contract SET contact_person = :marker, merchant_email = :marker, contact_phone = NULL,
              service_needs = NULL, proposal_comment = NULL, personal_data_anonymised_on = :today, updated_at = :now
            WHERE id = :id AND personal_data_anonymised_on IS NULL
            """)
        .param("marker", ANONYMISED).param("today", today).param("now", now).param("id", id).update();
    return new Removed(mails, links, reviewAuthors);
  }

  // ------------------------------------------------------------------ signing evidence

  /**
   * Contracts anonymised already, that ended on or before {@code cutoff}, with no dispute open or closed
   * after {@code disputesClosedBefore}, whose signature records still hold the signer's IP and user agent.
   */
  public List<Due> dueForEvidenceReduction(LocalDate cutoff, OffsetDateTime disputesClosedBefore) {
    return jdbc.sql("""
            SELECT c.id, c.contract_number, c.process_instance_id FROM contract c
            WHERE c.ended_on <= :cutoff AND c.personal_data_anonymised_on IS NOT NULL
              AND c.signing_evidence_reduced_on IS NULL
              AND NOT EXISTS (SELECT 1 FROM dispute d WHERE d.contract_id = c.id
                AND (d.closed_at IS NULL OR d.closed_at >= :disputesClosedBefore))
            ORDER BY c.ended_on, c.id
            """)
        .param("cutoff", cutoff).param("disputesClosedBefore", disputesClosedBefore).query(Due.class).list();
  }

  public boolean claimForEvidenceReduction(long id, LocalDate cutoff, OffsetDateTime disputesClosedBefore) {
    return jdbc.sql("""
            SELECT c.id FROM contract c
            WHERE c.id = :id AND c.ended_on <= :cutoff AND c.personal_data_anonymised_on IS NOT NULL
              AND c.signing_evidence_reduced_on IS NULL
              AND NOT EXISTS (SELECT 1 FROM dispute d WHERE d.contract_id = c.id
                AND (d.closed_at IS NULL OR d.closed_at >= :disputesClosedBefore))
            FOR UPDATE SKIP LOCKED
            """)
        .param("id", id).param("cutoff", cutoff).param("disputesClosedBefore", disputesClosedBefore)
        .query(Long.class).optional().isPresent();
  }

  /** Removes the signer's IP address and user agent and who used the signing link; the signature stays. */
  public void reduceEvidence(long id, LocalDate today, OffsetDateTime now) {
    jdbc.sql("UPDATE contract_signature SET ip = NULL, user_agent = NULL WHERE contract_id = :id")
        .param("id", id).update();
    jdbc.sql("UPDATE contract_signature SET recorded_by = :marker WHERE contract_id = :id AND recorded_by LIKE :linkAnswer")
        .param("marker", MERCHANT_ANONYMISED).param("linkAnswer", LINK_ANSWER).param("id", id).update();
    jdbc.sql("""
            UPDATE contract SET merchant_signer_ip = NULL, merchant_signer_user_agent = NULL,
              signing_evidence_reduced_on = :today, updated_at = :now
            WHERE id = :id AND signing_evidence_reduced_on IS NULL
            """)
        .param("today", today).param("now", now).param("id", id).update();
  }

  // ------------------------------------------------------------------ the engine's history

  /**
   * Deletes the values of the named form fields submitted through Camunda forms (Tasklist), which the engine
   * keeps in its history as form-property details, apart from the variables. The engine has no API to delete
   * them alone: this is the one statement of the application on an engine table ({@code ACT_HI_DETAIL}).
   */
  public int deleteFormFieldHistory(Collection<String> processInstanceIds, Collection<String> names) {
    if (processInstanceIds.isEmpty() || names.isEmpty()) {
      return 0;
    }
    return jdbc.sql("""
            DELETE FROM ACT_HI_DETAIL WHERE TYPE_ = 'FormProperty' AND PROC_INST_ID_ IN (:instances) AND NAME_ IN (:names)
            """)
        .param("instances", List.copyOf(processInstanceIds)).param("names", List.copyOf(names)).update();
  }
}
