package com.bpocontractflow.contract;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.validation.InputRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of a contract's six key clauses ({@code contract_clause_set}). */
@Repository
public class ClauseSets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  public ClauseSets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the clauses as the contract's next version; returns that version. */
  public int record(long contractId, Map<String, Object> clauses, String createdBy) {
    int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM contract_clause_set WHERE contract_id = :id")
        .param("id", contractId).query(Integer.class).single() + 1;
    jdbc.sql("""
            INSERT INTO contract_clause_set (contract_id, version, clauses_json, term_months, trial_days,
              renewal_window_days, termination_notice_days, negotiation_days, dispute_forum, forum_venue,
              created_by, created_at)
            VALUES (:contractId, :version, :json, :termMonths, :trialDays, :renewalWindowDays,
              :terminationNoticeDays, :negotiationDays, :disputeForum, :forumVenue, :createdBy, :now)
            """)
        .param("contractId", contractId).param("version", version).param("json", json(clauses))
        .param("termMonths", whole(clauses, "termMonths")).param("trialDays", whole(clauses, "trialDays"))
        .param("renewalWindowDays", whole(clauses, "renewalWindowDays"))
        .param("terminationNoticeDays", whole(clauses, "terminationNoticeDays"))
        .param("negotiationDays", whole(clauses, "negotiationDays"))
        .param("disputeForum", clauses.get("disputeForum")).param("forumVenue", clauses.get("forumVenue"))
        .param("createdBy", createdBy).param("now", OffsetDateTime.now(Clocks.ZONE))
        .update();
    return version;
  }

  /** The latest version's clauses, by field name. */
  public Optional<Map<String, Object>> latest(long contractId) {
    return jdbc.sql("""
            SELECT clauses_json FROM contract_clause_set WHERE contract_id = :id ORDER BY version DESC LIMIT 1
            """)
        .param("id", contractId).query(String.class).optional().map(ClauseSets::parse);
  }

  /** The clauses of one version, by field name. */
  public Optional<Map<String, Object>> version(long contractId, int version) {
    return jdbc.sql("SELECT clauses_json FROM contract_clause_set WHERE contract_id = :id AND version = :version")
        .param("id", contractId).param("version", version).query(String.class).optional().map(ClauseSets::parse);
  }

  public int versions(long contractId) {
    return jdbc.sql("SELECT COUNT(*) FROM contract_clause_set WHERE contract_id = :id")
        .param("id", contractId).query(Integer.class).single();
  }

  private static int whole(Map<String, Object> clauses, String key) {
    return InputRules.toWholeNumber(clauses.get(key)).intValue();
  }

  private static String json(Map<String, Object> clauses) {
    try {
      return JSON.writeValueAsString(new LinkedHashMap<>(clauses));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where notices to the merchant go: the notice e-mail of these clauses (送达电子邮箱, where the parties agreed
   * notices are received), or — for clauses drafted before that field existed — the e-mail the merchant gave
   * with its request.
   */
  public static String noticeEmail(Map<String, Object> clauses, Contract contract) {
    Object email = clauses.get("noticeEmail");
    return email instanceof String address && !address.isBlank() ? address.trim() : contract.merchantEmail();
  }
}
