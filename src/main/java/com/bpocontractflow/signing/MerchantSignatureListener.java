package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.SIGNER_NAME;
import static com.bpocontractflow.validation.InputRules.text;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.validation.Clocks;
import com.bpocontractflow.validation.InputRules;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the wait for the merchant's e-signature: the {@code MerchantSigned} message must name
 * the signer; the signature is recorded on the contract. A message without a signer is refused and the
 * wait goes on.
 */
@Component("merchantSignature")
public class MerchantSignatureListener implements ExecutionListener {

  static final InputRules SIGNATURE = InputRules.of(text(SIGNER_NAME, "签署人姓名").length(1, 50));

  private final ContractRepository contracts;

  public MerchantSignatureListener(ContractRepository contracts) {
    this.contracts = contracts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    SIGNATURE.check(execution.getVariables());
    Map<String, Object> columns = new HashMap<>();
    columns.put("merchant_signer_name", ((String) execution.getVariable(SIGNER_NAME)).trim());
    columns.put("merchant_signed_at", OffsetDateTime.now(Clocks.ZONE));
    contracts.update(((Number) execution.getVariable(CONTRACT_ID)).longValue(), columns);
  }
}
