package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the approval checks: gives the DMN table {@code proposal-approval} its inputs as local
 * variables of the check — the quoted unit price and term, the configured price floor for the billing
 * model, the deposit in months of fees (0 when waived; unknown for volume-based billing), and the
 * service levels promised (first-response minutes, satisfaction target %). It reads them from the terms as
 * they stand: the proposal's variables, or once legal has drafted the contract, its latest recorded version
 * (the clause variables leave the process when a draft or revision is recorded).
 */
@Component("proposalFacts")
public class ProposalFacts implements ExecutionListener {

  /**
   * The values the facts are computed from: what an approval of the proposal is given for. Legal changing
   * any of them in the draft runs the table again ({@link ApprovalTerms}).
   */
  public static final List<String> INPUTS = List.of(BILLING_MODEL, UNIT_PRICE, SEATS, DEPOSIT_AMOUNT, TERM_MONTHS,
      FIRST_RESPONSE_MINUTES, SATISFACTION_TARGET);

  private final PricingProperties pricing;
  private final SigningRecorder recorder;

  public ProposalFacts(PricingProperties pricing, SigningRecorder recorder) {
    this.pricing = pricing;
    this.recorder = recorder;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> terms = terms(execution);
    BillingModel model = BillingModel.valueOf((String) terms.get(BILLING_MODEL));
    BigDecimal unitPrice = InputRules.toDecimal(terms.get(UNIT_PRICE));
    BigDecimal deposit = InputRules.toDecimal(terms.get(DEPOSIT_AMOUNT));
    long seats = InputRules.toWholeNumber(terms.get(SEATS));
    execution.setVariableLocal("quoteUnitPrice", unitPrice.doubleValue());
    execution.setVariableLocal("quoteTermMonths", InputRules.toWholeNumber(terms.get(TERM_MONTHS)).intValue());
    execution.setVariableLocal("priceFloor", pricing.floorFor(model).doubleValue());
    execution.setVariableLocal("depositMonths", depositMonths(model, unitPrice, seats, deposit));
    Long firstResponse = InputRules.toWholeNumber(terms.get(FIRST_RESPONSE_MINUTES));
    BigDecimal satisfaction = InputRules.toDecimal(terms.get(SATISFACTION_TARGET));
    execution.setVariableLocal("slaFirstResponseMinutes", firstResponse == null ? null : firstResponse.intValue());
    execution.setVariableLocal("slaSatisfactionTarget", satisfaction == null ? null : satisfaction.doubleValue());
  }

  /**
   * The {@link #INPUTS} as they stand now: from the latest recorded draft or revision of the contract where it
   * has them, else from the process (the proposal; the seats of the request).
   */
  public Map<String, Object> terms(DelegateExecution execution) {
    Object contractId = execution.getVariable(CONTRACT_ID);
    Map<String, Object> recorded = contractId == null ? Map.of()
        : recorder.latestClauses(recorder.contractId(contractId, execution.getProcessBusinessKey()));
    Map<String, Object> terms = new LinkedHashMap<>();
    for (String key : INPUTS) {
      terms.put(key, recorded.containsKey(key) ? recorded.get(key) : execution.getVariable(key));
    }
    return terms;
  }

  /** The deposit as a number of months of fees; null when the monthly fee depends on volume. */
  static Double depositMonths(BillingModel model, BigDecimal unitPrice, long seats, BigDecimal deposit) {
    if (deposit.signum() == 0) {
      return 0.0;
    }
    BigDecimal monthlyFee = switch (model) {
      case PER_SEAT -> unitPrice.multiply(BigDecimal.valueOf(seats));
      case FIXED_MONTHLY -> unitPrice;
      case FIXED_YEARLY -> unitPrice.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
      case PER_INQUIRY, PER_ORDER -> null;
    };
    return monthlyFee == null || monthlyFee.signum() == 0 ? null
        : deposit.divide(monthlyFee, MathContext.DECIMAL64).doubleValue();
  }
}
