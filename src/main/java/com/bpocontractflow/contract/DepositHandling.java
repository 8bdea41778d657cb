package com.bpocontractflow.contract;

/** What happens to the deposit at the end of the contract. */
public enum DepositHandling {
  REFUND("合同结束时退还"),
  SET_OFF("抵扣尾款");

  private final String label;

  DepositHandling(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
