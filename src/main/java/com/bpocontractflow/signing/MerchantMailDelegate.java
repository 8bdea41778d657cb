package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.MAIL_TEMPLATE;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.AnswerLinks;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the merchant the e-mail named by the service task's {@code mailTemplate} input, through the
 * outbox, in the step's transaction. An e-mail that expects an answer carries a fresh answer link.
 */
@Component("merchantMail")
public class MerchantMailDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(MerchantMailDelegate.class);

  private final ContractRepository contracts;
  private final MerchantMailer mailer;
  private final AnswerLinks answerLinks;
  private final SigningSchedule schedule;

  public MerchantMailDelegate(ContractRepository contracts, MerchantMailer mailer, AnswerLinks answerLinks,
      SigningSchedule schedule) {
    this.contracts = contracts;
    this.mailer = mailer;
    this.answerLinks = answerLinks;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MerchantMail mail = MerchantMail.valueOf((String) execution.getVariable(MAIL_TEMPLATE));
    Contract contract = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey());
    Object[] subjectArguments = switch (mail) {
      case PROPOSAL -> new Object[] {contract.proposalRound()};
      case CONTRACT_FOR_REVIEW -> new Object[] {contract.reviewRound()};
      case SIGNING_INSTRUCTIONS -> new Object[] {
          com.bpocontractflow.contract.SigningMethod.valueOf(contract.signingMethod()).label()};
      case CONTRACT_COURIERED -> new Object[] {contract.trackingNumber()};
      case DEPOSIT_REQUEST -> new Object[] {mailer.depositLabel(contract)};
      default -> new Object[0];
    };
    Map<String, Object> link = AnswerLinks.stepOf(mail, contract)
        .map(step -> answerLinks.model(contract.id(), execution.getProcessInstanceId(), step,
            ((Number) execution.getVariable(step.roundVariable())).intValue(), linkExpiry(step, execution)))
        .orElse(Map.of());
    Map<String, Object> extra = new java.util.HashMap<>(link);
    if (mail == MerchantMail.PROPOSAL) { // the service-level promises of the proposal
      extra.put(ContractSigningProcess.Vars.FIRST_RESPONSE_MINUTES,
          execution.getVariable(ContractSigningProcess.Vars.FIRST_RESPONSE_MINUTES));
      extra.put(ContractSigningProcess.Vars.SATISFACTION_TARGET,
          execution.getVariable(ContractSigningProcess.Vars.SATISFACTION_TARGET));
      // the itemised quote as stored when the proposal was sent (ProposalQuotes): the page shows the same
      extra.putAll(ProposalQuotes.model(execution.getVariable(ContractSigningProcess.Vars.QUOTE)));
    }
    if (mail == MerchantMail.DEPOSIT_REQUEST && contract.depositAmount() != null
        && contract.depositAmount().signum() > 0) { // the due date, fixed now: the reminders repeat it
      extra.putAll(DepositDue.requestedToday(execution, schedule.properties()));
    }
    String messageId = mailer.send(mail, contract, extra, subjectArguments);
    LOG.info("E-mail {} to the merchant queued as {}", mail, messageId);
  }

  /** A proposal's answer link is valid as long as its quote (null: the configured validity). */
  static java.time.OffsetDateTime linkExpiry(com.bpocontractflow.merchant.MerchantStep step, DelegateExecution execution) {
    return step == com.bpocontractflow.merchant.MerchantStep.PROPOSAL_ANSWER
        ? ProposalQuotes.storedExpiry(execution.getVariable(ContractSigningProcess.Vars.QUOTE_EXPIRES_AT)) : null;
  }
}
