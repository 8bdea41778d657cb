package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.document.ContractSignatures;
import com.bpocontractflow.document.ReviewRounds;
import com.bpocontractflow.validation.InputRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Writes what a completed signing step decided onto the contract record, in the step's transaction.
 * The record is the business data; process variables only route the flow.
 */
@Component
public class SigningRecorder {

  /** What a clause set version holds besides the six clauses' own fields. */
  static final List<String> CLAUSE_SET_EXTRA = List.of(SIGNING_METHOD, SEATS);

  private final ContractRepository contracts;
  private final ClauseSets clauseSets;
  private final ContractDocuments documents;
  private final ContractSignatures signatures;
  private final ReviewRounds reviewRounds;
  private final RoundChanges roundChanges;

  public SigningRecorder(ContractRepository contracts, ClauseSets clauseSets, ContractDocuments documents,
      ContractSignatures signatures, ReviewRounds reviewRounds, RoundChanges roundChanges) {
    this.contracts = contracts;
    this.clauseSets = clauseSets;
    this.documents = documents;
    this.signatures = signatures;
    this.reviewRounds = reviewRounds;
    this.roundChanges = roundChanges;
  }

  /** The id of the contract the process is bound to by its business key (see {@link ContractRepository#ofProcess}). */
  public long contractId(Object contractIdVariable, String businessKey) {
    return contracts.ofProcess(contractIdVariable, businessKey).id();
  }

  public void taskCompleted(String taskKey, long contractId, VariableScope v, String user) {
    if (DRAFT_CONTRACT.equals(taskKey) || REVISE_CLAUSES.equals(taskKey)) {
      Map<String, Object> clauses = new LinkedHashMap<>();
      ClauseRules.RULES.forEach(rule -> clauses.put(rule.key(), v.getVariable(rule.key())));
      CLAUSE_SET_EXTRA.forEach(key -> clauses.put(key, v.getVariable(key)));
      clauseSets.record(contractId, clauses, user);
    }
    Map<String, Object> columns = new HashMap<>();
    switch (taskKey) {
      case DRAFT_PROPOSAL -> {
        columns.put("service_scope", text(v, SERVICE_SCOPE));
        columns.put("seats", InputRules.toWholeNumber(v.getVariable(SEATS)).intValue()); // the proposal may change them
        columns.put("service_hours", v.getVariable(SERVICE_HOURS));
        columns.put("billing_model", v.getVariable(BILLING_MODEL));
        columns.put("unit_price", InputRules.toDecimal(v.getVariable(UNIT_PRICE)));
        columns.put("deposit_amount", InputRules.toDecimal(v.getVariable(DEPOSIT_AMOUNT)));
        columns.put("term_months", InputRules.toWholeNumber(v.getVariable(TERM_MONTHS)).intValue());
        columns.put("proposal_round", v.getVariable(PROPOSAL_ROUND));
        columns.put("status", ContractStatus.PROPOSAL_SENT.name());
      }
      case CONFIRM_PROPOSAL -> {
        ProposalDecision decision = ProposalDecision.valueOf((String) v.getVariable(PROPOSAL_DECISION));
        columns.put("proposal_decision", decision.name());
        columns.put("proposal_comment", text(v, PROPOSAL_COMMENT));
        columns.put("status", switch (decision) {
          case ACCEPTED -> ContractStatus.DRAFTING.name();
          case REVISION_REQUESTED -> ContractStatus.PROPOSAL_REVISION.name();
          case DECLINED -> ContractStatus.PROPOSAL_DECLINED.name();
        });
      }
      case DRAFT_CONTRACT -> {
        columns.put("signing_method", v.getVariable(SIGNING_METHOD));
        columns.put("billing_model", v.getVariable(BILLING_MODEL));
        columns.put("unit_price", InputRules.toDecimal(v.getVariable(UNIT_PRICE)));
        columns.put("term_months", InputRules.toWholeNumber(v.getVariable(TERM_MONTHS)).intValue());
        columns.put("deposit_amount", InputRules.toDecimal(v.getVariable(DEPOSIT_AMOUNT)));
        columns.put("deposit_handling", v.getVariable(DEPOSIT_HANDLING));
        columns.put("status", ContractStatus.IN_REVIEW.name());
      }
      case REVIEW_CLAUSES -> {
        boolean agreed = Boolean.TRUE.equals(v.getVariable(CLAUSES_AGREED));
        Object answeredBy = v.getVariable(ANSWERED_BY);
        reviewRounds.answered(contractId, contracts.get(contractId).reviewRound(), agreed,
            agreed ? null : text(v, CLAUSE_FEEDBACK), answeredBy instanceof String a ? a : user);
        columns.put("status", agreed ? ContractStatus.SIGNING.name() : ContractStatus.IN_REVISION.name());
      }
      case REVISE_CLAUSES -> {
        columns.put("billing_model", v.getVariable(BILLING_MODEL));
        columns.put("unit_price", InputRules.toDecimal(v.getVariable(UNIT_PRICE)));
        columns.put("deposit_amount", InputRules.toDecimal(v.getVariable(DEPOSIT_AMOUNT)));
        columns.put("deposit_handling", v.getVariable(DEPOSIT_HANDLING));
        columns.put("term_months", InputRules.toWholeNumber(v.getVariable(TERM_MONTHS)).intValue());
        columns.put("status", ContractStatus.IN_REVIEW.name());
      }
      case SEAL_CONTRACT -> {
        columns.put("sealed_by", text(v, SEALED_BY));
        columns.put("sealed_date", InputRules.toDate(v.getVariable(SEALED_DATE)));
        // we seal the version the merchant agreed to: the latest one
        ContractDocuments.Version signed = documents.current(contracts.get(contractId));
        signatures.record(contractId, new ContractSignatures.Signature(Party.PROVIDER, SigningMethod.PAPER,
            text(v, SEALED_BY), InputRules.toDate(v.getVariable(SEALED_DATE)), null, null, null, signed.version(),
            signed.pdfSha256(), signed.htmlSha256(), null, null, null, user, null, null, null, null));
      }
      case COURIER_CONTRACT -> {
        columns.put("courier_company", text(v, COURIER_COMPANY));
        columns.put("tracking_number", text(v, TRACKING_NUMBER));
        signatures.couriered(contractId, text(v, COURIER_COMPANY), text(v, TRACKING_NUMBER));
      }
      case RECEIVE_COUNTERSIGNED_CONTRACT -> {
        LocalDate merchantSealed = InputRules.toDate(v.getVariable(MERCHANT_SEALED_DATE));
        LocalDate received = InputRules.toDate(v.getVariable(COUNTERSIGNED_RECEIVED_DATE));
        columns.put("merchant_sealed_date", merchantSealed);
        columns.put("countersigned_received_on", received);
        columns.put("status", ContractStatus.SIGNED.name());
        // the paper contract is formed when the last party seals it: the merchant's seal, on the copy we sent;
        // its signature records the day it sealed and, apart, the day the copy reached us
        Contract contract = contracts.get(contractId);
        ContractDocuments.Version sealed = versionSignedBy(Party.PROVIDER, contractId);
        signatures.record(contractId, new ContractSignatures.Signature(Party.MERCHANT, SigningMethod.PAPER,
            contract.merchantName(), merchantSealed, null, null, null, sealed.version(), sealed.pdfSha256(),
            sealed.htmlSha256(), contract.returnCourierCompany(), contract.returnTrackingNumber(), received, user,
            null, null, null, null));
      }
      case COUNTERSIGN_CONTRACT -> {
        columns.put("countersigned_by", text(v, COUNTERSIGNED_BY));
        columns.put("status", ContractStatus.SIGNED.name());
        // we countersign the version the merchant signed
        ContractDocuments.Version signed = versionSignedBy(Party.MERCHANT, contractId);
        signatures.record(contractId, new ContractSignatures.Signature(Party.PROVIDER, SigningMethod.ELECTRONIC,
            text(v, COUNTERSIGNED_BY), Clocks.today(), OffsetDateTime.now(Clocks.ZONE), null, null, signed.version(),
            signed.pdfSha256(), signed.htmlSha256(), null, null, null, user, null, null, null, null));
      }
      case APPROVE_GO_LIVE -> {
        columns.put("go_live_date", InputRules.toDate(v.getVariable(GO_LIVE_DATE)));
        columns.put("status", ContractStatus.LIVE.name());
      }
      default -> {
        // the other steps leave the record as it is; their values stay in the engine's history
      }
    }
    contracts.update(contractId, columns);
    // after the second signature the final signed copy is made and mailed in a job, not in this request:
    // ServiceTask_MakeSignedCopy (SignedCopyDelegate)
  }

  /** The latest recorded version of the clauses (empty before the first draft). */
  public Map<String, Object> latestClauses(long contractId) {
    return clauseSets.latest(contractId).orElse(Map.of());
  }

  /**
   * A review round starts: the contract as it now stands becomes document version {@code round} (HTML and
   * PDF, with their SHA-256s) and the round is recorded. Returns what changed in the clauses since the
   * previous round, for the forms.
   */
  public String reviewRoundStarted(long contractId, int round) {
    contracts.update(contractId, Map.of("review_round", round, "status", ContractStatus.IN_REVIEW.name()));
    ContractDocuments.Version version = documents.publish(contracts.get(contractId));
    reviewRounds.started(contractId, round, version.version());
    if (round == 1) {
      return "第 1 轮审阅：按标准合同模板起草的首个版本";
    }
    // the same comparison the merchant's review page shows
    return roundChanges.since(contractId, version.version())
        .map(changes -> "第 " + round + " 轮审阅，与第 " + (round - 1) + " 轮相比：\n" + ClauseChanges.describe(changes))
        // a round reviewed before documents were stored
        .orElse("第 " + round + " 轮审阅（第 " + (round - 1) + " 轮的版本未存档，无法逐项比较）");
  }

  /** The version the party signed first (we seal first on paper, the merchant signs first electronically). */
  private ContractDocuments.Version versionSignedBy(Party party, long contractId) {
    return signatures.of(contractId).stream().filter(s -> s.party() == party).findFirst()
        .flatMap(s -> documents.find(contractId, s.documentVersion()))
        .orElseGet(() -> documents.current(contracts.get(contractId)));
  }

  private static String text(VariableScope v, String name) {
    return v.getVariable(name) instanceof String s && !InputRules.isBlank(s) ? s.trim() : null;
  }
}
