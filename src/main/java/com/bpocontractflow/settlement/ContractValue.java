package com.bpocontractflow.settlement;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The value (合同标的额) of a recorded contract, on which its 定金 cap is taken, from the clauses of a
 * version ({@code contract_clause_set}) and, for what a clause set lacks, the contract row.
 */
public final class ContractValue {

  private ContractValue() {
  }

  /** The contract's value (see {@link FeeCalculator#contractValue}); null when it cannot be computed. */
  public static BigDecimal of(Map<String, Object> clauses, Contract contract) {
    Object model = clauses.get("billingModel") != null ? clauses.get("billingModel") : contract.billingModel();
    BigDecimal price = InputRules.toDecimal(clauses.get("unitPrice"));
    Long term = InputRules.toWholeNumber(clauses.get("termMonths"));
    Long seats = InputRules.toWholeNumber(clauses.get("seats"));
    price = price != null ? price : contract.unitPrice();
    term = term != null ? term : contract.termMonths() == null ? null : contract.termMonths().longValue();
    int seatCount = seats != null ? seats.intValue() : contract.seats();
    if (!(model instanceof String name) || price == null || term == null) {
      return null;
    }
    return FeeCalculator.contractValue(BillingModel.valueOf(name), price, seatCount, term.intValue(),
        InputRules.toWholeNumber(clauses.get("estimatedMonthlyVolume")));
  }
}
