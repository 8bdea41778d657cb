package com.bpocontractflow.contract;

import com.bpocontractflow.common.Clocks;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code contract} table. Runs inside the caller's transaction (the engine's, in a process step). */
@Repository
public class ContractRepository {

  /** Columns a process step may update. */
  static final Set<String> UPDATABLE = Set.of(
      "status", "process_instance_id", "service_scope", "service_hours", "billing_model", "unit_price",
      "term_months", "proposal_round", "proposal_decision", "proposal_comment", "signing_method",
      "deposit_amount", "deposit_handling", "review_round", "sealed_by", "sealed_date", "courier_company",
      "tracking_number", "merchant_sealed_date", "countersigned_received_on", "merchant_signer_name", "merchant_signed_at",
      "merchant_signer_ip", "merchant_signer_user_agent", "signed_document_sha256", "signed_document_version",
      "return_courier_company", "return_tracking_number", "countersigned_by", "go_live_date", "withdrawn_by",
      "withdrawal_reason", "withdrawn_at", "seats");

  private static final DataClassRowMapper<Contract> MAPPER = new DataClassRowMapper<>(Contract.class);

  private final JdbcClient jdbc;

  public ContractRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new contract. Its number is the requested one or, when none was requested,
   * {@code BPO-<year>-<6-digit id>} in the business time zone.
   */
  public Contract register(NewContract request) {
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    String provisionalNumber = request.requestedNumber() != null
        ? request.requestedNumber() : "PENDING-" + UUID.randomUUID().toString().replace("-", "");
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO contract (contract_number, status, merchant_name, merchant_email, contact_person,
              contact_phone, shop_platform, seats, service_needs, created_at, updated_at)
            VALUES (:number, :status, :merchantName, :merchantEmail, :contactPerson, :contactPhone,
              :shopPlatform, :seats, :serviceNeeds, :now, :now)
            """)
        .param("number", provisionalNumber)
        .param("status", ContractStatus.REQUESTED.name())
        .param("merchantName", request.merchantName())
        .param("merchantEmail", request.merchantEmail())
        .param("contactPerson", request.contactPerson())
        .param("contactPhone", request.contactPhone())
        .param("shopPlatform", request.shopPlatform().name())
        .param("seats", request.seats())
        .param("serviceNeeds", request.serviceNeeds())
        .param("now", now)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    if (request.requestedNumber() == null) {
      String number = ContractNumbers.assigned(Year.now(Clocks.ZONE).getValue(), id);
      jdbc.sql("UPDATE contract SET contract_number = :number WHERE id = :id")
          .param("number", number).param("id", id).update();
    }
    return get(id);
  }

  public boolean numberExists(String contractNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM contract WHERE contract_number = :number")
        .param("number", contractNumber).query(Long.class).single() > 0;
  }

  public Optional<Contract> find(long id) {
    return jdbc.sql("SELECT * FROM contract WHERE id = :id").param("id", id).query(MAPPER).optional();
  }

  public Optional<Contract> findByNumber(String contractNumber) {
    return jdbc.sql("SELECT * FROM contract WHERE contract_number = :number")
        .param("number", contractNumber).query(MAPPER).optional();
  }

  public Contract get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No contract with id " + id));
  }

  /**
   * The contract a process instance works on. A process is bound to its contract by its business key (the
   * contract number); the {@code contractId} variable it carries is only a shortcut and is checked against
   * it, so a variable changed by anyone can never point a step at another contract's data or merchant.
   * A mismatch is a technical failure: the step fails and the engine shows an incident.
   */
  public Contract ofProcess(Object contractId, String businessKey) {
    if (!(contractId instanceof Number id)) {
      throw new IllegalStateException("Process " + businessKey + " carries no contractId");
    }
    Contract contract = get(id.longValue());
    if (!contract.contractNumber().equals(businessKey)) {
      throw new IllegalStateException("Process with business key " + businessKey + " names contract "
          + contract.contractNumber() + " (id " + id + "): refusing to act on another contract");
    }
    return contract;
  }

  /** Updates the given columns (snake_case names) and the update time. */
  public void update(long id, Map<String, ?> columns) {
    if (columns.isEmpty()) {
      return;
    }
    if (!UPDATABLE.containsAll(columns.keySet())) {
      throw new IllegalArgumentException("Not updatable: " + columns.keySet());
    }
    Map<String, Object> params = new LinkedHashMap<>(columns);
    params.put("id", id);
    params.put("updated_at", OffsetDateTime.now(Clocks.ZONE));
    String assignments = columns.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
    jdbc.sql("UPDATE contract SET " + assignments + ", updated_at = :updated_at WHERE id = :id")
        .params(params).update();
  }

  public void updateStatus(long id, ContractStatus status) {
    update(id, Map.of("status", status.name()));
  }
}
