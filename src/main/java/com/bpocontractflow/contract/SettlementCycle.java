package com.bpocontractflow.contract;

/** How often fees are settled. */
public enum SettlementCycle {
  WEEKLY("周结"),
  MONTHLY("月结"),
  QUARTERLY("季结");

  private final String label;

  SettlementCycle(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
