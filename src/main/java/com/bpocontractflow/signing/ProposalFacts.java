package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.math.MathContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the approval check: gives the DMN table {@code proposal-approval} its inputs as local
 * variables of the check — the quoted unit price and term, the configured price floor for the billing
 * model, the deposit in months of fees (0 when waived; unknown for volume-based billing), and the
 * service levels promised (first-response minutes, satisfaction target %).
 */
@Component("proposalFacts")
public class ProposalFacts implements ExecutionListener {

  private final PricingProperties pricing;

  public ProposalFacts(PricingProperties pricing) {
    this.pricing = pricing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BillingModel model = BillingModel.valueOf((String) execution.getVariable(BILLING_MODEL));
    BigDecimal unitPrice = InputRules.toDecimal(execution.getVariable(UNIT_PRICE));
    BigDecimal deposit = InputRules.toDecimal(execution.getVariable(DEPOSIT_AMOUNT));
    long seats = InputRules.toWholeNumber(execution.getVariable(SEATS));
    execution.setVariableLocal("quoteUnitPrice", unitPrice.doubleValue());
    execution.setVariableLocal("quoteTermMonths", InputRules.toWholeNumber(execution.getVariable(TERM_MONTHS)).intValue());
    execution.setVariableLocal("priceFloor", pricing.floorFor(model).doubleValue());
    execution.setVariableLocal("depositMonths", depositMonths(model, unitPrice, seats, deposit));
    Long firstResponse = InputRules.toWholeNumber(execution.getVariable(FIRST_RESPONSE_MINUTES));
    BigDecimal satisfaction = InputRules.toDecimal(execution.getVariable(SATISFACTION_TARGET));
    execution.setVariableLocal("slaFirstResponseMinutes", firstResponse == null ? null : firstResponse.intValue());
    execution.setVariableLocal("slaSatisfactionTarget", satisfaction == null ? null : satisfaction.doubleValue());
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
