package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.amount;
import static com.bpocontractflow.validation.InputRules.text;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.deposit.DepositLedger;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InputRules.Rule;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records a deposit payment, reported either by finance in {@code confirm-deposit} or by the payment
 * system's {@code DepositReceived} message, and decides whether the deposit is paid in full. A short
 * payment is recorded, the merchant is told what is still due, and the wait goes on. A payment reported
 * again under the same reference is neither counted nor announced twice.
 */
@Component("depositPayment")
public class DepositPaymentDelegate implements JavaDelegate {

  static final InputRules PAYMENT = InputRules.of(
      amount(DEPOSIT_RECEIVED_AMOUNT, "到账金额（元）", new BigDecimal("0.01"), SigningInputRules.MAX_AMOUNT),
      paymentReference());

  /**
   * The payment reference, as finance types it or the payment system sends it: a bank or payment
   * platform's serial number, so letters, digits and - _ / . only (no markup, no spaces inside).
   */
  static Rule paymentReference() {
    return text(PAYMENT_REFERENCE, "付款流水号").length(3, 100)
        .matches("^\\s*[A-Za-z0-9_./-]{3,100}\\s*$", "只能包含字母、数字和 - _ / .（3 到 100 位）");
  }

  private final ContractRepository contracts;
  private final DepositLedger ledger;
  private final MerchantMailer mailer;

  public DepositPaymentDelegate(ContractRepository contracts, DepositLedger ledger, MerchantMailer mailer) {
    this.contracts = contracts;
    this.ledger = ledger;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PAYMENT.check(execution.getVariables());
    long contractId = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey()).id();
    BigDecimal amount = InputRules.toDecimal(execution.getVariable(DEPOSIT_RECEIVED_AMOUNT));
    String reference = ((String) execution.getVariable(PAYMENT_REFERENCE)).trim();
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();

    boolean newPayment = ledger.record(contractId, amount, reference, user == null ? null : user.getUserId());
    Contract contract = contracts.get(contractId);
    BigDecimal paid = ledger.totalPaid(contractId);
    BigDecimal due = contract.depositAmount() == null ? BigDecimal.ZERO : contract.depositAmount();
    boolean paidInFull = paid.compareTo(due) >= 0;

    execution.setVariable(DEPOSIT_PAID_TOTAL, paid.setScale(2).toPlainString());
    execution.setVariable(DEPOSIT_PAID_IN_FULL, paidInFull);
    // the next report starts from empty fields
    execution.removeVariable(DEPOSIT_RECEIVED_AMOUNT);
    execution.removeVariable(PAYMENT_REFERENCE);

    if (paidInFull) {
      contracts.updateStatus(contractId, ContractStatus.DEPOSIT_PAID);
    } else if (newPayment) {
      String outstanding = MerchantMailer.yuan(due.subtract(paid));
      Map<String, Object> model = new java.util.HashMap<>(DepositDue.asFixed(execution));
      model.put("depositPaidTotal", MerchantMailer.yuan(paid));
      model.put("depositOutstanding", outstanding);
      mailer.send(MerchantMail.DEPOSIT_SHORT, contract, model, mailer.depositLabel(contract), outstanding);
    }
  }
}
