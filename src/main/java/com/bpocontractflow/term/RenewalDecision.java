package com.bpocontractflow.term;

/** The decision of {@code negotiate-renewal}. */
public enum RenewalDecision {
  RENEW("续签"),
  EXPIRE("到期终止");

  private final String label;

  RenewalDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
