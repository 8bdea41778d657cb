package com.bpocontractflow.term;

/** The decision of {@code review-trial}. */
public enum TrialOutcome {
  CONTINUE("继续合作"),
  TERMINATE("试用期退出");

  private final String label;

  TrialOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
