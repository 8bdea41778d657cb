package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WITHDRAWAL_REASON;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WITHDRAWN_BY;
import static com.bpocontractflow.validation.InputRules.choice;
import static com.bpocontractflow.validation.InputRules.text;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.MailNotice;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code SigningWithdrawn}: the merchant withdraws, or the provider cancels, before the contract is formed.
 * Until both parties have signed or sealed, whatever one party signed is an offer that may be revoked
 * before it is accepted (Civil Code arts. 475-477); once the contract is formed (art. 490: the last
 * signature or seal) it can only be ended as the contract says (termination notice). The interrupting
 * event sub-process has already ended every open task and reminder of the instance; a refusal here rolls
 * that back with the rest of the transaction, so nothing changes.
 */
@Component("signingWithdrawal")
public class SigningWithdrawal implements JavaDelegate {

  /** Who withdraws. */
  public enum Party {
    MERCHANT, PROVIDER
  }

  static final InputRules WITHDRAWAL = InputRules.of(
      choice(WITHDRAWN_BY, "撤回方（withdrawnBy）", Party.class),
      text(WITHDRAWAL_REASON, "撤回原因（withdrawalReason）").length(2, 500));

  private final ContractRepository contracts;
  private final MerchantMailer mailer;

  public SigningWithdrawal(ContractRepository contracts, MerchantMailer mailer) {
    this.contracts = contracts;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WITHDRAWAL.check(execution.getVariables());
    Contract contract = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey());
    Party party = Party.valueOf((String) execution.getVariable(WITHDRAWN_BY));
    // the offer rules (Civil Code arts. 475-477, 490), the same for the link, Tasklist and the integration
    // the event sub-process has just ended the wait for the merchant's answer, in this transaction: the
    // history as stored still shows whether the signing was waiting for it
    boolean quoteAwaitsAnswer = execution.getProcessEngineServices().getHistoryService()
        .createHistoricActivityInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(ContractSigningProcess.Tasks.CONFIRM_PROPOSAL).unfinished().count() > 0;
    SigningOffers.refusal(contract, party, execution.getVariable(SigningOffers.QUOTE_VALID_UNTIL), quoteAwaitsAnswer,
            Clocks.today())
        .ifPresent(refusal -> {
          throw new InvalidInputException(refusal);
        });
    String reason = ((String) execution.getVariable(WITHDRAWAL_REASON)).trim();
    contracts.update(contract.id(), Map.of("withdrawn_by", party.name(), "withdrawal_reason", reason,
        "withdrawn_at", OffsetDateTime.now(Clocks.ZONE)));
    contracts.updateStatus(contract.id(), party == Party.MERCHANT ? ContractStatus.WITHDRAWN : ContractStatus.CANCELLED);
    if (party == Party.MERCHANT) {
      mailer.sendNotice(MerchantMail.SIGNING_WITHDRAWN, contracts.get(contract.id()), MailNotice.of(
              "我们已收到并确认贵司撤回本次客服外包签约。合同未成立，双方均不受其约束；相关待办事项和提醒已全部停止。")
          .row("撤回原因", reason)
          .closing("如日后仍有客服外包需求，欢迎随时与我们联系。"));
    } else {
      mailer.sendNotice(MerchantMail.SIGNING_CANCELLED, contracts.get(contract.id()), MailNotice.of(
              "很抱歉通知贵司：我方已取消本次客服外包签约。合同未成立，双方均不受其约束；相关待办事项和提醒已全部停止。")
          .row("取消原因", reason)
          .closing("给贵司带来不便，敬请谅解。如有疑问，请联系您的客户经理。"));
    }
  }

  /**
   * Asks the contract's process to withdraw or cancel (message {@code SigningWithdrawn} with
   * {@code withdrawnBy} and {@code withdrawalReason}), as the application acting for {@code actor}: the
   * integration endpoint and an escalation's 取消合同 both come here; {@link #execute} checks and records.
   */
  public static void request(ApplicationActions actions, RuntimeService runtime, String actor,
      String processInstanceId, Map<String, Object> variables) {
    actions.run(actor, () -> runtime.createMessageCorrelation(ContractSigningProcess.Messages.SIGNING_WITHDRAWN)
        .processInstanceId(processInstanceId).setVariables(variables).correlateWithResult());
  }
}
