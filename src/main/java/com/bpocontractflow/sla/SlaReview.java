package com.bpocontractflow.sla;

import static com.bpocontractflow.sla.SlaReviewProcess.Vars.*;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MailNotice;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.settlement.FeeCalculator;
import com.bpocontractflow.settlement.LatePayment;
import com.bpocontractflow.settlement.Money;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.term.ContractBinding;
import com.bpocontractflow.term.ServiceInputRules;
import com.bpocontractflow.term.ServiceTerm;
import com.bpocontractflow.term.TermDates;
import com.bpocontractflow.term.TermRecords;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.sla.SlaReviews.Figures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code sla-review}: a period's figures against the contract's targets (four KPIs: first
 * replies, resolution, satisfaction, bad reviews), the remedy the {@code sla-compensation} table decides
 * with the contract's amounts, and the statement to the merchant, including the merchant's own late-payment
 * penalty under the contract's daily rate.
 */
@Component("slaReview")
public class SlaReview {

  private final ContractRepository contracts;
  private final ClauseSets clauseSets;
  private final TermRecords terms;
  private final SlaReviews reviews;
  private final MerchantMailer mailer;
  private final SlaProperties properties;
  private final SlaDecisions decisions;

  public SlaReview(ContractRepository contracts, ClauseSets clauseSets, TermRecords terms, SlaReviews reviews,
      MerchantMailer mailer, SlaProperties properties, SlaDecisions decisions) {
    this.contracts = contracts;
    this.clauseSets = clauseSets;
    this.terms = terms;
    this.reviews = reviews;
    this.mailer = mailer;
    this.properties = properties;
    this.decisions = decisions;
  }

  /** The KPIs a period missed, with the shortfall of each in percentage points. */
  record Assessment(List<String> missed, BigDecimal worstShortfall) {
  }

  private ServiceTerm serviceTerm;

  /** The term's steps: free-extension days an approved remedy awards extend the term (and its timers). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  public void setServiceTerm(ServiceTerm serviceTerm) {
    this.serviceTerm = serviceTerm;
  }

  /**
   * Checks the reported figures (a refusal starts nothing), binds the review to the contract (business
   * key = contract number), assesses the figures against the contract's targets and names the version of
   * {@code sla-compensation} the contract was signed with, which the decision task then evaluates.
   */
  public void start(DelegateExecution execution) {
    Map<String, Object> values = execution.getVariables();
    ServiceInputRules.forStep(SlaReviewProcess.START_FORM).check(values);
    Contract contract = ContractBinding.bind(execution, contracts);
    String number = contract.contractNumber();
    TermRecords.Term term = terms.find(contract.id()).orElseThrow(() ->
        new InvalidInputException(List.of("合同 " + number + " 尚未进入服务期，不能评估服务水平")));
    Figures figures = figures(values);
    if (figures.periodStart().isBefore(term.goLiveDate())) {
      throw new InvalidInputException(List.of("「评估期开始日期」不能早于上线日期 " + term.goLiveDate()));
    }
    if (reviews.exists(contract.id(), figures.periodStart(), figures.periodEnd())) {
      throw new InvalidInputException(List.of("合同 " + number + " 的 " + figures.periodStart() + " 至 "
          + figures.periodEnd() + " 期间已评估过，不能重复评估"));
    }
    Map<String, Object> clauses = clauseSets.latest(contract.id()).orElseThrow();
    Assessment assessment = assess(figures, clauses, onTimeTarget(clauses));
    SlaReviews.SignedDocument signed = reviews.signedDocument(contract.id()).orElse(null);
    SlaDecisions.Pinned decision = signed == null ? decisions.current()
        : decisions.forDocument(signed.slaDecisionId(), signed.createdAt());
    execution.setVariable(SLA_DECISION_VERSION, decision.version());
    if (signed != null && signed.slaDecisionId() != null) {
      // the document states this version's rows: the approval and the statement cite the item applied
      execution.setVariable(SLA_DECISION_ID, decision.decisionDefinitionId());
    }

    execution.setVariable(MISSED_KPIS, assessment.missed().size());
    execution.setVariable(WORST_SHORTFALL, assessment.worstShortfall().doubleValue());
    execution.setVariable(MISSED_KPI_SUMMARY, assessment.missed().isEmpty() ? "全部达标"
        : String.join("；", assessment.missed()));
    long id = reviews.record(contract.id(), execution.getProcessInstanceId(), figures, assessment.missed().size(),
        String.join("；", assessment.missed()), decision.decisionDefinitionId());
    execution.setVariable(SLA_REVIEW_ID, id);
    if (!Boolean.TRUE.equals(values.get(SlaPeriods.ENTERED_IN_TASK))) {
      // figures from the customer-service system or staff's start form: the period they cover asks nothing more
      SlaPeriods.submitted(execution.getProcessEngineServices().getRuntimeService(), number, figures.periodStart(),
          figures.periodEnd());
    }
  }

  /**
   * Proposes the remedy the decision chose, with the amounts the contract's breach clause sets, and the
   * item of the contract that states it.
   */
  public void propose(DelegateExecution execution) {
    SlaRemedy remedy = SlaRemedy.valueOf((String) execution.getVariable(SLA_REMEDY));
    Map<String, Object> clauses = clauseSets.latest(contractId(execution)).orElseThrow();
    SlaRemedyClause.Amounts amounts = SlaRemedyClause.Amounts.of(remedy, clauses);
    String percent = amounts.feeReductionPercent().toPlainString();
    long days = amounts.freeExtensionDays();
    String penalty = amounts.penalty().toPlainString();
    execution.setVariable(REMEDY_LABEL, remedy.label());
    execution.setVariable(REMEDY_CLAUSE, clauseItem(execution, clauses).map(SlaRemedyClause.Item::citation).orElse(null));
    execution.setVariable(FEE_REDUCTION_PERCENT, percent);
    execution.setVariable(FREE_EXTENSION_DAYS, days);
    execution.setVariable(PENALTY_AMOUNT, penalty);
    execution.setVariable(PROPOSED_FEE_REDUCTION_PERCENT, percent);
    execution.setVariable(PROPOSED_FREE_EXTENSION_DAYS, days);
    execution.setVariable(PROPOSED_PENALTY_AMOUNT, penalty);
  }

  /** Computes the amounts, records the review and sends the merchant the statement. */
  public void settle(DelegateExecution execution) {
    long contractId = contractId(execution);
    Contract contract = contracts.get(contractId);
    Map<String, Object> clauses = clauseSets.latest(contractId).orElseThrow();
    Map<String, Object> values = execution.getVariables();
    Figures figures = figures(values);
    BigDecimal percent = decimal(values.get(FEE_REDUCTION_PERCENT));
    BigDecimal reduction = FeeCalculator.percentOf(figures.periodFees(), percent);
    int days = (int) (long) wholeOrZero(values.get(FREE_EXTENSION_DAYS));
    BigDecimal penalty = Money.yuan(decimal(values.get(PENALTY_AMOUNT)));
    BigDecimal overdue = decimal(values.get(OVERDUE_AMOUNT));
    long overdueDays = wholeOrZero(values.get(OVERDUE_DAYS));
    String latePaymentRule = (String) clauses.get("latePaymentRule");
    BigDecimal latePenalty = LatePayment.dailyPercent(latePaymentRule)
        .map(rate -> LatePayment.penalty(overdue, rate, overdueDays)).orElse(Money.ZERO);
    Object reason = values.get(ADJUSTMENT_REASON);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    reviews.settle(((Number) values.get(SLA_REVIEW_ID)).longValue(), new SlaReviews.Remedy(percent, reduction, days,
        penalty, latePenalty, reason instanceof String s && !s.isBlank() ? s.trim() : null,
        user == null ? null : user.getUserId()));
    // 第四条: free-extension days are added to the term; its end and its end-date timers move on by them
    java.time.LocalDate extendedTo = days > 0 && serviceTerm != null
        ? serviceTerm.extendTerm(execution.getProcessEngineServices(), contractId, days) : null;

    SlaRemedy remedy = SlaRemedy.valueOf((String) values.get(SLA_REMEDY));
    String onTimeTarget = onTimeTarget(clauses).stripTrailingZeros().toPlainString();
    Long complaintCeiling = InputRules.toWholeNumber(clauses.get(ContractSigningProcess.Vars.MONTHLY_COMPLAINT_CEILING));
    MailNotice mail = MailNotice.of("以下是贵司客服外包服务 " + TermDates.zh(figures.periodStart()) + " 至 "
            + TermDates.zh(figures.periodEnd()) + " 的服务水平评估结果（对照合同约定的服务标准）。")
        .row("首次响应及时率", figures.firstReplyOnTimePercent().toPlainString() + "%（合同：" + clauses.get("firstResponseMinutes")
            + " 分钟内首次响应，及时率不低于 " + onTimeTarget + "%）")
        .row("平均首次响应时间", figures.averageFirstReplySeconds() + " 秒")
        .row("问题按时解决率", figures.resolvedOnTimePercent().toPlainString() + "%（合同：" + clauses.get("resolutionMinutes")
            + " 分钟内解决，不低于 " + onTimeTarget + "%）")
        .row("客户满意度", figures.satisfactionPercent().toPlainString() + "%（合同：不低于 " + clauses.get("satisfactionTarget") + "%）")
        .row("差评率", figures.badReviewPercent().toPlainString() + "%（合同：不高于 " + clauses.get("badReviewCeiling") + "%）")
        .row("投诉数", figures.complaints() + (complaintCeiling == null ? ""
            : "（合同：每月不超过 " + complaintCeiling + " 件，本期上限 " + complaintCeiling * complaintMonths(figures) + " 件）"))
        .row("未达标指标", values.get(MISSED_KPI_SUMMARY))
        .row("赔偿方式", remedy == SlaRemedy.NONE ? remedy.label() : null)
        .row("合同依据", remedy == SlaRemedy.NONE ? null
            : clauseItem(execution, clauses).map(SlaRemedyClause.Item::citation).orElse(null));
    if (remedy != SlaRemedy.NONE) {
      mail.row("本期服务费", MerchantMailer.yuan(figures.periodFees()))
          // as the contract states a remedy: what is zero is left out
          .row("减免服务费", reduction.signum() > 0
              ? MerchantMailer.yuan(reduction) + " 元（" + percent.stripTrailingZeros().toPlainString() + "%）" : null)
          .row("免费延长服务", days > 0 ? days + " 天" : null)
          .row("延长后的合同到期日", extendedTo != null ? TermDates.zh(extendedTo) : null)
          .row("违约金", penalty.signum() > 0 ? MerchantMailer.yuan(penalty) + " 元" : null)
          .row("调整说明", reason instanceof String s && !s.isBlank() ? s.trim() : null);
    }
    if (latePenalty.signum() > 0) {
      mail.row("贵司逾期付款", MerchantMailer.yuan(overdue) + " 元，逾期 " + overdueDays + " 天")
          .row("逾期付款违约金", MerchantMailer.yuan(latePenalty) + " 元（合同：" + latePaymentRule + "）");
    }
    mail.closing(remedy == SlaRemedy.NONE ? "感谢贵司的支持，我们将继续保持服务水平。"
        : "减免金额和违约金将在下一期账单中结算；免费延长的服务天数计入合同期限。我们已制定改进措施，将由客户经理与您沟通。");
    mailer.sendNotice(MerchantMail.SLA_STATEMENT, contract, mail, TermDates.zh(figures.periodStart()),
        TermDates.zh(figures.periodEnd()));
  }

  /**
   * The share of first replies and of issues that must meet the contract's times: the contract's
   * {@code slaOnTimeTargetPercent}; a contract recorded before the field existed keeps the server's
   * setting ({@code bpo.sla.on-time-target-percent}), which its text did not state.
   */
  BigDecimal onTimeTarget(Map<String, Object> clauses) {
    BigDecimal target = InputRules.toDecimal(clauses.get(ContractSigningProcess.Vars.SLA_ON_TIME_TARGET_PERCENT));
    return target != null ? target : properties.onTimeTargetPercent();
  }

  /**
   * The item of the contract's remedy clause that states the row the decision took, worded from the same
   * version of the table; the row is found again from the decision's inputs, and a row whose remedy is not
   * the decision's would mean the clause misreads the table: that fails the step (an incident) rather than
   * proposing or stating something the contract does not say. A contract whose document was written
   * before its rows were stated (no {@code slaDecisionId}) has no item to cite.
   */
  private Optional<SlaRemedyClause.Item> clauseItem(DelegateExecution execution, Map<String, Object> clauses) {
    if (!(execution.getVariable(SLA_DECISION_ID) instanceof String decisionId)) {
      return Optional.empty();
    }
    SlaDecisions.Pinned decision = decisions.byId(decisionId);
    int missed = ((Number) execution.getVariable(MISSED_KPIS)).intValue();
    BigDecimal shortfall = BigDecimal.valueOf(((Number) execution.getVariable(WORST_SHORTFALL)).doubleValue());
    SlaRemedy decided = SlaRemedy.valueOf((String) execution.getVariable(SLA_REMEDY));
    SlaRemedyTable.Row row = decision.table().firstMatch(missed, shortfall).orElseThrow(() ->
        new IllegalStateException(SlaDecisions.KEY + " " + decision.decisionDefinitionId() + ": no row for " + missed
            + " missed, shortfall " + shortfall));
    if (row.remedy() != decided) {
      throw new IllegalStateException(SlaDecisions.KEY + " " + decision.decisionDefinitionId() + ": row "
          + row.ruleId() + " reads as " + row.remedy() + ", the decision gave " + decided);
    }
    return SlaRemedyClause.of(decision.table(), clauses).itemFor(row);
  }

  /** The four KPIs against the contract's targets. */
  static Assessment assess(Figures f, Map<String, Object> clauses, BigDecimal onTimeTarget) {
    List<String> missed = new ArrayList<>();
    BigDecimal worst = BigDecimal.ZERO;
    long firstReplyMinutes = InputRules.toWholeNumber(clauses.get("firstResponseMinutes"));
    BigDecimal firstReplyGap = onTimeTarget.subtract(f.firstReplyOnTimePercent());
    if (firstReplyGap.signum() > 0 || f.averageFirstReplySeconds() > firstReplyMinutes * 60) {
      missed.add("首次响应（及时率 " + f.firstReplyOnTimePercent().toPlainString() + "%，平均 " + f.averageFirstReplySeconds()
          + " 秒）");
      worst = worst.max(firstReplyGap);
    }
    BigDecimal resolutionGap = onTimeTarget.subtract(f.resolvedOnTimePercent());
    if (resolutionGap.signum() > 0) {
      missed.add("问题解决（按时解决率 " + f.resolvedOnTimePercent().toPlainString() + "%）");
      worst = worst.max(resolutionGap);
    }
    BigDecimal satisfactionGap = decimal(clauses.get("satisfactionTarget")).subtract(f.satisfactionPercent());
    if (satisfactionGap.signum() > 0) {
      missed.add("客户满意度（" + f.satisfactionPercent().toPlainString() + "%）");
      worst = worst.max(satisfactionGap);
    }
    BigDecimal badReviewExcess = f.badReviewPercent().subtract(decimal(clauses.get("badReviewCeiling")));
    if (badReviewExcess.signum() > 0) {
      missed.add("差评率（" + f.badReviewPercent().toPlainString() + "%）");
      worst = worst.max(badReviewExcess);
    }
    // the contract's optional monthly complaint ceiling (第四条): above it, complaints count as one more missed KPI
    // (no shortfall in percentage points); a period across several calendar months allows the ceiling for each
    Long ceiling = InputRules.toWholeNumber(clauses.get(ContractSigningProcess.Vars.MONTHLY_COMPLAINT_CEILING));
    if (ceiling != null) {
      long allowed = ceiling * complaintMonths(f);
      if (f.complaints() > allowed) {
        missed.add("投诉数（" + f.complaints() + " 件，上限 " + allowed + " 件）");
      }
    }
    return new Assessment(missed, worst);
  }

  /** The calendar months a period touches (a month from go-live or up to the term's end counts whole). */
  static long complaintMonths(Figures f) {
    return java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(f.periodStart()),
        java.time.YearMonth.from(f.periodEnd())) + 1;
  }

  static Figures figures(Map<String, Object> v) {
    return new Figures(InputRules.toDate(v.get(PERIOD_START)), InputRules.toDate(v.get(PERIOD_END)),
        decimal(v.get(FIRST_REPLY_ON_TIME)), (int) (long) wholeOrZero(v.get(AVERAGE_FIRST_REPLY_SECONDS)),
        decimal(v.get(RESOLVED_ON_TIME)), decimal(v.get(SATISFACTION)), decimal(v.get(BAD_REVIEW_RATE)),
        (int) (long) wholeOrZero(v.get(COMPLAINTS)), Money.yuan(decimal(v.get(PERIOD_FEES))));
  }

  private static BigDecimal decimal(Object value) {
    BigDecimal d = InputRules.toDecimal(value);
    return d == null ? BigDecimal.ZERO : d;
  }

  private static long wholeOrZero(Object value) {
    Long n = InputRules.toWholeNumber(value);
    return n == null ? 0 : n;
  }

  private long contractId(DelegateExecution execution) {
    return contracts.ofProcess(execution.getVariable(ContractSigningProcess.Vars.CONTRACT_ID),
        execution.getProcessBusinessKey()).id();
  }
}
