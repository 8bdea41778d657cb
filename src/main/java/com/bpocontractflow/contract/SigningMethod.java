package com.bpocontractflow.contract;

/** How the contract is signed. */
public enum SigningMethod {
  PAPER("纸质合同"),
  ELECTRONIC("电子合同");

  private final String label;

  SigningMethod(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
