package com.bpocontractflow.sla;

import com.bpocontractflow.common.Clocks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code sla_review} table: one review per contract and period, its figures and its remedy. */
@Repository
public class SlaReviews {

  /** The figures reported for a period. */
  public record Figures(LocalDate periodStart, LocalDate periodEnd, BigDecimal firstReplyOnTimePercent,
      int averageFirstReplySeconds, BigDecimal resolvedOnTimePercent, BigDecimal satisfactionPercent,
      BigDecimal badReviewPercent, int complaints, BigDecimal periodFees) {
  }

  /** The remedy as approved, in CNY and days. */
  public record Remedy(BigDecimal feeReductionPercent, BigDecimal feeReduction, int freeExtensionDays,
      BigDecimal penalty, BigDecimal latePaymentPenalty, String adjustmentReason, String approvedBy) {
  }

  /** The contract's document as signed: the version of {@code sla-compensation} its text states, and when it was written. */
  public record SignedDocument(String slaDecisionId, OffsetDateTime createdAt) {
  }

  private final JdbcClient jdbc;

  public SlaReviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(long contractId, LocalDate start, LocalDate end) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM sla_review WHERE contract_id = :id AND period_start = :start AND period_end = :end
            """)
        .param("id", contractId).param("start", start).param("end", end).query(Integer.class).single() > 0;
  }

  /** Whether a review of the contract covers the whole period (it starts no later and ends no earlier). */
  public boolean covers(long contractId, LocalDate start, LocalDate end) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM sla_review WHERE contract_id = :id AND period_start <= :start AND period_end >= :end
            """)
        .param("id", contractId).param("start", start).param("end", end).query(Integer.class).single() > 0;
  }

  /**
   * The contract's latest document version: once signed, no later version is written, so it is the one
   * both parties signed ({@code contract_document}, written by document/ContractDocuments).
   */
  public Optional<SignedDocument> signedDocument(long contractId) {
    return jdbc.sql("""
            SELECT sla_decision_id, created_at FROM contract_document WHERE contract_id = :id
            ORDER BY version DESC LIMIT 1
            """)
        .param("id", contractId)
        .query((rs, i) -> new SignedDocument(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional();
  }

  public long record(long contractId, String processInstanceId, Figures f, int missedKpis, String reason,
      String slaDecisionId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO sla_review (contract_id, process_instance_id, period_start, period_end,
              first_reply_on_time_percent, average_first_reply_seconds, resolved_on_time_percent,
              satisfaction_percent, bad_review_percent, complaints, period_fees, missed_kpis, decision_reason,
              sla_decision_id, created_at)
            VALUES (:id, :pi, :start, :end, :firstReply, :avgSeconds, :resolved, :satisfaction, :badReview,
              :complaints, :fees, :missed, :reason, :decision, :now)
            """)
        .param("id", contractId).param("pi", processInstanceId).param("start", f.periodStart())
        .param("end", f.periodEnd()).param("firstReply", f.firstReplyOnTimePercent())
        .param("avgSeconds", f.averageFirstReplySeconds()).param("resolved", f.resolvedOnTimePercent())
        .param("satisfaction", f.satisfactionPercent()).param("badReview", f.badReviewPercent())
        .param("complaints", f.complaints()).param("fees", f.periodFees()).param("missed", missedKpis)
        .param("reason", reason).param("decision", slaDecisionId).param("now", OffsetDateTime.now(Clocks.ZONE))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  public void settle(long reviewId, Remedy r) {
    jdbc.sql("""
            UPDATE sla_review SET fee_reduction_percent = :pct, fee_reduction = :reduction,
              free_extension_days = :days, penalty = :penalty, late_payment_penalty = :late,
              adjustment_reason = :reason, approved_by = :by WHERE id = :id
            """)
        .param("id", reviewId).param("pct", r.feeReductionPercent()).param("reduction", r.feeReduction())
        .param("days", r.freeExtensionDays()).param("penalty", r.penalty()).param("late", r.latePaymentPenalty())
        .param("reason", r.adjustmentReason()).param("by", r.approvedBy()).update();
  }
}
