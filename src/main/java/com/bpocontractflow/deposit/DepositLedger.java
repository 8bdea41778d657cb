package com.bpocontractflow.deposit;

import com.bpocontractflow.common.Clocks;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deposit payments received per contract ({@code deposit_payment}). */
@Repository
public class DepositLedger {

  private final JdbcClient jdbc;

  public DepositLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a payment unless one with the same reference is already recorded for the contract (a payment
   * system that repeats its message must not be counted twice). Returns whether it was recorded.
   */
  public boolean record(long contractId, BigDecimal amount, String paymentReference, String recordedBy) {
    boolean known = jdbc.sql("""
            SELECT COUNT(*) FROM deposit_payment WHERE contract_id = :contractId AND payment_reference = :ref
            """)
        .param("contractId", contractId).param("ref", paymentReference).query(Long.class).single() > 0;
    if (known) {
      return false;
    }
    jdbc.sql("""
            INSERT INTO deposit_payment (contract_id, amount, payment_reference, recorded_by, recorded_at)
            VALUES (:contractId, :amount, :ref, :recordedBy, :now)
            """)
        .param("contractId", contractId).param("amount", amount).param("ref", paymentReference)
        .param("recordedBy", recordedBy).param("now", OffsetDateTime.now(Clocks.ZONE))
        .update();
    return true;
  }

  public BigDecimal totalPaid(long contractId) {
    BigDecimal total = jdbc.sql("SELECT SUM(amount) FROM deposit_payment WHERE contract_id = :contractId")
        .param("contractId", contractId).query(BigDecimal.class).optional().orElse(null);
    return total == null ? BigDecimal.ZERO : total;
  }
}
