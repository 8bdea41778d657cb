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
import com.bpocontractflow.term.TermDates;
import com.bpocontractflow.term.TermRecords;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.sla.SlaReviews.Figures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  public SlaReview(ContractRepository contracts, ClauseSets clauseSets, TermRecords terms, SlaReviews reviews,
      MerchantMailer mailer, SlaProperties properties) {
    this.contracts = contracts;
    this.clauseSets = clauseSets;
    this.terms = terms;
    this.reviews = reviews;
    this.mailer = mailer;
    this.properties = properties;
  }

  /** The KPIs a period missed, with the shortfall of each in percentage points. */
  record Assessment(List<String> missed, BigDecimal worstShortfall) {
  }

  /**
   * Checks the reported figures (a refusal starts nothing), binds the review to the contract (business
   * key = contract number) and assesses the figures against the contract's targets.
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
    Assessment assessment = assess(figures, clauses, properties.onTimeTargetPercent());

    execution.setVariable(MISSED_KPIS, assessment.missed().size());
    execution.setVariable(WORST_SHORTFALL, assessment.worstShortfall().doubleValue());
    execution.setVariable(MISSED_KPI_SUMMARY, assessment.missed().isEmpty() ? "全部达标"
        : String.join("；", assessment.missed()));
    long id = reviews.record(contract.id(), execution.getProcessInstanceId(), figures, assessment.missed().size(),
        String.join("；", assessment.missed()));
    execution.setVariable(SLA_REVIEW_ID, id);
  }

  /** Proposes the remedy the decision chose, with the amounts the contract's breach clause sets. */
  public void propose(DelegateExecution execution) {
    SlaRemedy remedy = SlaRemedy.valueOf((String) execution.getVariable(SLA_REMEDY));
    Map<String, Object> clauses = clauseSets.latest(contractId(execution)).orElseThrow();
    String percent = remedy.feeReduction() ? decimal(clauses.get("slaFeeReductionPercent")).toPlainString() : "0";
    long days = remedy.freeExtension() ? InputRules.toWholeNumber(clauses.get("slaFreeExtensionDays")) : 0;
    String penalty = remedy.penalty() ? Money.yuan(decimal(clauses.get("slaPenalty"))).toPlainString() : "0.00";
    execution.setVariable(REMEDY_LABEL, remedy.label());
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

    SlaRemedy remedy = SlaRemedy.valueOf((String) values.get(SLA_REMEDY));
    MailNotice mail = MailNotice.of("以下是贵司客服外包服务 " + TermDates.zh(figures.periodStart()) + " 至 "
            + TermDates.zh(figures.periodEnd()) + " 的服务水平评估结果（对照合同约定的服务标准）。")
        .row("首次响应及时率", figures.firstReplyOnTimePercent().toPlainString() + "%（合同：" + clauses.get("firstResponseMinutes")
            + " 分钟内首次响应，及时率不低于 " + properties.onTimeTargetPercent().toPlainString() + "%）")
        .row("平均首次响应时间", figures.averageFirstReplySeconds() + " 秒")
        .row("问题按时解决率", figures.resolvedOnTimePercent().toPlainString() + "%（合同：" + clauses.get("resolutionMinutes")
            + " 分钟内解决，不低于 " + properties.onTimeTargetPercent().toPlainString() + "%）")
        .row("客户满意度", figures.satisfactionPercent().toPlainString() + "%（合同：不低于 " + clauses.get("satisfactionTarget") + "%）")
        .row("差评率", figures.badReviewPercent().toPlainString() + "%（合同：不高于 " + clauses.get("badReviewCeiling") + "%）")
        .row("投诉数", figures.complaints())
        .row("未达标指标", values.get(MISSED_KPI_SUMMARY))
        .row("赔偿方式", remedy == SlaRemedy.NONE ? remedy.label() : null);
    if (remedy != SlaRemedy.NONE) {
      mail.row("本期服务费", MerchantMailer.yuan(figures.periodFees()))
          .row("减免服务费", MerchantMailer.yuan(reduction) + " 元（" + percent.stripTrailingZeros().toPlainString() + "%）")
          .row("免费延长服务", days + " 天")
          .row("违约金", MerchantMailer.yuan(penalty) + " 元")
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
    return new Assessment(missed, worst);
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
