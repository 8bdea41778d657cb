package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Approval holds: the proposal was approved (by managers, or by the DMN table {@code proposal-approval} finding
 * that none was needed) for certain values — the {@link ProposalFacts#INPUTS}. When legal changes any of them
 * in the draft or a revision, the table runs again on the new values and managers approve again where it names
 * a reason, before the contract goes to the merchant. A change to anything else needs no new approval.
 *
 * <p>Called from {@code bpmn/contract-signing.bpmn} as start listeners: {@link #cleared} where the terms are
 * cleared to go to the merchant (the proposal, each review round), {@link #compare} where the process asks
 * whether they changed.
 */
@Component("approvalTerms")
public class ApprovalTerms {

  /** Amounts read back as written ("6000.00", not 6000.0), for the managers' form. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final ProposalFacts facts;

  public ApprovalTerms(ProposalFacts facts) {
    this.facts = facts;
  }

  /**
   * The terms as they stand are cleared: they become the values a later change is compared with. The
   * managers' answer to an earlier change is emptied, so that a later revision form does not show it.
   */
  public void cleared(DelegateExecution execution) {
    execution.setVariable(APPROVED_TERMS, json(facts.terms(execution)));
    emptyAnswer(execution);
  }

  /**
   * Whether the terms differ from those cleared last ({@code approvalTermsChanged}) and, for the managers,
   * how: clause, field, old value → new value, in zh-CN ({@code approvalChanges}).
   */
  public void compare(DelegateExecution execution) {
    List<ClauseChanges.Change> changes = changes(approved(execution), facts.terms(execution));
    execution.setVariable(APPROVAL_TERMS_CHANGED, !changes.isEmpty());
    execution.setVariable(APPROVAL_CHANGES, changes.isEmpty() ? null : ClauseChanges.describe(changes));
    emptyAnswer(execution); // a new check: the managers' form starts empty
  }

  /** The changes to the approval's values, by the same comparison and labels as staff see between rounds. */
  static List<ClauseChanges.Change> changes(Map<String, Object> approved, Map<String, Object> now) {
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    for (String key : ProposalFacts.INPUTS) {
      before.put(key, approved.get(key));
      after.put(key, now.get(key));
    }
    return ClauseChanges.between(before, after);
  }

  /** The values cleared last; none (so that everything counts as changed) in a process that never recorded them. */
  private static Map<String, Object> approved(DelegateExecution execution) {
    if (!(execution.getVariable(APPROVED_TERMS) instanceof String json)) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("approvedTerms is not valid JSON", e);
    }
  }

  private static void emptyAnswer(DelegateExecution execution) {
    for (String answer : List.of(CHANGES_APPROVED, CHANGES_APPROVAL_COMMENT)) {
      if (execution.hasVariable(answer)) {
        execution.setVariable(answer, null);
      }
    }
  }

  private static String json(Map<String, Object> terms) {
    try {
      return JSON.writeValueAsString(terms);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
