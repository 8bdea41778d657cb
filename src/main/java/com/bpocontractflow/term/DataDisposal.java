package com.bpocontractflow.term;

/** What became of the merchant's customer data at the end (PIPL art. 21). */
public enum DataDisposal {
  RETURNED("返还"),
  DELETED("删除");

  private final String label;

  DataDisposal(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
