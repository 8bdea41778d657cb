package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractNumbers;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.PeakPeriod;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code contract-signing}: validates the merchant's request, registers the contract
 * and makes its number the business key. Invalid input throws, so nothing is started.
 */
@Component("contractRegistration")
public class ContractRegistration implements ExecutionListener {

  private final ContractRepository contracts;

  public ContractRegistration(ContractRepository contracts) {
    this.contracts = contracts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> values = execution.getVariables();
    SigningInputRules.forStep(SigningInputRules.START_FORM).check(values);

    String requested = execution.getProcessBusinessKey();
    if (requested != null && !requested.isBlank()) {
      if (!ContractNumbers.isValid(requested)) {
        throw new InvalidInputException("「合同编号」" + ContractNumbers.DESCRIPTION);
      }
      if (contracts.numberExists(requested)) {
        throw new InvalidInputException("合同编号 " + requested + " 已存在");
      }
    } else {
      requested = null;
    }

    Contract contract = contracts.register(new NewContract(
        requested,
        trimmed(values.get(MERCHANT_NAME)),
        trimmed(values.get(MERCHANT_EMAIL)).toLowerCase(),
        trimmed(values.get(CONTACT_PERSON)),
        trimmed(values.get(CONTACT_PHONE)),
        ShopPlatform.valueOf((String) values.get(SHOP_PLATFORM)),
        InputRules.toWholeNumber(values.get(SEATS)).intValue(),
        trimmed(values.get(SERVICE_NEEDS))));
    contracts.update(contract.id(), Map.of("process_instance_id", execution.getProcessInstanceId()));

    execution.setProcessBusinessKey(contract.contractNumber());
    execution.setVariable(CONTRACT_ID, contract.id());
    execution.setVariable(CONTRACT_NUMBER, contract.contractNumber());
    execution.setVariable(MERCHANT_EMAIL, contract.merchantEmail());
    execution.setVariable(SEATS, contract.seats());
    execution.setVariable(PROPOSAL_ROUND, 0);
    // the proposal is drafted from the merchant's needs: draft-proposal starts from what was asked for
    execution.setVariable(SERVICE_HOURS, values.get(REQUESTED_SERVICE_HOURS));
    execution.setVariable(HOLIDAY_COVERAGE, Boolean.TRUE.equals(values.get(HOLIDAY_COVER_WANTED)));
    for (PeakPeriod peak : PeakPeriod.values()) {
      Long seats = InputRules.toWholeNumber(values.get(peak.variable()));
      execution.setVariable(peak.variable(), seats == null ? 0L : seats);
    }
    execution.setVariable(REVIEW_ROUND, 0);
  }

  private static String trimmed(Object value) {
    return value instanceof String s && !InputRules.isBlank(s) ? s.trim() : null;
  }
}
