package com.bpocontractflow.dispute;

/** The result of {@code negotiate-dispute}. */
public enum DisputeOutcome {
  RESOLVED("协商解决"),
  ESCALATED("协商不成，提交争议解决机构"),
  NEGOTIATION_EXPIRED("协商期限届满");

  private final String label;

  DisputeOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
