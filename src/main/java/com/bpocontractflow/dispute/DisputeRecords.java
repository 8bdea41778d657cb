package com.bpocontractflow.dispute;

import com.bpocontractflow.common.Clocks;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code dispute} table. */
@Repository
public class DisputeRecords {

  private final JdbcClient jdbc;

  public DisputeRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long open(long contractId, String processInstanceId, String raisedBy, String description,
      LocalDate negotiateUntil, String forum, String venue) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO dispute (contract_id, process_instance_id, raised_by, description, negotiate_until, forum,
              forum_venue, created_at)
            VALUES (:id, :pi, :raisedBy, :description, :until, :forum, :venue, :now)
            """)
        .param("id", contractId).param("pi", processInstanceId).param("raisedBy", raisedBy)
        .param("description", description).param("until", negotiateUntil).param("forum", forum)
        .param("venue", venue).param("now", now())
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  public void settled(long disputeId, String terms) {
    jdbc.sql("UPDATE dispute SET outcome = 'RESOLVED', settlement_terms = :terms, closed_at = :now WHERE id = :id")
        .param("id", disputeId).param("terms", terms).param("now", now()).update();
  }

  public void escalated(long disputeId, DisputeOutcome outcome) {
    jdbc.sql("UPDATE dispute SET outcome = :outcome WHERE id = :id")
        .param("id", disputeId).param("outcome", outcome.name()).update();
  }

  public void filed(long disputeId, LocalDate filedOn, String caseReference) {
    jdbc.sql("UPDATE dispute SET filed_on = :filedOn, case_reference = :ref, closed_at = :now WHERE id = :id")
        .param("id", disputeId).param("filedOn", filedOn).param("ref", caseReference).param("now", now()).update();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(Clocks.ZONE);
  }
}
