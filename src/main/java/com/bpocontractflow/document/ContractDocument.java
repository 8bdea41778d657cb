package com.bpocontractflow.document;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.contract.SettlementCycle;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.Sha256;
import com.bpocontractflow.settlement.ContractValue;
import com.bpocontractflow.settlement.FeeCalculator;
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

  public ContractDocument(ITemplateEngine templates, MerchantMailer mailer, ClauseSets clauseSets,
      ProviderParty provider) {
    this.templates = templates;
    this.mailer = mailer;
    this.clauseSets = clauseSets;
    this.provider = provider;
  }

  public Rendered render(Contract contract) {
    Map<String, Object> clauses = clauseSets.latest(contract.id()).orElse(Map.of());
    String html = templates.process("documents/contract",
        new Context(Locale.SIMPLIFIED_CHINESE, model(mailer.model(contract), contract, clauses, provider)));
    return new Rendered(html, Sha256.hex(html), contract.reviewRound());
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
    model.put("settlementCycle", MerchantMailer.label(clauses.get("settlementCycle"), SettlementCycle::valueOf, SettlementCycle::label));
    model.put("disputeForum", MerchantMailer.label(clauses.get("disputeForum"), DisputeForum::valueOf, DisputeForum::label));
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
    BigDecimal reduction = InputRules.toDecimal(clauses.get("slaFeeReductionPercent"));
    model.put("slaFeeReduction", reduction != null && reduction.signum() > 0 ? reduction.stripTrailingZeros().toPlainString() : null);
    Long extension = InputRules.toWholeNumber(clauses.get("slaFreeExtensionDays"));
    model.put("slaFreeExtension", extension != null && extension > 0 ? extension : null);
    model.put("hasSlaRemedy", model.get("slaPenalty") != null || model.get("slaFeeReduction") != null
        || model.get("slaFreeExtension") != null);
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

  /** The document's HTML, its SHA-256 (hex) and its version (the clause-review round). */
  public record Rendered(String html, String sha256, int version) {
  }
}
