package com.bpocontractflow.term;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.settlement.FinalSettlement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service term's tables: {@code contract_term} (its dates as they stand, how it ended, what became of
 * the data), {@code termination_notice} and {@code final_settlement}. Runs in the engine's transaction.
 */
@Repository
public class TermRecords {

  /** A termination notice that set the end of the service. */
  public record Notice(Party party, LocalDate receivedDate, LocalDate effectiveDate, String reason, boolean withCause) {
  }

  /** The term as it stands. */
  public record Term(long contractId, LocalDate goLiveDate, LocalDate trialLastDay, LocalDate termLastDay,
      int renewals, String endReason, LocalDate lastServiceDay) {
  }

  public static final String ACCEPTED = "ACCEPTED";
  public static final String REPEATED = "REPEATED";

  private final JdbcClient jdbc;

  public TermRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void begin(long contractId, LocalDate goLive, LocalDate trialLastDay, LocalDate termLastDay) {
    jdbc.sql("""
            INSERT INTO contract_term (contract_id, go_live_date, trial_last_day, term_last_day, updated_at)
            VALUES (:id, :goLive, :trialLastDay, :termLastDay, :now)
            """)
        .param("id", contractId).param("goLive", goLive).param("trialLastDay", trialLastDay)
        .param("termLastDay", termLastDay).param("now", now()).update();
  }

  public Term get(long contractId) {
    return find(contractId).orElseThrow(() -> new IllegalStateException("Contract " + contractId + " has no term"));
  }

  public Optional<Term> find(long contractId) {
    return jdbc.sql("""
            SELECT contract_id, go_live_date, trial_last_day, term_last_day, renewals, end_reason, last_service_day
            FROM contract_term WHERE contract_id = :id
            """)
        .param("id", contractId)
        .query((rs, i) -> new Term(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
        .optional();
  }

  public void renewed(long contractId, LocalDate termLastDay) {
    jdbc.sql("""
            UPDATE contract_term SET term_last_day = :termLastDay, renewals = renewals + 1, updated_at = :now
            WHERE contract_id = :id
            """)
        .param("id", contractId).param("termLastDay", termLastDay).param("now", now()).update();
  }

  /** Free-extension days an SLA review awarded: the term's last day moves on, and their sum is kept. */
  public void extended(long contractId, LocalDate termLastDay, int days) {
    jdbc.sql("""
            UPDATE contract_term SET term_last_day = :termLastDay, free_extension_days = free_extension_days + :days,
              updated_at = :now WHERE contract_id = :id
            """)
        .param("id", contractId).param("termLastDay", termLastDay).param("days", days).param("now", now()).update();
  }

  /** The free-extension days SLA reviews added to the term so far. */
  public int freeExtensionDays(long contractId) {
    return jdbc.sql("SELECT free_extension_days FROM contract_term WHERE contract_id = :id")
        .param("id", contractId).query(Integer.class).optional().orElse(0);
  }

  public void ending(long contractId, EndReason reason, LocalDate lastServiceDay) {
    jdbc.sql("""
            UPDATE contract_term SET end_reason = :reason, last_service_day = :lastDay, updated_at = :now
            WHERE contract_id = :id
            """)
        .param("id", contractId).param("reason", reason.name()).param("lastDay", lastServiceDay)
        .param("now", now()).update();
  }

  public void recordNotice(long contractId, Notice notice, String outcome) {
    jdbc.sql("""
            INSERT INTO termination_notice (contract_id, notice_party, received_date, effective_date, reason,
              with_cause, outcome, recorded_at)
            VALUES (:id, :party, :received, :effective, :reason, :withCause, :outcome, :now)
            """)
        .param("id", contractId).param("party", notice.party().name()).param("received", notice.receivedDate())
        .param("effective", notice.effectiveDate()).param("reason", notice.reason())
        .param("withCause", notice.withCause()).param("outcome", outcome).param("now", now()).update();
  }

  /** The notice that ended the service, if one did. */
  public Optional<Notice> acceptedNotice(long contractId) {
    return jdbc.sql("""
            SELECT notice_party, received_date, effective_date, reason, with_cause FROM termination_notice
            WHERE contract_id = :id AND outcome = 'ACCEPTED'
            """)
        .param("id", contractId)
        .query((rs, i) -> new Notice(Party.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getBoolean(5)))
        .optional();
  }

  public int notices(long contractId, String outcome) {
    return jdbc.sql("SELECT COUNT(*) FROM termination_notice WHERE contract_id = :id AND outcome = :outcome")
        .param("id", contractId).param("outcome", outcome).query(Integer.class).single();
  }

  public void recordSettlement(long contractId, LocalDate feesFrom, LocalDate feesTo, FinalSettlement s,
      String preparedBy) {
    jdbc.sql("""
            INSERT INTO final_settlement (contract_id, fees_from, fees_to, fees, unpaid_invoices, penalties, deposit,
              deposit_handling, amount_owed, deposit_set_off, merchant_pays, provider_refunds, deposit_kind, dingjin,
              deposit_forfeited, deposit_returned_double, deposit_outcome, purpose_defeated_by, prepared_by, created_at,
              provider_penalty)
            VALUES (:id, :from, :to, :fees, :unpaid, :penalties, :deposit, :handling, :owed, :setOff, :pays,
              :refunds, :kind, :dingjin, :forfeited, :double, :outcome, :defeatedBy, :by, :now, :providerPenalty)
            """)
        .param("id", contractId).param("from", feesFrom).param("to", feesTo).param("fees", s.fees())
        .param("unpaid", s.unpaidInvoices()).param("penalties", s.penalties()).param("deposit", s.deposit())
        .param("handling", s.depositHandling().name()).param("owed", s.amountOwed())
        .param("setOff", s.depositSetOff()).param("pays", s.merchantPays()).param("refunds", s.providerRefunds())
        .param("kind", s.depositKind() == null ? null : s.depositKind().name()).param("dingjin", s.dingjin())
        .param("forfeited", s.depositForfeited()).param("double", s.depositReturnedDouble())
        .param("outcome", s.depositOutcome().name())
        .param("defeatedBy", s.purposeDefeatedBy() == null ? null : s.purposeDefeatedBy().name())
        .param("by", preparedBy).param("now", now()).param("providerPenalty", s.providerPenalty()).update();
  }

  public void dataDisposed(long contractId, DataDisposal disposal, LocalDate on, String note, String by) {
    jdbc.sql("""
            UPDATE contract_term SET data_disposal = :disposal, data_disposed_on = :on, data_disposal_note = :note,
              data_disposed_by = :by, updated_at = :now WHERE contract_id = :id
            """)
        .param("id", contractId).param("disposal", disposal.name()).param("on", on).param("note", note)
        .param("by", by).param("now", now()).update();
  }

  /** What the merchant chose for its data at the end (PIPL art. 21), how the choice came and who recorded it. */
  public record DataChoice(DataDisposal choice, String source, String note, String by, OffsetDateTime at) {
  }

  /** Records the merchant's choice; false (nothing changed) when a choice was recorded before. */
  public boolean recordDataChoice(long contractId, DataDisposal choice, String source, String note, String by) {
    return jdbc.sql("""
            UPDATE contract_term SET data_choice = :choice, data_choice_source = :source, data_choice_note = :note,
              data_choice_by = :by, data_choice_at = :at, updated_at = :now
            WHERE contract_id = :id AND data_choice IS NULL
            """)
        .param("id", contractId).param("choice", choice.name()).param("source", source).param("note", note)
        .param("by", by).param("now", now())
        // by the engine's clock, as the dates of the process it belongs to
        .param("at", OffsetDateTime.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
            Clocks.ZONE))
        .update() == 1;
  }

  /** The merchant's recorded choice, if any. */
  public Optional<DataChoice> dataChoice(long contractId) {
    return jdbc.sql("""
            SELECT data_choice, data_choice_source, data_choice_note, data_choice_by, data_choice_at FROM contract_term
            WHERE contract_id = :id AND data_choice IS NOT NULL
            """)
        .param("id", contractId)
        .query((rs, i) -> new DataChoice(DataDisposal.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
        .optional();
  }

  /** How the data was deleted, as staff recorded it. */
  public void dataDeletionMethod(long contractId, String method) {
    jdbc.sql("UPDATE contract_term SET data_deletion_method = :method, updated_at = :now WHERE contract_id = :id")
        .param("id", contractId).param("method", method).param("now", now()).update();
  }

  /** The data disposal recorded for a contract ({@code RETURNED}/{@code DELETED}), if any. */
  public Optional<String> dataDisposal(long contractId) {
    return jdbc.sql("SELECT data_disposal FROM contract_term WHERE contract_id = :id AND data_disposal IS NOT NULL")
        .param("id", contractId).query(String.class).optional();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(Clocks.ZONE);
  }
}
