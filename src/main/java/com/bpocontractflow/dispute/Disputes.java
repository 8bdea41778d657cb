package com.bpocontractflow.dispute;

import static com.bpocontractflow.dispute.DisputeResolutionProcess.Vars.*;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.mail.MailNotice;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.term.ContractBinding;
import com.bpocontractflow.term.ServiceInputRules;
import com.bpocontractflow.term.TermDates;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code dispute-resolution}: negotiation first, within the contract's negotiation days and
 * through its channel; then the contract's single forum, the arbitration commission or the court it names.
 * The merchant is told at every step.
 */
@Component("disputes")
public class Disputes {

  private final ContractRepository contracts;
  private final ClauseSets clauseSets;
  private final DisputeRecords records;
  private final MerchantMailer mailer;

  public Disputes(ContractRepository contracts, ClauseSets clauseSets, DisputeRecords records, MerchantMailer mailer) {
    this.contracts = contracts;
    this.clauseSets = clauseSets;
    this.records = records;
    this.mailer = mailer;
  }

  /** Checks the report (a refusal starts nothing) and binds the dispute to the contract's dispute clause. */
  public void open(DelegateExecution execution) {
    Map<String, Object> values = execution.getVariables();
    ServiceInputRules.forStep(DisputeResolutionProcess.START_FORM).check(values);
    Contract contract = ContractBinding.bind(execution, contracts);
    String number = contract.contractNumber();
    Map<String, Object> clauses = clauseSets.latest(contract.id()).orElseThrow(() ->
        new InvalidInputException(List.of("合同 " + number + " 尚未订立纠纷解决条款，不能按合同处理纠纷")));
    int days = InputRules.toWholeNumber(clauses.get("negotiationDays")).intValue();
    LocalDate until = TermDates.today().plusDays(days);
    DisputeForum forum = DisputeForum.valueOf((String) clauses.get("disputeForum"));
    String venue = (String) clauses.get("forumVenue");

    execution.setVariable(NEGOTIATION_DAYS, days);
    execution.setVariable(NEGOTIATION_CHANNEL, clauses.get("negotiationChannel"));
    execution.setVariable(NEGOTIATE_UNTIL, until.toString());
    execution.setVariable(NEGOTIATE_UNTIL_AT, TermDates.endOf(until));
    execution.setVariable(DISPUTE_FORUM, forum.label());
    execution.setVariable(FORUM_VENUE, venue);
    execution.setVariable(FORUM_ACTION, forumAction(forum, venue));
    long id = records.open(contract.id(), execution.getProcessInstanceId(), (String) values.get(RAISED_BY),
        ((String) values.get(DISPUTE_DESCRIPTION)).trim(), until, forum.name(), venue);
    execution.setVariable(DISPUTE_ID, id);
  }

  public void announce(DelegateExecution execution) {
    Map<String, Object> v = execution.getVariables();
    Party raisedBy = Party.valueOf((String) v.get(RAISED_BY));
    String until = TermDates.zh(LocalDate.parse((String) v.get(NEGOTIATE_UNTIL)));
    mailer.sendNotice(MerchantMail.DISPUTE_OPENED, contract(execution), MailNotice.of(
            (raisedBy == Party.MERCHANT ? "我们已收到贵司提出的争议。" : "我方就以下事项提出争议。")
                + "按合同的纠纷解决条款，双方先行协商；协商期限届满仍未解决的，提交合同约定的争议解决机构。")
        .row("争议事项", v.get(DISPUTE_DESCRIPTION))
        .row("提出方", raisedBy.label())
        .row("协商渠道", v.get(NEGOTIATION_CHANNEL))
        .row("协商期限", v.get(NEGOTIATION_DAYS) + " 天，至 " + until)
        .row("协商不成时", v.get(FORUM_ACTION)),
        until);
  }

  public void settled(DelegateExecution execution) {
    String terms = ((String) execution.getVariable(SETTLEMENT_TERMS)).trim();
    records.settled(disputeId(execution), terms);
    mailer.sendNotice(MerchantMail.DISPUTE_SETTLED, contract(execution), MailNotice.of(
            "双方已就以下争议协商一致，争议就此解决。")
        .row("争议事项", execution.getVariable(DISPUTE_DESCRIPTION))
        .row("和解内容", terms));
  }

  /** Negotiation failed or ran out of time: the dispute goes to the contract's single forum. */
  public void escalate(DelegateExecution execution) {
    boolean expired = !DisputeOutcome.ESCALATED.name().equals(execution.getVariable(DISPUTE_OUTCOME));
    DisputeOutcome outcome = expired ? DisputeOutcome.NEGOTIATION_EXPIRED : DisputeOutcome.ESCALATED;
    execution.setVariable(DISPUTE_OUTCOME, outcome.name());
    records.escalated(disputeId(execution), outcome);
    String venue = (String) execution.getVariable(FORUM_VENUE);
    mailer.sendNotice(MerchantMail.DISPUTE_ESCALATED, contract(execution), MailNotice.of(
            (expired ? "协商期限已届满，" : "经协商，") + "双方未能就以下争议达成一致。按合同的纠纷解决条款，该争议将"
                + execution.getVariable(FORUM_ACTION) + "。")
        .row("争议事项", execution.getVariable(DISPUTE_DESCRIPTION))
        .row("争议解决机构", venue)
        .closing("提交后我们将告知受理信息。在此期间，双方仍可随时协商和解。"),
        venue);
  }

  public void filed(DelegateExecution execution) {
    LocalDate filedOn = InputRules.toDate(execution.getVariable(FILED_ON));
    String reference = ((String) execution.getVariable(CASE_REFERENCE)).trim();
    records.filed(disputeId(execution), filedOn, reference);
    String venue = (String) execution.getVariable(FORUM_VENUE);
    mailer.sendNotice(MerchantMail.DISPUTE_FILED, contract(execution), MailNotice.of(
            "以下争议已提交合同约定的争议解决机构。")
        .row("争议事项", execution.getVariable(DISPUTE_DESCRIPTION))
        .row("争议解决机构", venue)
        .row("提交日期", TermDates.zh(filedOn))
        .row("案号或受理编号", reference),
        venue);
  }

  static String forumAction(DisputeForum forum, String venue) {
    return forum == DisputeForum.ARBITRATION ? "提交" + venue + "仲裁" : "向" + venue + "提起诉讼";
  }

  private Contract contract(DelegateExecution execution) {
    return contracts.ofProcess(execution.getVariable(ContractSigningProcess.Vars.CONTRACT_ID), execution.getProcessBusinessKey());
  }

  private static long disputeId(DelegateExecution execution) {
    return ((Number) execution.getVariable(DISPUTE_ID)).longValue();
  }
}
