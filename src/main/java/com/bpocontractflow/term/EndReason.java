package com.bpocontractflow.term;

/** How the service term ended. */
public enum EndReason {
  TRIAL_EXIT("试用期退出"),
  EXPIRED("合同到期"),
  TERMINATED("书面通知解约");

  private final String label;

  EndReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
