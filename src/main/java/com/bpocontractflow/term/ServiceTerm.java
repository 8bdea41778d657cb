package com.bpocontractflow.term;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.bool;
import static com.bpocontractflow.validation.InputRules.choice;
import static com.bpocontractflow.validation.InputRules.pastDate;
import static com.bpocontractflow.validation.InputRules.text;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.deposit.DepositLedger;
import com.bpocontractflow.mail.MailNotice;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.settlement.ContractValue;
import com.bpocontractflow.settlement.Dingjin;
import com.bpocontractflow.settlement.FeeCalculator;
import com.bpocontractflow.settlement.FinalSettlement;
import com.bpocontractflow.settlement.Money;
import com.bpocontractflow.settlement.PurposeDefeatedBy;
import com.bpocontractflow.term.TermRecords.Notice;
import com.bpocontractflow.term.TermRecords.Term;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import com.bpocontractflow.team.Teams;
import com.bpocontractflow.term.ServiceTermProcess.Tasks;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code contract-term}: the term's dates from the signed clauses, renewal, the three ways a
 * term ends (trial exit, expiry, termination notice), the final statement and the fate of the merchant's
 * data. The contract's tables hold the facts; process variables hold the timer instants and what the
 * forms show.
 */
@Component("serviceTerm")
public class ServiceTerm {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceTerm.class);
  /** Tasklist sorts by priority; the engine's default is 50. */
  static final int ESCALATED_PRIORITY = 80;

  /** The variables of the {@code TerminationNoticeReceived} message. */
  public static final InputRules NOTICE = InputRules.of(
      choice(NOTICE_PARTY, "通知方（noticeParty）", Party.class),
      pastDate(NOTICE_RECEIVED_DATE, "通知送达日期（noticeReceivedDate）"),
      text(TERMINATION_REASON, "解约原因（terminationReason）").length(2, 2000),
      bool(TERMINATION_WITH_CAUSE, "是否因对方违约解约（terminationWithCause）").optional());

  private final ContractRepository contracts;
  private final ClauseSets clauseSets;
  private final DepositLedger ledger;
  private final TermRecords records;
  private final MerchantMailer mailer;
  private DecisionDeadlines deadlines = DecisionDeadlines.DEFAULT;

  private com.bpocontractflow.calendar.ChineseWorkdays workdays = com.bpocontractflow.calendar.ChineseWorkdays.shipped();

  public ServiceTerm(ContractRepository contracts, ClauseSets clauseSets, DepositLedger ledger, TermRecords records,
      MerchantMailer mailer) {
    this.contracts = contracts;
    this.clauseSets = clauseSets;
    this.ledger = ledger;
    this.records = records;
    this.mailer = mailer;
  }

  /** The working-day calendar of the application (bpo.calendar.dir included); the shipped one without Spring. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  public void setWorkdays(com.bpocontractflow.calendar.ChineseWorkdays workdays) {
    this.workdays = workdays;
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  public void setDeadlines(DecisionDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  /** Computes the term's dates from the signed clauses and the approved go-live date. */
  public void start(DelegateExecution execution) {
    long id = contractId(execution);
    Contract contract = contracts.get(id);
    Map<String, Object> clauses = clauses(id);
    LocalDate goLive = contract.goLiveDate();
    int trialDays = whole(clauses, "trialDays");
    LocalDate trialLastDay = trialDays > 0 ? goLive.plusDays(trialDays - 1L) : null;
    LocalDate termLastDay = goLive.plusMonths(whole(clauses, "termMonths")).minusDays(1);
    records.begin(id, goLive, trialLastDay, termLastDay);
    contracts.updateStatus(id, ContractStatus.LIVE);

    execution.setVariable(GO_LIVE_DATE, goLive.toString());
    execution.setVariable(HAS_TRIAL, trialLastDay != null);
    if (trialLastDay != null) {
      execution.setVariable(TRIAL_LAST_DAY, trialLastDay.toString());
      execution.setVariable(TRIAL_REVIEW_AT, TermDates.morningOf(trialLastDay));
      // decided by the end of the trial; without a decision the contract continues, as the contract says
      Date due = TermDates.endOf(trialLastDay);
      execution.setVariable(TRIAL_DECISION_DUE_AT, due);
      execution.setVariable(TRIAL_ESCALATION_AT, before(due, deadlines.trialEscalationBeforeDue(),
          TermDates.morningOf(trialLastDay)));
      execution.setVariable(TRIAL_EXIT_NOTICE_DAYS, whole(clauses, "trialExitNoticeDays"));
    }
    setTermEnd(execution, termLastDay, whole(clauses, "renewalWindowDays"));
  }

  /** The renewal window opened: the merchant is invited to talk about renewing. */
  public void renewalTalks(DelegateExecution execution) {
    long id = contractId(execution);
    Term term = records.get(id);
    Map<String, Object> clauses = clauses(id);
    mailer.sendNotice(MerchantMail.RENEWAL_TALKS, contracts.get(id), MailNotice.of(
            "贵司与我方的客服外包合同将于 " + TermDates.zh(term.termLastDay()) + " 到期。按合同约定，我们在到期前 "
                + whole(clauses, "renewalWindowDays") + " 天与贵司协商续签事宜。",
            "您的客户经理将在近日与您联系。如不再续签，合同将于到期日终止，届时我们将按合同进行最终结算，并返还或删除贵司的客户数据。")
        .row("合同到期日", TermDates.zh(term.termLastDay()))
        .row("其中服务水平赔偿免费延长", records.freeExtensionDays(id) > 0 ? records.freeExtensionDays(id) + " 天" : null)
        .row("已续签次数", term.renewals()),
        TermDates.zh(term.termLastDay()));
  }

  /** RENEW: the term runs on by the agreed months, with a new renewal window before its new end. */
  public void renew(DelegateExecution execution) {
    long id = contractId(execution);
    Term term = records.get(id);
    long months = InputRules.toWholeNumber(execution.getVariable(RENEWAL_MONTHS));
    LocalDate newLastDay = term.termLastDay().plusDays(1).plusMonths(months).minusDays(1);
    records.renewed(id, newLastDay);
    setTermEnd(execution, newLastDay, whole(clauses(id), "renewalWindowDays"));
    execution.removeVariable(RENEWAL_DECISION);
    mailer.sendNotice(MerchantMail.RENEWED, contracts.get(id), MailNotice.of(
            "感谢贵司继续信任。双方已协商一致续签客服外包合同，合同其他条款不变。")
        .row("续签期限", months + " 个月")
        .row("新的合同到期日", TermDates.zh(newLastDay)),
        TermDates.zh(newLastDay));
  }

  /** EXPIRE: the term ran out on its last day. */
  public void expired(DelegateExecution execution) {
    long id = contractId(execution);
    Term term = records.get(id);
    end(execution, id, EndReason.EXPIRED, term.termLastDay());
  }

  /** TERMINATE in review-trial: the service ends after the trial exit notice. */
  public void trialExit(DelegateExecution execution) {
    long id = contractId(execution);
    int noticeDays = whole(clauses(id), "trialExitNoticeDays");
    LocalDate lastDay = workdays.periodEnd(TermDates.today(), noticeDays); // Civil Code arts. 201, 203
    end(execution, id, EndReason.TRIAL_EXIT, lastDay);
    execution.setVariable(SERVICE_ENDS_AT, TermDates.endOf(lastDay));
    contracts.updateStatus(id, ContractStatus.TERMINATING);
    mailer.sendNotice(MerchantMail.TRIAL_EXIT, contracts.get(id), MailNotice.of(
            "试用期评估后，双方不再继续合作。按合同约定的试用期退出通知期（" + noticeDays + " 天），服务将持续到 "
                + TermDates.zh(lastDay) + "，之后我们将进行最终结算，并按合同返还或删除贵司的客户数据。",
            "试用期内退出不收取违约金。")
        .row("最后服务日", TermDates.zh(lastDay)),
        TermDates.zh(lastDay));
  }

  /**
   * A termination notice reached a party, given by either (the merchant, or the provider itself). It takes
   * effect on receipt: the last day of service is the day of receipt plus the contract's notice days
   * (calendar days), and never later than the term's end. A notice received during the trial follows the
   * trial-exit rule of 第五条 instead: the trial's exit notice days, no penalty for either party, and the term
   * ends as a trial exit. Refused, changing nothing, when its data is invalid, it is dated in the future or
   * before go-live.
   */
  public void noticeReceived(DelegateExecution execution) {
    long id = contractId(execution);
    Term term = records.get(id);
    Notice notice = notice(execution, id, term);
    boolean inTrial = duringTrial(notice.receivedDate(), term);
    records.recordNotice(id, notice, TermRecords.ACCEPTED);
    end(execution, id, inTrial ? EndReason.TRIAL_EXIT : EndReason.TERMINATED, notice.effectiveDate());
    execution.setVariable(SERVICE_ENDS_AT, TermDates.endOf(notice.effectiveDate()));
    contracts.updateStatus(id, ContractStatus.TERMINATING);
    BigDecimal penalty = earlyTerminationPenaltyApplies(notice, term, notice.party())
        ? penaltyAmount(id, notice.party()) : BigDecimal.ZERO;
    MailNotice mail = MailNotice.of(
            (notice.party() == Party.MERCHANT ? "我们已收到贵司的书面解约通知。" : "我方已向贵司发出书面解约通知。")
                + (inTrial ? "通知在试用期内送达，按合同约定，试用期内提前 " + trialExitNoticeDays(id)
                    + " 日书面通知即可解除合同，双方互不承担违约责任；通知自送达之日起生效，" : "按合同约定，解约通知自送达之日起生效，通知期 "
                    + noticeDays(id) + " 天（自然日，自送达日起算）；")
                + "通知期内服务照常进行。")
        .row("通知方", notice.party().label())
        .row("送达日期", TermDates.zh(notice.receivedDate()))
        .row("解约原因", notice.reason())
        .row("最后服务日", TermDates.zh(notice.effectiveDate()));
    if (penalty.signum() > 0 && notice.party() == Party.MERCHANT) {
      mail.row("提前解约违约金", MerchantMailer.yuan(penalty) + " 元（商家无故提前解约，按合同约定）");
    } else if (penalty.signum() > 0) {
      mail.row("我方提前解约违约金", MerchantMailer.yuan(penalty) + " 元（我方无故提前解约，按合同约定支付贵司，在最终结算中抵扣贵司应付款项，余额支付贵司）");
    }
    mail.closing("服务结束后，我们将发送最终结算单，并按合同约定返还或删除贵司的客户数据。");
    Contract contract = contracts.get(id);
    if (notice.party() == Party.MERCHANT) {
      mailer.sendNotice(MerchantMail.NOTICE_ACKNOWLEDGED, contract, mail, TermDates.zh(notice.effectiveDate()));
    } else {
      // the provider's own notice goes where the parties agreed notices are served: the notice e-mail of the
      // clauses (Civil Code art. 137: it takes effect when it enters that system; art. 565: the contract is
      // terminated when the notice reaches the other party)
      Object delivery = execution.getVariable(NOTICE_DELIVERY);
      if (delivery instanceof String name && !name.isBlank()) {
        mail.row("送达方式", NoticeDelivery.valueOf(name).label());
      }
      mailer.sendNoticeTo(MerchantMail.PROVIDER_NOTICE, contract, ClauseSets.noticeEmail(clauses(id), contract), mail, Map.of(),
          TermDates.zh(notice.effectiveDate()));
    }
  }

  /** A further notice while one runs: recorded and answered; the first notice's end date stands. */
  public void repeatNotice(DelegateExecution execution) {
    long id = contractId(execution);
    Term term = records.get(id);
    Notice notice = notice(execution, id, term);
    records.recordNotice(id, notice, TermRecords.REPEATED);
    LocalDate lastDay = term.lastServiceDay();
    LOG.warn("A further termination notice was recorded; the service still ends on {}", lastDay);
    mailer.sendNotice(MerchantMail.NOTICE_REPEATED, contracts.get(id), MailNotice.of(
            "我们于 " + TermDates.zh(notice.receivedDate()) + " 再次收到解约通知（通知方：" + notice.party().label()
                + "）。合同已在通知期内，此前的解约已生效，最后服务日不变。本次通知已登记备查。")
        .row("最后服务日", TermDates.zh(lastDay)),
        TermDates.zh(lastDay));
  }

  /** What finance sees when the final settlement is due: the end, the deposit, any penalty. */
  public void prepareSettlement(DelegateTask task) {
    long id = contractId(task);
    Term term = records.get(id);
    Contract contract = contracts.get(id);
    Map<String, Object> clauses = clauses(id);
    BigDecimal monthly = monthlyFee(clauses, contract);
    task.setVariable(LAST_SERVICE_DAY, term.lastServiceDay().toString());
    task.setVariable(END_REASON, EndReason.valueOf(term.endReason()).label());
    task.setVariable(MONTHLY_FEE, monthly == null ? "按量计费（" + billingModel(clauses, contract).label() + "）"
        : MerchantMailer.yuan(monthly));
    task.setVariable(DEPOSIT_HELD, MerchantMailer.yuan(ledger.totalPaid(id)));
    task.setVariable(DEPOSIT_HANDLING_LABEL, depositHandling(clauses, contract).label());
    DepositKind kind = DepositKind.of(clauses.get("depositKind"));
    // the code for the server-side rule of purposeDefeatedBy, the label for the form (which shows that field
    // only for a 定金); a contract recorded before the kind existed is settled as security
    task.setVariable(DEPOSIT_KIND, kind == null ? null : kind.name());
    task.setVariable(DEPOSIT_KIND_LABEL, kind == null ? "未区分定金或履约保证金（按退还或抵扣结算，不适用定金罚则）"
        : kind.label());
    task.setVariable(PENALTY_DUE, MerchantMailer.yuan(penalties(id, term).stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)));
    task.setVariable(PROVIDER_PENALTY_DUE, MerchantMailer.yuan(penaltyOwedBy(Party.PROVIDER, id, term)));
  }

  /**
   * Computes the final statement: fees from the day after the last invoiced day to the last day of
   * service (pro rata by calendar days for monthly fees; usage fees as finance reports them), unpaid
   * invoices, penalties, and the deposit by its kind ({@link FinalSettlement}): a 履约保证金 refunded or set
   * off; a 定金 — what was paid, up to 20 % of the contract's value — credited or returned, or forfeited or
   * returned double when finance records a breach that defeated the contract's purpose
   * ({@code purposeDefeatedBy}), and then only one of it and the early-termination penalty. Stored,
   * e-mailed to the merchant with the rule applied.
   */
  public void settle(DelegateExecution execution) {
    long id = contractId(execution);
    Term term = records.get(id);
    Contract contract = contracts.get(id);
    Map<String, Object> clauses = clauses(id);
    LocalDate invoicedThrough = InputRules.toDate(execution.getVariable(INVOICED_THROUGH));
    LocalDate feesFrom = invoicedThrough == null || invoicedThrough.isBefore(term.goLiveDate())
        ? term.goLiveDate() : invoicedThrough.plusDays(1);
    LocalDate feesTo = term.lastServiceDay();
    BigDecimal monthly = monthlyFee(clauses, contract);
    BigDecimal fees = monthly == null || feesFrom.isAfter(feesTo) ? Money.ZERO
        : FeeCalculator.proRata(monthly, feesFrom, feesTo);
    fees = fees.add(Money.yuan(amount(execution.getVariable(USAGE_FEES))));
    BigDecimal penalty = penalties(id, term).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    DepositHandling handling = depositHandling(clauses, contract);
    DepositKind kind = DepositKind.of(clauses.get("depositKind"));
    FinalSettlement statement = FinalSettlement.of(new FinalSettlement.Inputs(fees,
        amount(execution.getVariable(UNPAID_INVOICES)), penalty, kind, depositAgreed(clauses, contract),
        ledger.totalPaid(id), kind == DepositKind.DINGJIN ? dingjinCap(clauses, contract) : null, handling,
        PurposeDefeatedBy.of(execution.getVariable(PURPOSE_DEFEATED_BY)).party(),
        penaltyOwedBy(Party.PROVIDER, id, term)));
    records.recordSettlement(id, feesFrom.isAfter(feesTo) ? null : feesFrom, feesTo, statement, currentUser(execution));
    contracts.updateStatus(id, ContractStatus.ENDED);

    execution.setVariable(MERCHANT_PAYS, MerchantMailer.yuan(statement.merchantPays()));
    execution.setVariable(PROVIDER_REFUNDS, MerchantMailer.yuan(statement.providerRefunds()));
    LocalDate dataDue = term.lastServiceDay().plusDays(whole(clauses, "dataReturnDays"));
    execution.setVariable(DATA_DUE_DATE, TermDates.endOf(dataDue));
    execution.setVariable(LAST_SERVICE_DAY, term.lastServiceDay().toString());

    MailNotice mail = MailNotice.of("贵司的客服外包服务已于 " + TermDates.zh(term.lastServiceDay()) + " 结束（"
            + EndReason.valueOf(term.endReason()).label() + "）。以下是按合同计算的最终结算单（人民币元，四舍五入到分）。")
        .row("服务费计费期间", feesFrom.isAfter(feesTo) ? "已全部开票" : TermDates.zh(feesFrom) + " 至 " + TermDates.zh(feesTo))
        .row("未开票服务费", MerchantMailer.yuan(statement.fees()))
        .row("未付发票", MerchantMailer.yuan(statement.unpaidInvoices()))
        .row("违约金", MerchantMailer.yuan(statement.penalties()))
        .total("应付合计", MerchantMailer.yuan(statement.amountOwed()));
    if (statement.providerPenalty().signum() > 0) {
      mail.row("我方应付违约金", MerchantMailer.yuan(statement.providerPenalty()))
          .row("我方违约金处理依据", statement.providerPenaltyNote());
    }
    mail.row("已付" + statement.depositName(), MerchantMailer.yuan(statement.deposit()) + "（" + handling.label() + "）");
    if (statement.depositForfeited().signum() > 0) {
      mail.row("定金不予返还", MerchantMailer.yuan(statement.depositForfeited()));
    }
    if (statement.depositReturnedDouble().signum() > 0) {
      mail.row("双倍返还定金", MerchantMailer.yuan(statement.depositReturnedDouble()));
    }
    mail.row(statement.depositName() + "抵扣", MerchantMailer.yuan(statement.depositSetOff()))
        .row(statement.depositName() + "处理依据", String.join("", statement.depositNotes()))
        .total("贵司应付", MerchantMailer.yuan(statement.merchantPays()))
        .total("我方退还", MerchantMailer.yuan(statement.providerRefunds()))
        .closing("按合同约定，我们将在 " + TermDates.zh(dataDue) + " 前按贵司的选择返还或删除贵司的客户数据，完成后另行通知。");
    Object note = execution.getVariable(SETTLEMENT_NOTE);
    if (note instanceof String text && !text.isBlank()) {
      mail.closing("说明：" + text.trim());
    }
    mailer.sendNotice(MerchantMail.FINAL_STATEMENT, contract, mail);
  }

  // ------------------------------------------------------------------------------------------------

  private Notice notice(DelegateExecution execution, long id, Term term) {
    Map<String, Object> values = execution.getVariables();
    List<String> problems = new ArrayList<>(NOTICE.problems(values));
    LocalDate received = InputRules.toDate(values.get(NOTICE_RECEIVED_DATE));
    if (problems.isEmpty() && received.isBefore(term.goLiveDate())) {
      problems.add("「通知送达日期（noticeReceivedDate）」" + received + " 早于上线日期 " + term.goLiveDate()
          + "：服务尚未开始，不能按服务期解约，请与客户经理协商取消合同");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    // calendar days from the day after receipt (art. 201), a last day on a rest day moving past it (art. 203)
    LocalDate effective = workdays.periodEnd(received,
        duringTrial(received, term) ? trialExitNoticeDays(id) : noticeDays(id));
    if (effective.isAfter(term.termLastDay())) {
      effective = term.termLastDay(); // the contract ends at its term anyway
    }
    return new Notice(Party.valueOf((String) values.get(NOTICE_PARTY)), received, effective,
        ((String) values.get(TERMINATION_REASON)).trim(), Boolean.TRUE.equals(values.get(TERMINATION_WITH_CAUSE)));
  }

  /**
   * That party ended the contract without cause before its term, after the trial: its own early-termination
   * penalty applies (the merchant's {@code earlyTerminationPenalty}, the provider's
   * {@code providerEarlyTerminationPenalty}). A notice received during the trial owes none (第五条).
   */
  static boolean earlyTerminationPenaltyApplies(Notice notice, Term term, Party party) {
    return notice.party() == party && !notice.withCause()
        && notice.effectiveDate().isBefore(term.termLastDay()) && !duringTrial(notice.receivedDate(), term);
  }

  /** True when the day is within the trial (a contract without trial has none). */
  static boolean duringTrial(LocalDate day, Term term) {
    return term.trialLastDay() != null && !day.isAfter(term.trialLastDay());
  }

  /** The merchant's penalties for how the term ended. */
  private List<BigDecimal> penalties(long id, Term term) {
    BigDecimal penalty = penaltyOwedBy(Party.MERCHANT, id, term);
    return penalty.signum() > 0 ? List.of(penalty) : List.of();
  }

  /** The early-termination penalty the party owes for how the term ended, zero when none. */
  private BigDecimal penaltyOwedBy(Party party, long id, Term term) {
    if (!EndReason.TERMINATED.name().equals(term.endReason())) {
      return Money.ZERO;
    }
    return records.acceptedNotice(id)
        .filter(notice -> earlyTerminationPenaltyApplies(notice, term, party))
        .map(notice -> penaltyAmount(id, party))
        .orElse(Money.ZERO);
  }

  /** The party's early-termination penalty the signed clauses state (none in clauses signed before it existed). */
  private BigDecimal penaltyAmount(long id, Party party) {
    return Money.yuan(amount(clauses(id).get(party == Party.MERCHANT ? "earlyTerminationPenalty"
        : "providerEarlyTerminationPenalty")));
  }

  private int trialExitNoticeDays(long id) {
    return whole(clauses(id), "trialExitNoticeDays");
  }

  private int noticeDays(long id) {
    return whole(clauses(id), "terminationNoticeDays");
  }

  private void end(DelegateExecution execution, long id, EndReason reason, LocalDate lastDay) {
    records.ending(id, reason, lastDay);
    execution.setVariable(LAST_SERVICE_DAY, lastDay.toString());
    execution.setVariable(END_REASON, reason.label());
  }

  private void setTermEnd(DelegateExecution execution, LocalDate termLastDay, int renewalWindowDays) {
    execution.setVariables(termEnd(termLastDay, renewalWindowDays));
  }

  /** The term's end and the instants of the timers that depend on it. */
  private Map<String, Object> termEnd(LocalDate termLastDay, int renewalWindowDays) {
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put(TERM_LAST_DAY, termLastDay.toString());
    v.put(TERM_ENDS_AT, TermDates.endOf(termLastDay));
    Date talks = TermDates.morningOf(termLastDay.plusDays(1).minusDays(renewalWindowDays));
    v.put(RENEWAL_TALKS_AT, talks);
    // decided by the term's last day; without a decision the contract expires at the term's end
    Date due = TermDates.morningOf(termLastDay);
    v.put(RENEWAL_DECISION_DUE_AT, due);
    v.put(RENEWAL_ESCALATION_AT, before(due, deadlines.renewalEscalationBeforeDue(), talks));
    return v;
  }

  /** The timers of contract-term that fall due at an instant derived from the term's end, by that variable. */
  static final Map<String, String> TERM_END_TIMERS = Map.of(
      "TimerEvent_RenewalWindow", RENEWAL_TALKS_AT,
      "BoundaryEvent_RenewalEscalationDue", RENEWAL_ESCALATION_AT,
      "BoundaryEvent_RenewalDecisionDue", RENEWAL_DECISION_DUE_AT,
      "TimerEvent_TermEnds", TERM_ENDS_AT);

  /**
   * Free-extension days an approved SLA remedy awards (the contract's 第四条: 免费延长的服务天数计入合同期限): the
   * term's last day moves on by them, recorded on the contract, and the contract-term instance's end-date
   * timers (renewal talks, the renewal decision's escalation and due date, the term's end) and the
   * renewal task's due date move with it. A term already ending (notice, trial exit, expiry) keeps its
   * last day of service: nothing moves, and null is returned; else the new last day.
   */
  public LocalDate extendTerm(org.camunda.bpm.engine.ProcessEngineServices engine, long contractId, int days) {
    Term term = records.get(contractId);
    if (days <= 0 || term.endReason() != null) {
      return null;
    }
    LocalDate lastDay = term.termLastDay().plusDays(days);
    records.extended(contractId, lastDay, days);
    org.camunda.bpm.engine.RuntimeService runtime = engine.getRuntimeService();
    org.camunda.bpm.engine.runtime.ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ServiceTermProcess.KEY).processInstanceBusinessKey(contracts.get(contractId).contractNumber())
        .active().singleResult();
    if (instance == null) {
      return lastDay;
    }
    Map<String, Object> timers = termEnd(lastDay, whole(clauses(contractId), "renewalWindowDays"));
    runtime.setVariables(instance.getId(), timers);
    runtime.setVariable(instance.getId(), FREE_EXTENSION_DAYS_TOTAL, records.freeExtensionDays(contractId));
    org.camunda.bpm.engine.ManagementService management = engine.getManagementService();
    TERM_END_TIMERS.forEach((activityId, variable) -> management.createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).list()
        .forEach(job -> management.setJobDuedate(job.getId(), (Date) timers.get(variable))));
    TaskService tasks = engine.getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Tasks.NEGOTIATE_RENEWAL).list()) {
      task.setDueDate((Date) timers.get(RENEWAL_DECISION_DUE_AT));
      tasks.saveTask(task);
    }
    LOG.info("Term of contract {} extended by {} free days to {}", contractId, days, lastDay);
    return lastDay;
  }

  /** {@code lead} before {@code due}, but not before {@code earliest} (when the task is created). */
  static Date before(Date due, java.time.Duration lead, Date earliest) {
    Date at = Date.from(due.toInstant().minus(lead));
    return at.before(earliest) ? earliest : at;
  }

  /**
   * A decision's escalation time passed: its task is offered to managers too, with a higher priority and a
   * comment saying why, so that a manager can decide it before the contract's default applies.
   */
  public void escalateDecision(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(Tasks.REVIEW_TRIAL, Tasks.NEGOTIATE_RENEWAL).list()) {
      tasks.addCandidateGroup(task.getId(), Teams.MANAGERS.groupId());
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
      tasks.createComment(task.getId(), execution.getProcessInstanceId(), "即将到期仍未处理，已升级给经理：到期日前未决定的，"
          + (Tasks.REVIEW_TRIAL.equals(task.getTaskDefinitionKey()) ? "按合同默认继续履行" : "合同按约定到期终止"));
    }
  }

  /** Nobody reviewed the trial by its end: the contract continues, as it says. */
  public void trialContinuesByDefault(DelegateExecution execution) {
    execution.setVariable(TRIAL_OUTCOME, TrialOutcome.CONTINUE.name());
    LOG.warn("The trial of {} was not reviewed by its end: it continues by default", execution.getProcessBusinessKey());
  }

  /** Nobody decided about renewing by the term's last day: the contract expires at the term's end. */
  public void renewalExpiresByDefault(DelegateExecution execution) {
    execution.setVariable(RENEWAL_DECISION, RenewalDecision.EXPIRE.name());
    LOG.warn("No renewal decision for {} by the term's last day: it expires by default", execution.getProcessBusinessKey());
  }

  private Map<String, Object> clauses(long id) {
    return clauseSets.latest(id).orElseThrow(() -> new IllegalStateException("Contract " + id + " has no clauses"));
  }

  private static DepositHandling depositHandling(Map<String, Object> clauses, Contract contract) {
    Object value = clauses.getOrDefault("depositHandling", contract.depositHandling());
    return value == null ? DepositHandling.REFUND : DepositHandling.valueOf(value.toString());
  }

  /** The deposit the signed clauses state. */
  private static BigDecimal depositAgreed(Map<String, Object> clauses, Contract contract) {
    BigDecimal agreed = InputRules.toDecimal(clauses.get("depositAmount"));
    return agreed != null ? agreed : contract.depositAmount();
  }

  /** 20 % of the contract's value; null when the value cannot be computed (then nothing paid is cut). */
  private static BigDecimal dingjinCap(Map<String, Object> clauses, Contract contract) {
    BigDecimal value = ContractValue.of(clauses, contract);
    return value == null ? null : Dingjin.cap(value);
  }

  /** The monthly fee the signed clauses set; null for billing by volume. */
  private static BigDecimal monthlyFee(Map<String, Object> clauses, Contract contract) {
    return FeeCalculator.monthlyFee(billingModel(clauses, contract), unitPrice(clauses, contract), contract.seats());
  }

  private static BillingModel billingModel(Map<String, Object> clauses, Contract contract) {
    return BillingModel.valueOf((String) clauses.getOrDefault("billingModel", contract.billingModel()));
  }

  private static BigDecimal unitPrice(Map<String, Object> clauses, Contract contract) {
    BigDecimal price = InputRules.toDecimal(clauses.get("unitPrice"));
    return price != null ? price : contract.unitPrice();
  }

  private static BigDecimal amount(Object value) {
    BigDecimal amount = InputRules.toDecimal(value);
    return amount == null ? BigDecimal.ZERO : amount;
  }

  private static int whole(Map<String, Object> clauses, String key) {
    Long value = InputRules.toWholeNumber(clauses.get(key));
    if (value == null) {
      throw new IllegalStateException("The signed clauses have no " + key);
    }
    return value.intValue();
  }

  private long contractId(VariableScope scope) {
    String businessKey = scope instanceof DelegateTask task ? task.getExecution().getProcessBusinessKey()
        : ((DelegateExecution) scope).getProcessBusinessKey();
    return contracts.ofProcess(scope.getVariable(CONTRACT_ID), businessKey).id();
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
