package com.bpocontractflow.onboarding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record that the access the merchant granted for the service was revoked at its end (table
 * {@code merchant_access_revocation}, one per contract): what, on which day, recorded by whom. Kept with the
 * data disposal and printed on the deletion certificate (PIPL art. 47).
 */
@Repository
public class MerchantAccessRevocations {

  private final JdbcClient jdbc;

  public MerchantAccessRevocations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A recorded revocation. */
  public record Revocation(long contractId, String revokedAccess, LocalDate revokedOn, String recordedBy,
      OffsetDateTime recordedAt) {
  }

  /** Records (or corrects) the revocation of a contract, in the caller's transaction. */
  public void record(long contractId, String revokedAccess, LocalDate revokedOn, String recordedBy,
      OffsetDateTime recordedAt) {
    int updated = jdbc.sql("""
            UPDATE merchant_access_revocation SET revoked_access = :access, revoked_on = :on, recorded_by = :by,
              recorded_at = :at
            WHERE contract_id = :id
            """)
        .param("access", revokedAccess).param("on", revokedOn).param("by", recordedBy).param("at", recordedAt)
        .param("id", contractId).update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO merchant_access_revocation (contract_id, revoked_access, revoked_on, recorded_by, recorded_at)
              VALUES (:id, :access, :on, :by, :at)
              """)
          .param("id", contractId).param("access", revokedAccess).param("on", revokedOn).param("by", recordedBy)
          .param("at", recordedAt).update();
    }
  }

  public Optional<Revocation> of(long contractId) {
    return jdbc.sql("""
            SELECT contract_id, revoked_access, revoked_on, recorded_by, recorded_at FROM merchant_access_revocation
            WHERE contract_id = :id
            """)
        .param("id", contractId)
        .query((rs, i) -> new Revocation(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
        .optional();
  }
}
