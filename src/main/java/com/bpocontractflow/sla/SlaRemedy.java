package com.bpocontractflow.sla;

/** The provider's remedy decided by {@code sla-compensation}; the amounts come from the contract. */
public enum SlaRemedy {
  NONE("全部指标达标，无需赔偿", false, false, false),
  FEE_REDUCTION("减免服务费", true, false, false),
  REDUCTION_AND_EXTENSION("减免服务费并免费延长服务", true, true, false),
  REDUCTION_AND_PENALTY("减免服务费并支付违约金", true, false, true),
  FULL("减免服务费、免费延长服务并支付违约金", true, true, true);

  private final String label;
  private final boolean feeReduction;
  private final boolean freeExtension;
  private final boolean penalty;

  SlaRemedy(String label, boolean feeReduction, boolean freeExtension, boolean penalty) {
    this.label = label;
    this.feeReduction = feeReduction;
    this.freeExtension = freeExtension;
    this.penalty = penalty;
  }

  public String label() {
    return label;
  }

  public boolean feeReduction() {
    return feeReduction;
  }

  public boolean freeExtension() {
    return freeExtension;
  }

  public boolean penalty() {
    return penalty;
  }
}
