package com.bpocontractflow.document;

import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.contract.EnumLabels;
import com.bpocontractflow.contract.SettlementCycle;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.settlement.ContractValue;
import com.bpocontractflow.settlement.FeeCalculator;
import com.bpocontractflow.sla.SlaDecisions;
import com.bpocontractflow.sla.SlaRemedyClause;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The contract document the merchant signs electronically, rendered from {@code templates/documents/contract.html}
 * and identified by the SHA-256 of its bytes: the same contract content always gives the same hash, any change
 * gives another.
 */
@Component
public class ContractDocument {

  private final ITemplateEngine templates;
  private final MerchantMailer mailer;
  private final ClauseSets clauseSets;
  private final ProviderParty provider;
  private final SlaDecisions slaDecisions;

  public ContractDocument(ITemplateEngine templates, MerchantMailer mailer, ClauseSets clauseSets,
      ProviderParty provider, SlaDecisions slaDecisions) {
    this.templates = templates;
    this.mailer = mailer;
    this.clauseSets = clauseSets;
    this.provider = provider;
    this.slaDecisions = slaDecisions;
  }

  /**
   * The contract as it stands. Its remedies for missed service levels (第四条) are worded from the latest
   * version of {@code sla-compensation}, whose id comes back with the text: stored with the document, it
   * is the version the contract's SLA reviews evaluate once signed.
   */
  public Rendered render(Contract contract) {
    Map<String, Object> clauses = clauseSets.latest(contract.id()).orElse(Map.of());
    SlaDecisions.Pinned sla = slaDecisions.current();
    Map<String, Object> model = model(mailer.model(contract), contract, clauses, provider);
    model.put("slaRemedy", SlaRemedyClause.of(sla.table(), clauses).text());
    BigDecimal onTime = InputRules.toDecimal(clauses.get("slaOnTimeTargetPercent"));
    model.put("slaOnTimeTarget", onTime == null ? null : onTime.stripTrailingZeros().toPlainString());
    String html = templates.process("documents/contract", new Context(Locale.SIMPLIFIED_CHINESE, model));
    return new Rendered(html, Sha256.hex(html), contract.reviewRound(), sla.decisionDefinitionId());
  }

  /**
   * What the contract text needs beyond the mail model: both parties, every amount with its unit, and
   * which optional sentences apply — a remedy or penalty of zero is left out rather than written as
   * "违约金 0 元", and the holiday cover is said once, from {@code holidayCoverage}.
   */
  static Map<String, Object> model(Map<String, Object> model, Contract contract, Map<String, Object> clauses,
      ProviderParty provider) {
    model.put("c", clauses);
    model.put("provider", provider);
    model.put("settlementCycle", EnumLabels.label(clauses.get("settlementCycle"), SettlementCycle::valueOf, SettlementCycle::label));
    model.put("disputeForum", EnumLabels.label(clauses.get("disputeForum"), DisputeForum::valueOf, DisputeForum::label));
    model.put("arbitration", DisputeForum.ARBITRATION.name().equals(clauses.get("disputeForum")));
    BillingModel billing = contract.billingModel() == null ? null : BillingModel.valueOf(contract.billingModel());
    model.put("unitPriceUnit", billing == null ? "元" : switch (billing) {
      case PER_SEAT -> "元/座席/月";
      case PER_INQUIRY -> "元/次咨询";
      case PER_ORDER -> "元/单";
      case FIXED_MONTHLY -> "元/月";
      case FIXED_YEARLY -> "元/年";
    });
    if (billing == BillingModel.PER_SEAT && contract.unitPrice() != null) {
      model.put("monthlyTotal", MerchantMailer.yuan(FeeCalculator.monthlyFee(billing, contract.unitPrice(), contract.seats())));
    }
    deposit(model, contract, clauses, billing);
    List<String> duties = new java.util.ArrayList<>();
    for (String[] duty : new String[][] {{"dutyPreSales", "售前咨询"}, {"dutyOrderCheck", "订单核对"},
        {"dutyAfterSales", "售后跟进"}, {"dutyRefund", "退款协商"}}) {
      if (Boolean.TRUE.equals(clauses.get(duty[0]))) {
        duties.add(duty[1]);
      }
    }
    model.put("duties", String.join("、", duties));
    // the hours' labels say nothing about holidays: holidayCoverage alone says it, once
    model.put("holidayPhrase", Boolean.TRUE.equals(clauses.get("holidayCoverage")) ? "法定节假日照常值守" : "法定节假日不值守");
    for (String amount : List.of("slaPenalty", "earlyTerminationPenalty", "providerEarlyTerminationPenalty")) {
      BigDecimal value = InputRules.toDecimal(clauses.get(amount));
      model.put(amount, value != null && value.signum() > 0 ? MerchantMailer.yuan(value) : null);
    }
    return model;
  }

  /**
   * The deposit item of 第二条, worded for its kind: a 定金 (Civil Code arts. 586-588) with the contract's
   * value its 20 % cap is taken on, or a 履约保证金 (security, no 定金罚则). A contract recorded before the
   * kind existed keeps the sentence it was published with.
   */
  private static void deposit(Map<String, Object> model, Contract contract, Map<String, Object> clauses,
      BillingModel billing) {
    DepositKind kind = DepositKind.of(clauses.get("depositKind"));
    model.put("depositKind", kind == null ? null : kind.name());
    model.put("depositSetOff", DepositHandling.SET_OFF.name().equals(contract.depositHandling()));
    BigDecimal value = kind == DepositKind.DINGJIN ? ContractValue.of(clauses, contract) : null;
    model.put("contractValue", value == null ? null : MerchantMailer.yuan(value));
    Long volume = InputRules.toWholeNumber(clauses.get("estimatedMonthlyVolume"));
    boolean byVolume = billing == BillingModel.PER_INQUIRY || billing == BillingModel.PER_ORDER;
    model.put("volumeEstimate", value == null || !byVolume || volume == null ? null
        : volume + (billing == BillingModel.PER_INQUIRY ? " 次咨询" : " 单"));
  }

  /**
   * The document's HTML, its SHA-256 (hex), its version (the clause-review round) and the decision
   * definition id of the {@code sla-compensation} version its remedy clause states.
   */
  public record Rendered(String html, String sha256, int version, String slaDecisionId) {
  }
}
